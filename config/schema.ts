// The config schema: what users write (see DESIGN.md, "Configuration") and the normalised,
// typed result the broker runs on. Defaults that depend on other keys are filled in here.
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { accountId, always, boolean, filePath, hostName, integer, list, matching, optional, port, text } from '../server/contracts/config-fields.ts';
import { directorySchema } from './schema/directories.ts';
import { groupSchema, managedPolicySchema, roleSchema, userSchema } from './schema/iam.ts';
import { identityProvidersSchema } from './schema/providers.ts';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** An object with optional certFile and keyFile, both or neither (neither: a certificate is generated). */
function certificateFiles<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject({ ...shape, certFile: optional(filePath()), keyFile: optional(filePath()) }).superRefine((value, ctx) => {
    const t = value as { certFile?: string; keyFile?: string };
    if ((t.certFile === undefined) !== (t.keyFile === undefined))
      ctx.addIssue({ code: 'custom', message: 'expected both certFile and keyFile, or neither (a certificate is generated)', path: [] });
  });
}

const httpSchema = z.strictObject({
  host: hostName().default('127.0.0.1'),
  port: port().default(8080),
  publicUrl: optional(matching(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'expected an http:// or https:// URL without query or fragment')),
  bodyLimitBytes: integer(1, 2 ** 31 - 1, 'expected a size in bytes from 1 to 2147483647').default(1024 * 1024),
  trustProxy: boolean().default(false),
  /** HTTPS: `{}` generates a self-signed certificate in dataDir/tls; or give certFile and keyFile. */
  tls: certificateFiles({}).optional(),
  /** A second listener serving the same API over HTTPS (the embedded default: 8443, certificate generated in
   *  dataDir/tls and its fingerprint printed), beside the plain one; certFile and keyFile as for `tls`. */
  https: certificateFiles({ host: optional(hostName()), port: port() }).optional(),
  /** Connection limits of each HTTP/HTTPS listener (server/http/connection-limits.ts). */
  maxConnections: integer(1, 10_000_000).default(10_000),
  maxConnectionsPerSource: integer(0, 10_000_000).default(1000),
  headersTimeoutMs: integer(100, 3_600_000).default(20_000),
  requestTimeoutMs: integer(100, 3_600_000).default(60_000),
  keepAliveTimeoutMs: integer(100, 3_600_000).default(65_000),
}).refine((h) => h.headersTimeoutMs <= h.requestTimeoutMs, { message: 'expected headersTimeoutMs no larger than requestTimeoutMs', path: ['headersTimeoutMs'] });

