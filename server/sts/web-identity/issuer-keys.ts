// Signing keys of an OIDC issuer, as AWS finds them: `<iss>/.well-known/openid-configuration` → `jwks_uri`.
// Discovery documents are cached per issuer (bounded map, TTL); the key set itself is jose's remote JWKS
// (cached, refetched on an unknown kid with a cooldown). Every fetch is bounded by a timeout (AWS: 5 s).
// An IdP that cannot be reached or answers garbage → IDPCommunicationError.
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { AwsError } from '../../contracts/errors.ts';

export const FETCH_TIMEOUT_MS = 5000;
const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const MAX_ISSUERS = 200;
const MAX_DOCUMENT_BYTES = 256 * 1024;

export const KEY_NOT_RETRIEVED =
  "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements";

export const communicationError = (cause?: unknown) => new AwsError('IDPCommunicationError', KEY_NOT_RETRIEVED, { cause });

interface Entry {
  jwks: JWTVerifyGetKey;
  fetchedAt: number;
}

export interface IssuerKeysOptions {
  timeoutMs?: number;
}

/** A cache of issuers' key sets; one per broker process is enough (module singleton below). */
export class IssuerKeys {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();
  constructor(private readonly opts: IssuerKeysOptions = {}) {}

  /** The key resolver for `issuer` (normalised, without trailing slash), discovering it when needed. */
  async forIssuer(issuer: string): Promise<JWTVerifyGetKey> {
    const hit = this.entries.get(issuer);
    if (hit && Date.now() - hit.fetchedAt < DISCOVERY_TTL_MS) return hit.jwks;
    let p = this.pending.get(issuer);
    if (!p) {
      p = this.discover(issuer).finally(() => this.pending.delete(issuer));
      this.pending.set(issuer, p);
    }
    return (await p).jwks;
  }

  /** Forgets an issuer (e.g. after its provider was deleted or its keys rotated away). */
  forget(issuer: string): void {
    this.entries.delete(issuer);
  }

  private async discover(issuer: string): Promise<Entry> {
    const timeout = this.opts.timeoutMs ?? FETCH_TIMEOUT_MS;
    const doc = await fetchJson(`${issuer}/.well-known/openid-configuration`, timeout);
    // OpenID Connect Discovery §4.3: the document's issuer must be the issuer it was fetched for.
    if (typeof doc.issuer !== 'string' || doc.issuer.replace(/\/+$/, '') !== issuer) throw communicationError(new Error(`discovery issuer ${String(doc.issuer)} is not ${issuer}`));
    const jwksUri = typeof doc.jwks_uri === 'string' ? doc.jwks_uri : undefined;
    let url: URL;
    try {
      url = new URL(jwksUri ?? '');
    } catch (e) {
      throw communicationError(e);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && new URL(issuer).protocol === 'http:')) throw communicationError();
    const entry = { jwks: createRemoteJWKSet(url, { timeoutDuration: timeout, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 }), fetchedAt: Date.now() };
    if (this.entries.size >= MAX_ISSUERS) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(issuer, entry);
    return entry;
  }
}

async function fetchJson(url: string, timeoutMs: number): Promise<Record<string, unknown>> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error', headers: { accept: 'application/json' } });
    if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${url}`);
    const text = await res.text();
    if (text.length > MAX_DOCUMENT_BYTES) throw new Error(`discovery document from ${url} is too large`);
    const doc: unknown = JSON.parse(text);
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`discovery document from ${url} is not a JSON object`);
    return doc as Record<string, unknown>;
  } catch (e) {
    throw communicationError(e);
  }
}

export const issuerKeys = new IssuerKeys();
