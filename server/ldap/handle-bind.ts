// BindRequest: simple bind by DN, UPN or DOMAIN\user (whatever the backend resolves), anonymous
// bind, unauthenticated bind refused (RFC 4513 §5.1.2), SASL PLAIN; other SASL mechanisms get
// authMethodNotSupported instead of a dropped connection.
import { LdapError, ResultCode } from '../contracts/directory.ts';
import type { Request } from './decode-request.ts';
import { bindFailureMessage, frontEndError } from './diagnostics.ts';
import { encodeBindResponse } from './encode-response.ts';
import { SASL_MECHANISMS } from './root-dse.ts';
import type { Session } from './session.ts';

type BindRequest = Request & { op: 'bind' };

export async function handleBind(s: Session, id: number, req: BindRequest): Promise<void> {
  s.principal = null; // a bind (even a failed one) first resets the session to anonymous
  if (req.version !== 3 && req.version !== 2) throw new LdapError('protocolError', `LDAP version ${req.version} is not supported`);
  let name: string;
  let password: Buffer;
  const sasl = req.auth.kind === 'sasl';
  if (req.auth.kind === 'sasl') {
    if (!SASL_MECHANISMS.includes(req.auth.mechanism.toUpperCase())) {
      throw new LdapError('authMethodNotSupported', `SASL mechanism ${req.auth.mechanism} is not supported; supported: ${SASL_MECHANISMS.join(' ')}`);
    }
    const parts = (req.auth.credentials ?? Buffer.alloc(0)).toString('utf8').split('\u0000');
    if (parts.length !== 3) throw new LdapError('protocolError', 'malformed SASL PLAIN credentials');
    const [authzid, authcid, pw] = parts;
    if (authzid !== '' && authzid !== authcid && authzid !== `u:${authcid}` && authzid !== `dn:${authcid}`) {
      throw new LdapError('insufficientAccessRights', 'Proxy authorization is not supported');
    }
    if (authcid === '') throw new LdapError('invalidCredentials', bindFailureMessage('52e', true));
    name = authcid;
    password = Buffer.from(pw, 'utf8');
  } else {
    name = req.name;
    password = req.auth.password;
  }
  if (name === '' && password.length === 0) {
    s.send(encodeBindResponse(id, { resultCode: ResultCode.success }));
    return;
  }
  if (password.length === 0) throw frontEndError.unauthenticatedBind();
  if (name === '') throw new LdapError('invalidCredentials', bindFailureMessage('52e', sasl));
  const result = await s.ctx.backend.bind(name, password.toString('utf8'));
  if (!result.ok) throw new LdapError('invalidCredentials', bindFailureMessage(result.adCode, sasl));
  s.principal = result.principal;
  s.send(encodeBindResponse(id, { resultCode: ResultCode.success }));
}