const postgresUrl = () =>
  z.string().refine((v) => {
    if (!/^postgres(ql)?:\/\//.test(v)) return false;
    try {
      new URL(v);
      return true;
    } catch {
      return false;
    }
  }, 'expected a postgres:// or postgresql:// URL');

const storeSchema = z
  .strictObject({ sqlite: optional(filePath()), postgres: optional(postgresUrl()) })
  .refine((s) => !(s.sqlite && s.postgres), 'expected only one of sqlite or postgres');

const accountSchema = z.strictObject({
  id: accountId(),
  alias: optional(matching(/^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$/, 'expected an alias of 3 to 63 lower-case letters, digits or single hyphens')),
});

const adminSchema = z
  .strictObject({
    accessKeyId: optional(matching(/^AKIA[A-Z0-9]{16}$/, 'expected an access key id: "AKIA" and 16 upper-case letters or digits')),
    secretAccessKey: optional(matching(/^[A-Za-z0-9/+]{40}$/, 'expected a secret access key of 40 characters (letters, digits, / or +)')),
  })
  .superRefine((a, ctx) => {
    if (a && typeof a === 'object' && (a.accessKeyId === undefined) !== (a.secretAccessKey === undefined))
      ctx.addIssue({ code: 'custom', message: 'expected both accessKeyId and secretAccessKey, or neither (generated)', path: [] });
  }, always);

export const rawConfigSchema = z.strictObject({
  http: httpSchema.prefault({}),
  /** What the broker logs (JSON lines on stderr): trace, debug, info (default), warn, error, fatal or silent. */
  logLevel: z.enum(LOG_LEVELS).default('info').describe('log level: trace | debug | info | warn | error | fatal | silent (default info)'),
  region: matching(/^[a-z]{2}(-(gov|iso[a-z]?))?-[a-z]+-\d{1,2}$/, 'expected a region name like "us-east-1"').default('us-east-1'),
  dataDir: text().default('./data'),
  store: storeSchema.optional(),
  keys: z.strictObject({ file: optional(filePath()), inline: optional(text()) }).optional(),
  accounts: z.array(accountSchema).min(1, { error: 'expected at least one account' }),
  admin: adminSchema.optional(),
  users: list(userSchema),
  groups: list(groupSchema),
  roles: list(roleSchema),
  policies: list(managedPolicySchema),
  identityProviders: identityProvidersSchema.prefault({}),
  directories: list(directorySchema),
  limits: z
    .strictObject({
      /** Query API and /authorize requests per second from one source address (0: no limit). */
      requestsPerSecondPerSource: z.coerce.number().int().min(0).default(1000),
      /** Query API requests per second by one principal (0: no limit). */
      requestsPerSecondPerPrincipal: z.coerce.number().int().min(0).default(500),
      /** File descriptors kept free for everything but accepted connections (the store, upstream directories and
       *  IdPs, files); the listeners' connection limits together are fitted below RLIMIT_NOFILE minus this. */
      fileDescriptorReserve: z.coerce.number().int().min(16).default(256),
      /** Wrong MFA codes (TokenCode of GetSessionToken/AssumeRole) one IAM MFA device may receive in
       *  mfaWrongCodesWindowSeconds; after them every code, the right one too, is refused until the window passes. */
      mfaWrongCodesPerDevice: z.coerce.number().int().min(1).max(1000).default(20),
      mfaWrongCodesWindowSeconds: z.coerce.number().int().min(1).max(86_400).default(300),
    })
    .prefault({}),
  /** Services that accept the broker's credentials through POST /authorize (docs/policy.md). */
  relyingServices: z
    .strictObject({
      /** Services whose resources' own policy must grant, like a role's trust policy or a KMS key policy. */
      resourcePolicyRequired: z.array(matching(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a service name (files, vault…)')).default([]),
      /** A resource-based policy per resource ARN prefix (the longest prefix applies), with the resources' owner account. */
      resourcePolicies: z
        .array(z.strictObject({ prefix: text(), account: optional(accountId()), policy: z.union([text(), z.record(z.string(), z.unknown())]) }))
        .default([]),
    })
    .prefault({}),
  sessions: z
    .strictObject({
      /** How often a directory user's session is re-checked against the directory (disabled, group removed). */
      directoryRecheckSeconds: z.coerce.number().int().min(1, { error: 'expected at least 1 second' }).default(60),
    })
    .prefault({}),
  audit: z
    .strictObject({
      retentionDays: z.coerce.number().int().min(1, { error: 'expected at least 1 day' }).default(90),
      /** Also write every audit event to the log at info (one JSON line each). Default false: the store only. */
      log: boolean().default(false).describe('also write each audit event to the log at info (default false: the store only)'),
    })
    .prefault({}),
});

export type RawConfig = z.output<typeof rawConfigSchema>;

function defaultPublicUrl(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}`;
}

/** Drops keys whose value is undefined (an empty "${VAR:-}" leaves the key out, not undefined). */
function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, compact(v)])) as T;
  return value;
}

/** Fills in defaults that depend on other keys; `env` supplies IDBROKER_KEYRING. */
export function normaliseConfig(raw: RawConfig, env: NodeJS.ProcessEnv) {
  const dataDir = resolve(raw.dataDir);
  const defaultAccount = raw.accounts[0].id;
  const account = (ref: string | undefined): string =>
    ref === undefined ? defaultAccount : (raw.accounts.find((a) => a.id === ref || a.alias === ref)?.id ?? ref);
  const withAccount = <T extends { account?: string }>(items: T[]) => items.map((i) => ({ ...i, account: account(i.account) }));
  const store =
    raw.store?.postgres !== undefined
      ? { kind: 'postgres' as const, url: raw.store.postgres }
      : { kind: 'sqlite' as const, file: raw.store?.sqlite ?? join(dataDir, 'idbroker.db') };
  const keys: { file: string; inline?: string } = { file: raw.keys?.file ?? join(dataDir, 'keyring.json') };
  const inline = raw.keys?.inline ?? (env.IDBROKER_KEYRING || undefined);
  if (inline !== undefined) keys.inline = inline;
  return compact({
    http: { ...raw.http, publicUrl: (raw.http.publicUrl ?? defaultPublicUrl(raw.http.host, raw.http.port)).replace(/\/+$/, '') },
    logLevel: raw.logLevel,
    region: raw.region,
    dataDir,
    store: store as { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string },
    keys,
    accounts: raw.accounts,
    admin: raw.admin ?? {},
    users: withAccount(raw.users),
    groups: withAccount(raw.groups),
    roles: withAccount(raw.roles),
    policies: withAccount(raw.policies),
    identityProviders: { saml: withAccount(raw.identityProviders.saml), oidc: withAccount(raw.identityProviders.oidc) },
    directories: raw.directories,
    audit: raw.audit,
    sessions: raw.sessions,
    limits: raw.limits,
    relyingServices: raw.relyingServices,
  });
}

export const configSchema = (env: NodeJS.ProcessEnv) => rawConfigSchema.transform((raw) => normaliseConfig(raw, env));

/** The normalised config the broker runs on. */
export type Config = z.output<ReturnType<typeof configSchema>>;
export type DirectoryConfig = Config['directories'][number];
export type UserConfig = Config['users'][number];
export type GroupConfig = Config['groups'][number];
export type RoleConfig = Config['roles'][number];
export type ManagedPolicyConfig = Config['policies'][number];
export type { PolicyDocument, PolicyStatement } from './schema/policy-document.ts';
