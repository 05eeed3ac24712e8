// Encoded authorization failure messages: every AccessDenied from an authorization decision carries one;
// DecodeAuthorizationMessage turns it back into AWS's DecodedMessage JSON. Opaque to the caller: sealed
// with AES-256-GCM under the key ring ('authorization-message' purpose), in AWS's base64url-like alphabet.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { KeyRing } from '../keys/keyring.ts';
import type { ContextValue, Decision } from '../policy/index.ts';

const TTL_SECONDS = 7 * 24 * 3600;

export interface DeniedRequest {
  principal: { id: string; arn: string; name?: string };
  action: string;
  resource: string;
  context: Record<string, ContextValue | undefined>;
}

const items = <T>(xs: T[]) => ({ items: xs });

function values(v: ContextValue | undefined): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v.map(String);
  if (v instanceof Date) return [v.toISOString().replace(/\.\d{3}Z$/, 'Z')];
  return [String(v)];
}

/** AWS's DecodedMessage structure. */
export function decodedMessage(d: Decision, req: DeniedRequest): string {
  return JSON.stringify({
    allowed: d.decision === 'allowed',
    explicitDeny: d.decision === 'explicitDeny',
    matchedStatements: items(
      d.matchedStatements.map((s) => ({
        statementId: s.sid ?? '',
        effect: s.effect.toUpperCase(),
        principals: items([]),
        principalGroups: items([]),
        actions: items([{ value: req.action }]),
        resources: items([{ value: req.resource }]),
        conditions: items([]),
        policy: { id: s.policyId ?? '', kind: s.policyKind },
      })),
    ),
    failures: items(d.reason ? [{ value: d.reason }] : []),
    context: {
      principal: req.principal,
      action: req.action,
      resource: req.resource,
      conditions: items(
        Object.entries(req.context)
          .filter(([, v]) => v !== undefined)
          .map(([key, v]) => ({ key, values: items(values(v).map((value) => ({ value }))) })),
      ),
    },
  });
}

/** The account of a principal ARN (arn:aws:iam::ACCOUNT:… / arn:aws:sts::ACCOUNT:…). */
const accountOf = (arn: string | undefined) => /^arn:[^:]+:[^:]+:[^:]*:([^:]*):/.exec(arn ?? '')?.[1] ?? '';

/** Opaque to callers: base64url( kid length | kid | iv | AES-256-GCM(deflate(JSON)) | tag ). Sealed with the
 *  denied principal's account: only that account may decode it. */
export async function encodeAuthorizationMessage(keys: KeyRing, d: Decision, req: DeniedRequest, now: Date): Promise<string> {
  const kid = Buffer.from(keys.current.kid);
  const payload = deflateRawSync(JSON.stringify({ exp: Math.floor(now.getTime() / 1000) + TTL_SECONDS, account: accountOf(req.principal.arn), message: decodedMessage(d, req) }));
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', keys.derive(keys.current.kid, 'authorization-message')!, iv);
  c.setAAD(kid);
  const ct = Buffer.concat([c.update(payload), c.final()]);
  return Buffer.concat([Buffer.from([kid.length]), kid, iv, ct, c.getAuthTag()]).toString('base64url');
}

export interface OpenedMessage {
  /** The DecodedMessage JSON. */
  message: string;
  /** The account of the principal that was denied. */
  account: string;
}

/** The message and its account, or undefined when the message is not ours, altered, or expired. */
export async function decodeAuthorizationMessage(keys: KeyRing, encoded: string, now: Date): Promise<OpenedMessage | undefined> {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return undefined;
    const raw = Buffer.from(encoded, 'base64url');
    const kid = raw.subarray(1, 1 + raw[0]);
    const key = keys.derive(kid.toString(), 'authorization-message');
    if (!key || raw.length < 1 + kid.length + 12 + 16) return undefined;
    const body = raw.subarray(1 + kid.length);
    const d = createDecipheriv('aes-256-gcm', key, body.subarray(0, 12));
    d.setAAD(kid);
    d.setAuthTag(body.subarray(body.length - 16));
    const plain = inflateRawSync(Buffer.concat([d.update(body.subarray(12, body.length - 16)), d.final()]));
    const { exp, message, account } = JSON.parse(plain.toString('utf8')) as { exp: number; message: string; account?: string };
    if (exp * 1000 <= now.getTime()) return undefined;
    // sealed before messages carried their account: the denied principal's, from the message itself
    return { message, account: account ?? accountOf((JSON.parse(message) as { context?: { principal?: { arn?: string } } }).context?.principal?.arn) };
  } catch {
    return undefined;
  }
}
