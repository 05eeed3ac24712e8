// ExtendedRequest: StartTLS (RFC 4511 §4.14), Who am I? (RFC 4532, answered `u:DOMAIN\user` as AD
// does), Password Modify (RFC 3062). Anything else: protocolError, as AD and Samba answer.
import { LdapError, ResultCode } from '../contracts/directory.ts';
import type { Control, Request } from './decode-request.ts';
import { frontEndError } from './diagnostics.ts';
import { encodeExtendedResponse } from './encode-response.ts';
import { decodePasswordModify } from './passwords.ts';
import { OID } from './root-dse.ts';
import type { Session } from './session.ts';

type ExtendedRequest = Request & { op: 'extended' };

export async function handleExtended(s: Session, id: number, req: ExtendedRequest, controls: Control[]): Promise<void> {
  switch (req.oid) {
    case OID.startTls: {
      if (!s.ctx.startTlsContext) throw new LdapError('protocolError', 'StartTLS is not offered on this port');
      if (s.secure) throw new LdapError('operationsError', 'TLS is already established');
      if (s.pending.size > 1) throw new LdapError('operationsError', 'Operations are pending on this connection');
      s.send(encodeExtendedResponse(id, { resultCode: ResultCode.success }, OID.startTls));
      s.startTls();
      return;
    }
    case OID.whoAmI: {
      const value = s.principal ? `u:${s.principal.name}` : '';
      s.send(encodeExtendedResponse(id, { resultCode: ResultCode.success }, undefined, Buffer.from(value, 'utf8')));
      return;
    }
    case OID.passwordModify: {
      if (!s.ctx.passwordModify) throw frontEndError.unknownExtendedOperation();
      if (!s.principal) throw frontEndError.notBound();
      if (!s.secure && !s.ctx.limits.allowInsecurePasswordChange) throw frontEndError.secureChannelRequired();
      const change = s.ctx.backend.changePassword;
      if (!change) throw frontEndError.notSupported();
      const r = decodePasswordModify(req.value);
      if (r.newPassword === undefined || r.newPassword === '') throw new LdapError('unwillingToPerform', 'Password generation is not supported: send newPasswd');
      const policyHints = controls.some((c) => c.type === OID.policyHints || c.type === OID.policyHintsDeprecated);
      await change.call(s.ctx.backend, s.principal, r.userIdentity ?? s.principal.dn, {
        oldPassword: r.oldPassword,
        newPassword: r.newPassword,
        policyHints,
      });
      s.send(encodeExtendedResponse(id, { resultCode: ResultCode.success }));
      return;
    }
    default:
      throw frontEndError.unknownExtendedOperation();
  }
}
