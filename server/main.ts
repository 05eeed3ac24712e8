// Composition root: config → store, keys → services → listeners. Nothing global; close() undoes it all.
import { createServer, type Server } from 'node:http';
import type { Context } from 'koa';
import { createServer as createHttpsServer } from 'node:https';
import { loadOrCreateTls } from './tls/certificates.ts';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import type { Config } from '../config/schema.ts';
import type { Store } from './contracts/store.ts';
import { browserGuard } from './http/browser-guard.ts';
import { createApp } from './http/app.ts';
import { authorizeEndpoint } from './http/authorize-endpoint.ts';
import { registeredResourcePolicies, StoredResourcePolicies } from './iam/resource-policies.ts';
import { resourcePolicyApi } from './http/resource-policy-api.ts';
import { portalRoutes, portalSignIn } from './http/portal/index.ts';
import { loginRoutes } from './http/login-routes/index.ts';
import { portalAuditor } from './http/portal/audit.ts';
import { storeSamlRequests } from './sts/saml/login-requests.ts';
import { purgeExpiredRecords } from './expired-records.ts';
import { createMetrics } from './http/metrics.ts';
import { IAM_NAMESPACE, queryApi } from './http/query-api.ts';
import type { ActionServices } from './iam/action.ts';
import { iamActions } from './iam/actions/index.ts';
import { applyConfig } from './iam/apply-config.ts';
import { Authorizer } from './iam/authorizer.ts';
import { seedAwsManagedPolicies } from './iam/aws-managed.ts';
import { bootstrapAdmin, type AdminBootstrap } from './iam/bootstrap-admin.ts';
import { CredentialResolver } from './iam/credentials.ts';
import { loadOrCreateKeyRing, reloadKeyRing, type KeyRing } from './keys/keyring.ts';
import { STS_NAMESPACE, stsActions } from './sts/actions/index.ts';
import { RevocationList } from './sts/revocation.ts';
import { limitWrongMfaCodes } from './sts/mfa.ts';
import { DirectorySessionChecker } from './sts/directory-sessions.ts';
import { RevokeSessions } from './sts/actions/revoke-sessions.ts';
import { AuditLog } from './audit/audit-log.ts';
import { LookupEvents } from './audit/lookup-events.ts';
import { cloudTrailApi, isCloudTrailRequest } from './http/cloudtrail-api.ts';
import { OIDC_LOGIN_TTL_MS, oidcLoginProvider, oidcLoginStates, openMfaVerifier, openStore, samlLoginProvider, samlSpMetadata } from './registry.ts';
import { ensureSpKeyPair } from './saml-sp-key.ts';
import { spEndpoints } from './sts/saml/sp-endpoints.ts';
import { directoryDetails, startDirectories, type Directories } from './directories.ts';
import { openDirectoryMfa } from './directory-mfa/index.ts';
import { applyConnectionLimits, httpServerOptions } from './http/connection-limits.ts';
import { budgetWarning, openFileLimit, planConnectionBudget, type ListenerDemand } from './connection-budget.ts';
import { DEFAULT_LIMITS as LDAP_DEFAULT_LIMITS } from './ldap/index.ts';

/** How long a stopping broker lets HTTP requests in flight finish before it closes their connections. */
const SHUTDOWN_GRACE_MS = 5000;

export interface BrokerOptions {
  config: Config;
  logger?: Logger;
  /** Where the start-up lines (endpoints, first-start credentials) go; stdout by default. */
  print?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** The Query API's clock (tests replay captured requests at their own time), by which the Store also judges expiry. */
  clock?: () => Date;
}

