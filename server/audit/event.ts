// Audit events in CloudTrail's record shape, with secrets removed before they are stored or logged.
import { randomUUID } from 'node:crypto';
import type { AuditRecord } from '../contracts/store.ts';
import type { Caller } from '../iam/caller.ts';

export interface AuditEvent {
  eventVersion: '1.08';
  eventTime: string;
  eventSource: string; // 'iam.amazonaws.com', 'sts.amazonaws.com', 'ldap.idbroker', 'portal.idbroker'
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent?: string;
  userIdentity: Record<string, unknown>;
  requestParameters: Record<string, unknown> | null;
  responseElements: unknown;
  errorCode?: string;
  errorMessage?: string;
  requestID: string;
  eventID: string;
  readOnly: boolean;
  /** An authorization failure (AccessDenied and kin), for `--denied`. */
  denied: boolean;
}

// Matched without regard to case: request parameters are renamed to lowerCamelCase (SAMLAssertion → sAMLAssertion).
const SECRET_NAMES = /^(SecretAccessKey|SessionToken|SAMLAssertion|WebIdentityToken|Password|OldPassword|NewPassword|unicodePwd|userPassword|TokenCode|AuthenticationCode1|AuthenticationCode2|Base32StringSeed|QRCodePNG|ClientSecret|LDAPPassword|EncodedMessage)$/i;
const REDACTED = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/** A copy with every secret-named member replaced, at any depth (CloudTrail's marker). */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_NAMES.test(k.split('.').pop() ?? k) ? REDACTED : redact(v)]));
  }
  return value;
}

export function userIdentity(caller: Caller | undefined): Record<string, unknown> {
  if (!caller) return { type: 'Unknown' };
  const type = caller.type === 'User' ? 'IAMUser' : caller.type;
  const s = caller.session;
  return {
    type,
    principalId: caller.userId,
    arn: caller.arn,
    accountId: caller.account,
    accessKeyId: caller.accessKeyId,
    ...(caller.userName ? { userName: caller.userName } : {}),
    ...(s
      ? {
          sessionContext: {
            sessionIssuer: s.type === 'AssumedRole' ? { type: 'Role', arn: s.principalArn, accountId: caller.account, userName: s.roleName } : { type: 'IAMUser', arn: s.principalArn, accountId: caller.account },
            attributes: { creationDate: new Date(s.issuedAt * 1000).toISOString(), mfaAuthenticated: String(Boolean(s.mfa)) },
            ...(s.sourceIdentity ? { sourceIdentity: s.sourceIdentity } : {}),
          },
        }
      : {}),
  };
}

export function newEventId(): string {
  return randomUUID();
}

export const DENIED_CODES = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'insufficientAccessRights', 'invalidCredentials', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'ExpiredToken', 'MissingAuthenticationToken']);

export function toRecord(e: AuditEvent): AuditRecord {
  const u = e.userIdentity as { arn?: string; accountId?: string };
  return {
    eventId: e.eventID,
    eventTime: e.eventTime,
    account: u.accountId ?? '',
    principalArn: u.arn ?? '',
    eventSource: e.eventSource,
    eventName: e.eventName,
    denied: e.denied,
    errorCode: e.errorCode,
    data: e,
  };
}
