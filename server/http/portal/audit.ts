// Portal events in the audit trail (eventSource portal.idbroker), named like IAM Identity Center's portal:
// Authenticate (sign-in, failed or not), GetRoleCredentials, Logout. No password or secret is recorded.
import type { Context } from 'koa';
import type { AuditLog } from '../../audit/audit-log.ts';
import { DENIED_CODES, newEventId } from '../../audit/event.ts';
import type { VerifiedIdentity } from '../../contracts/identity.ts';

export interface PortalEvent {
  name: 'Authenticate' | 'GetRoleCredentials' | 'Logout';
  identity?: VerifiedIdentity;
  /** For failed sign-ins: who tried. */
  userName?: string;
  account?: string;
  params: Record<string, unknown>;
  response?: Record<string, unknown>;
  errorCode?: string;
  errorMessage?: string;
}

export type PortalAuditor = (ctx: Context, e: PortalEvent) => void;

export function portalAuditor(audit: AuditLog | undefined, region: string, defaultAccount: () => string): PortalAuditor {
  return (ctx, e) => {
    if (!audit) return;
    const account = e.account ?? defaultAccount();
    audit.record({
      eventVersion: '1.08',
      eventTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      eventSource: 'portal.idbroker',
      eventName: e.name,
      awsRegion: region,
      sourceIPAddress: ctx.ip,
      userAgent: ctx.get('User-Agent') || undefined,
      userIdentity: e.identity
        ? { type: e.identity.source === 'directory' ? 'DirectoryUser' : e.identity.source === 'saml' ? 'SAMLUser' : 'WebIdentityUser', principalId: e.identity.subject, userName: e.identity.displayName, identityProvider: e.identity.provider, accountId: account }
        : { type: 'Unknown', userName: e.userName, accountId: account },
      requestParameters: e.params,
      responseElements: e.response ?? null,
      ...(e.errorCode ? { errorCode: e.errorCode, errorMessage: e.errorMessage } : {}),
      requestID: (ctx.state.requestId as string | undefined) ?? newEventId(),
      eventID: newEventId(),
      readOnly: false,
      denied: e.errorCode !== undefined && DENIED_CODES.has(e.errorCode),
    });
  };
}
