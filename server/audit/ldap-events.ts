// LDAP binds and writes as audit events (eventSource ldap.idbroker), from the LDAP front end's audit hook.
import { ResultCode } from '../contracts/directory.ts';
import type { LdapAuditEvent } from '../ldap/options.ts';
import type { AuditLog } from './audit-log.ts';
import { DENIED_CODES, newEventId } from './event.ts';

const NAMES = new Map<number, string>(Object.entries(ResultCode).map(([k, v]) => [v, k]));
const EVENT: Record<LdapAuditEvent['op'], string> = { bind: 'Bind', add: 'Add', modify: 'Modify', delete: 'Delete', modifyDN: 'ModifyDN', passwordModify: 'PasswordModify' };

export function ldapAuditor(audit: AuditLog, opts: { directoryId: string; account: string; region: string }): (e: LdapAuditEvent) => void {
  return (e) => {
    const errorCode = e.resultCode === 0 ? undefined : (NAMES.get(e.resultCode) ?? String(e.resultCode));
    audit.record({
      eventVersion: '1.08',
      eventTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      eventSource: 'ldap.idbroker',
      eventName: EVENT[e.op],
      awsRegion: opts.region,
      sourceIPAddress: e.remoteAddress ?? 'unknown',
      userIdentity: e.principal
        ? { type: 'DirectoryUser', principalId: e.principal.dn, arn: e.principal.dn, userName: e.principal.name, accountId: opts.account, directoryId: opts.directoryId }
        : { type: 'Anonymous', accountId: opts.account, directoryId: opts.directoryId },
      requestParameters: { directoryId: opts.directoryId, [e.op === 'bind' ? 'name' : 'dn']: e.target, secure: e.secure },
      responseElements: null,
      ...(errorCode ? { errorCode, errorMessage: e.diagnostic?.replace(/\u0000$/, '') } : {}),
      requestID: newEventId(),
      eventID: newEventId(),
      readOnly: false,
      denied: errorCode !== undefined && DENIED_CODES.has(errorCode),
    });
  };
}