export interface Broker {
  readonly httpUrl: string;
  /** The second, HTTPS listener (config http.https), when there is one. */
  readonly httpsUrl?: string;
  /** config http.publicUrl, with the real port when the config asked for port 0. */
  readonly publicUrl: string;
  readonly store: Store;
  readonly keys: KeyRing;
  readonly admin: AdminBootstrap;
  readonly audit: AuditLog;
  readonly directories: Directories;
  close(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startBroker(opts: BrokerOptions): Promise<Broker> {
  const { config } = opts;
  const env = opts.env ?? process.env;
  const print = opts.print ?? ((line: string) => process.stdout.write(line + '\n'));
  const logger = opts.logger ?? pino({ level: config.logLevel, base: { service: 'idbroker' } }, pino.destination(2));

  const keyFile = config.keys.file ?? join(config.dataDir, 'keyring.json');
  const inlineKeys = config.keys.inline ?? env.IDBROKER_KEYRING;
  const { ring: keys, created: keysCreated } = loadOrCreateKeyRing({ file: keyFile, inline: inlineKeys });
  if (keysCreated) logger.info('created a new key ring');
  // `idbroker keys rotate` adds a key that activates 30 s later; every replica re-reads the file within 10 s.
  const keyReload = inlineKeys
    ? undefined
    : setInterval(() => {
        try {
          if (reloadKeyRing(keys, keyFile)) logger.info({ kids: keys.keys.map((k) => k.kid), current: keys.current.kid }, 'key ring reloaded');
        } catch (err) {
          logger.error({ err }, 'key ring reload failed; keeping the keys in memory');
        }
      }, 10_000);
  keyReload?.unref();
  const clock = opts.clock ?? (() => new Date());
  const store = await openStore(config.store, { clock });
  let closeOnFailure: () => Promise<void> = async () => {};
  try {
    const now = new Date();
    await seedAwsManagedPolicies(store, now);
    await applyConfig(store, keys, config, now);
    const account = config.accounts[0].id;
    const admin = await bootstrapAdmin(store, keys, account, config.admin ?? {}, now);

    const authorizer = new Authorizer(store, keys);
    const credentials = new CredentialResolver(store, keys);
    const revocations = new RevocationList(store);
    const directorySessions = new DirectorySessionChecker(store, () => actionServices.directories, config.sessions.directoryRecheckSeconds * 1000);
    const audit = new AuditLog(store, logger, { retentionDays: config.audit.retentionDays, log: config.audit.log });
    const metrics = createMetrics();
    const actionServices: ActionServices = { region: config.region, publicUrl: config.http.publicUrl, accounts: config.accounts, revokeChanged: () => revocations.invalidate() };
    limitWrongMfaCodes(store, { points: config.limits.mfaWrongCodesPerDevice, durationSeconds: config.limits.mfaWrongCodesWindowSeconds });
    const perSource = config.limits.requestsPerSecondPerSource ? store.rateLimiter({ name: 'src', points: config.limits.requestsPerSecondPerSource, durationSeconds: 1 }) : undefined;
    const perPrincipal = config.limits.requestsPerSecondPerPrincipal ? store.rateLimiter({ name: 'prn', points: config.limits.requestsPerSecondPerPrincipal, durationSeconds: 1 }) : undefined;
    const api = queryApi({
      store,
      keys,
      credentials,
      authorizer,
      revocations,
      directorySessions,
      actionServices,
      bodyLimit: config.http.bodyLimitBytes,
      clock: opts.clock,
      audit,
      limits: {
        perSource,
        perPrincipal,
      },
      services: [
        { name: 'iam', version: '2010-05-08', namespace: IAM_NAMESPACE, actions: iamActions([RevokeSessions, LookupEvents]), internalError: 'ServiceFailure' },
        { name: 'sts', version: '2011-06-15', namespace: STS_NAMESPACE, actions: stsActions(), unsigned: new Set(['AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithLDAPIdentity']), internalError: 'InternalFailure' },
      ],
      onWrite: () => {
        authorizer.invalidate();
        credentials.invalidate();
      },
    });
    const cloudTrail = cloudTrailApi({ store, keys, credentials, revocations, directorySessions, authorizer, region: config.region, bodyLimit: config.http.bodyLimitBytes, audit, clock: opts.clock, limits: { perSource, perPrincipal } });
    const apis = (ctx: Context) => (isCloudTrailRequest(ctx) ? cloudTrail(ctx) : api(ctx));
    const storedResourcePolicies = new StoredResourcePolicies(store);
    const authorizeCall = authorizeEndpoint({ keys, credentials, revocations, directorySessions, authorizer, bodyLimit: config.http.bodyLimitBytes, audit, region: config.region, limits: { perSource, perPrincipal }, resourcePolicies: registeredResourcePolicies(config.relyingServices.resourcePolicies), resourcePolicyRequiredServices: config.relyingServices.resourcePolicyRequired, storedResourcePolicies });
    const resourcePolicies = resourcePolicyApi({ keys, credentials, revocations, directorySessions, authorizer, policies: storedResourcePolicies, bodyLimit: config.http.bodyLimitBytes, audit, limits: { perSource, perPrincipal } });
    const authorize = (ctx: Context) => (ctx.path === '/authorize' ? authorizeCall(ctx) : resourcePolicies(ctx));
    const spKey = await ensureSpKeyPair(store, keys, new URL(config.http.publicUrl).hostname);
    const samlMetadata = async () => samlSpMetadata({ ...spEndpoints(actionServices.publicUrl), ...spKey });
    const portal = portalRoutes({ store, keys, audit, services: actionServices });
    const federatedLogin = loginRoutes({
      store,
      keys,
      services: actionServices,
      signIn: portalSignIn({ store, keys, audit, services: actionServices }),
      saml: samlLoginProvider,
      samlRequests: storeSamlRequests(store),
      oidc: oidcLoginProvider,
      oidcStates: oidcLoginStates(store),
      oidcLoginTtlMs: OIDC_LOGIN_TTL_MS,
      clock: () => new Date(),
      audit: portalAuditor(audit, config.region, () => config.accounts[0].id),
    });
    // every listener's connection limit, fitted below the open-file limit (server/connection-budget.ts)
    const demands: ListenerDemand[] = [{ name: 'http', maxConnections: config.http.maxConnections }];
    if (config.http.https) demands.push({ name: 'https', maxConnections: config.http.maxConnections });
    for (const d of config.directories)
      for (const kind of ['ldap', 'ldaps'] as const) if (d[kind]) demands.push({ name: `${kind} ${d.id}`, maxConnections: d.ldapLimits?.maxConnections ?? LDAP_DEFAULT_LIMITS.maxConnections });
    const openFiles = openFileLimit();
    const budget = planConnectionBudget(demands, openFiles.limit, config.limits.fileDescriptorReserve);
    if (budget.scaled) logger.warn({ openFiles: openFiles.limit, source: openFiles.source, caps: Object.fromEntries(budget.caps) }, budgetWarning(budget, demands));
    const started: { directories?: Directories } = {}; // set once the directories run; /readyz lists them
    const readiness = () => ({ directories: directoryDetails(started.directories?.running ?? []) });
    const app = createApp({ store, logger, metrics, queryApi: apis, authorize, samlMetadata, portal, readiness, federatedLogin, guard: browserGuard({ perSource }), trustProxy: config.http.trustProxy });
    const housekeeping = setInterval(() => {
      purgeExpiredRecords(store, clock()).catch((err) => logger.warn({ err }, 'purging expired records failed'));
    }, 3600_000);
    housekeeping.unref();
    const directories: Directories = await startDirectories(config.directories, {
      store,
      dataDir: config.dataDir,
      logger,
      audit,
      account: config.accounts[0].id,
      region: config.region,
      maxConnections: (id, kind) => budget.caps.get(`${kind} ${id}`),
    });
    started.directories = directories;
    actionServices.directories = new Map(directories.running.map((d) => [d.id, d.backend]));
    actionServices.directorySettings = new Map(config.directories.map((d) => [d.id, { sessionTags: d.sessionTags, transitiveTagKeys: d.transitiveTagKeys }]));
    actionServices.directoryMfa = openDirectoryMfa(config.directories, { store, keys, openRadius: openMfaVerifier });
    closeOnFailure = () => directories.close();
    // one certificate (generated once into dataDir/tls/https.crt, or the configured files) for either HTTPS listener
    const httpsCertificate = (host: string, files: { certFile?: string; keyFile?: string }) =>
      loadOrCreateTls({ dataDir: config.dataDir, name: 'https', hostNames: [host, 'localhost', '127.0.0.1', new URL(config.http.publicUrl).hostname], certFile: files.certFile, keyFile: files.keyFile });
    const httpsTls = config.http.tls ? await httpsCertificate(config.http.host, config.http.tls) : undefined;
    const servers: Server[] = [];
    const closeServers = () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              // requests in flight get a grace period; connections still sending headers (a slow or idle client
              // that never completed a request) would otherwise hold the shutdown until headersTimeoutMs
              const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
              server.close(() => {
                clearTimeout(grace);
                resolve();
              });
              server.closeIdleConnections();
            }),
        ),
      );
    const serve = async (name: 'http' | 'https', host: string, port: number, tls?: { key: string; cert: string }) => {
      const limits = { ...config.http, maxConnections: budget.caps.get(name) ?? config.http.maxConnections };
      const options = httpServerOptions(limits);
      const server: Server = tls ? createHttpsServer({ ...options, key: tls.key, cert: tls.cert, minVersion: 'TLSv1.2' }, app.callback()) : createServer(options, app.callback());
      applyConnectionLimits(server, limits, { tls: !!tls, logger });
      const addr = await listen(server, host, port);
      servers.push(server);
      return { url: `${tls ? 'https' : 'http'}://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`, port: addr.port };
    };
    closeOnFailure = async () => {
      await closeServers();
      await directories.close();
    };
    const main = await serve('http', config.http.host, config.http.port, httpsTls);
    const httpUrl = main.url;
    actionServices.publicUrl = config.http.publicUrl.replace(/:0$/, `:${main.port}`);
    // the embedded default's second listener: the same API over HTTPS with a generated (or configured) certificate
    const extra = config.http.https;
    const extraTls = extra ? await httpsCertificate(extra.host ?? config.http.host, extra) : undefined;
    const httpsUrl = extra && extraTls ? (await serve('https', extra.host ?? config.http.host, extra.port, extraTls)).url : undefined;

    print(`idbroker listening`);
    print(`  HTTP (IAM and STS Query API): ${httpUrl}`);
    if (httpsTls) print(`  HTTPS certificate SHA-256 fingerprint: ${httpsTls.fingerprint}`);
    if (httpsUrl && extraTls) {
      print(`  HTTPS (IAM and STS Query API): ${httpsUrl}`);
      print(`  HTTPS certificate SHA-256 fingerprint: ${extraTls.fingerprint}${extra?.certFile ? '' : ` (generated: ${join(config.dataDir, 'tls', 'https.crt')})`}`);
    }
    print(`  Portal (browser sign-in): ${actionServices.publicUrl}/`);
    print(`  SAML SP metadata: ${actionServices.publicUrl}/saml/metadata`);
    for (const d of directories.running) {
      if (d.ldapUrl) print(`  LDAP ${d.id} (StartTLS available): ${d.ldapUrl}`);
      if (d.ldapsUrl) print(`  LDAPS ${d.id}: ${d.ldapsUrl}`);
      if (d.fingerprint) print(`  ${d.id} certificate SHA-256 fingerprint: ${d.fingerprint}`);
    }
    print(`  store: ${config.store.kind === 'sqlite' ? `SQLite ${config.store.file}` : 'PostgreSQL'}`);
    for (const d of directories.running) {
      if (d.generatedAdminPassword) {
        const dir = config.directories.find((c) => c.id === d.id)!;
        print(`First start of directory ${d.id} (${dir.dnsName}): generated the Administrator password, shown only now:`);
        print(`  ${dir.netbiosName}\\Administrator  ${d.generatedAdminPassword}`);
        print(`  (wrong passwords lock it: npx idbroker directories unlock Administrator --directory ${d.id}; lost: npx idbroker directories reset-password Administrator --directory ${d.id})`);
      }
    }
    if (admin.created && admin.secretAccessKey) {
      print(`First start: created IAM user "${admin.userName}" in account ${account} with AdministratorAccess. Its secret is shown only now:`);
      print(`  export AWS_ACCESS_KEY_ID=${admin.accessKeyId}`);
      print(`  export AWS_SECRET_ACCESS_KEY=${admin.secretAccessKey}`);
      print(`  export AWS_REGION=${config.region} AWS_DEFAULT_REGION=${config.region}`);
      print(`  aws iam list-roles --endpoint-url ${httpUrl}`);
    }
    if (admin.givenIgnored) {
      const why = `the administrator was created on an earlier start, so the key in IDBROKER_ADMIN_ACCESS_KEY_ID / IDBROKER_ADMIN_SECRET_ACCESS_KEY (config admin) is ignored: it is not one of its keys. A new key from the data directory: npx idbroker admin create-key`;
      print(`Warning: ${why}`);
      logger.warn({ account }, why);
    }
    logger.info({ httpUrl }, 'idbroker started');

    let closed = false;
    return {
      httpUrl,
      ...(httpsUrl ? { httpsUrl } : {}),
      publicUrl: actionServices.publicUrl,
      store,
      keys,
      admin,
      audit,
      directories,
      async close() {
        if (closed) return;
        closed = true;
        await closeServers();
        if (keyReload) clearInterval(keyReload);
        clearInterval(housekeeping);
        await directories.close();
        await audit.close();
        await store.close();
        logger.info('idbroker stopped');
      },
    };
  } catch (err) {
    if (keyReload) clearInterval(keyReload);
    await closeOnFailure().catch(() => {});
    await store.close();
    throw err;
  }
}
