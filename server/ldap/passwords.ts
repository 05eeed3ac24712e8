// Password values on the wire: AD's unicodePwd (the password in double quotes, UTF-16LE) and the
// RFC 3062 Password Modify request value.
import { LdapError } from '../contracts/directory.ts';
import { BerError, BerReader } from '../ber/ber.ts';

const badUnicodePwd = (): LdapError =>
  new LdapError('unwillingToPerform', '00000057: LdapErr: DSID-0C090D11, comment: Error in attribute conversion operation, data 0, v4563\u0000');

/** `"secret"` as UTF-16LE bytes → `secret`. */
export function decodeUnicodePwd(value: Buffer): string {
  if (value.length < 4 || value.length % 2 !== 0) throw badUnicodePwd();
  const s = value.toString('utf16le');
  if (!s.startsWith('"') || !s.endsWith('"')) throw badUnicodePwd();
  return s.slice(1, -1);
}

export function encodeUnicodePwd(password: string): Buffer {
  return Buffer.from(`"${password}"`, 'utf16le');
}

export interface PasswordModifyRequest {
  userIdentity?: string;
  oldPassword?: string;
  newPassword?: string;
}

/** PasswdModifyRequestValue ::= SEQUENCE { userIdentity [0], oldPasswd [1], newPasswd [2] } (all optional). */
export function decodePasswordModify(value: Buffer | undefined): PasswordModifyRequest {
  if (!value || value.length === 0) return {};
  try {
    const r = new BerReader(value).sequence();
    const out: PasswordModifyRequest = {};
    if (r.peekTag() === 0x80) out.userIdentity = r.string(0x80);
    if (r.peekTag() === 0x81) out.oldPassword = r.string(0x81);
    if (r.peekTag() === 0x82) out.newPassword = r.string(0x82);
    if (!r.done) throw new BerError('trailing bytes');
    return out;
  } catch (e) {
    if (e instanceof BerError) throw new LdapError('protocolError', 'malformed Password Modify request value');
    throw e;
  }
}
