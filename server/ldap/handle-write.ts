// Add, Modify, Delete, ModifyDN and Compare. Writes go to the backend when it has the capability,
// else unwillingToPerform (53). unicodePwd modifies become changePassword (AD: delete old + add
// new = change; replace = reset; quoted UTF-16LE; encrypted connection required).
import { adError, Entry, isBinaryAttribute, LdapError, ResultCode, type AttributeValue, type BoundPrincipal, type ModifyChange } from '../contracts/directory.ts';
import type { Control, Request } from './decode-request.ts';
import { frontEndError } from './diagnostics.ts';
import { parseDN } from '../contracts/dn.ts';
import { encodeResult } from './encode-response.ts';
import { matchesFilter } from '../contracts/filter-match.ts';
import { decodeUnicodePwd } from './passwords.ts';
import { OID } from './root-dse.ts';
import type { Session } from './session.ts';

type Req<K extends Request['op']> = Request & { op: K };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Binary attributes stay bytes; all others must be valid UTF-8 and become strings. */
export function typedValues(attribute: string, values: Buffer[]): AttributeValue[] {
  if (isBinaryAttribute(attribute)) return values;
  return values.map((v) => {
    try {
      return utf8.decode(v);
    } catch {
      throw new LdapError('invalidAttributeSyntax', `00000057: LdapErr: DSID-0C090D11, comment: Error in attribute conversion operation, data 0, v4563\u0000`);
    }
  });
}

function writer(s: Session): BoundPrincipal {
  if (!s.principal) throw frontEndError.notBound();
  return s.principal;
}

function ok(s: Session, id: number, tag: number): void {
  s.send(encodeResult(id, tag, { resultCode: ResultCode.success }));
}

const isPwd = (a: string): boolean => a.split(';')[0].toLowerCase() === 'unicodepwd';

export async function handleAdd(s: Session, id: number, req: Req<'add'>): Promise<void> {
  const who = writer(s);
  parseDN(req.dn);
  const add = s.ctx.backend.add;
  if (!add) throw frontEndError.notSupported();
  const entry = new Entry(req.dn);
  let password: string | undefined;
  for (const a of req.attributes) {
    if (isPwd(a.type)) {
      if (!s.secure && !s.ctx.limits.allowInsecurePasswordChange) throw frontEndError.secureChannelRequired();
      if (a.values.length !== 1) throw adError.willNotPerform();
      password = decodeUnicodePwd(a.values[0]);
      continue;
    }
    entry.set(a.type, [...(entry.get(a.type) ?? []), ...typedValues(a.type, a.values)]);
  }
  await add.call(s.ctx.backend, who, entry, password);
  ok(s, id, 0x69);
}

export async function handleModify(s: Session, id: number, req: Req<'modify'>, controls: Control[]): Promise<void> {
  const who = writer(s);
  parseDN(req.dn);
  const pwd = req.changes.filter((c) => isPwd(c.attribute));
  if (pwd.length > 0) {
    if (pwd.length !== req.changes.length) throw adError.willNotPerform();
    if (!s.secure && !s.ctx.limits.allowInsecurePasswordChange) throw frontEndError.secureChannelRequired();
    const change = s.ctx.backend.changePassword;
    if (!change) throw frontEndError.notSupported();
    const policyHints = controls.some((c) => c.type === OID.policyHints || c.type === OID.policyHintsDeprecated);
    const [a, b] = pwd;
    if (pwd.length === 1 && a.operation === 'replace' && a.values.length === 1) {
      await change.call(s.ctx.backend, who, req.dn, { newPassword: decodeUnicodePwd(a.values[0]), policyHints });
    } else if (pwd.length === 2 && a.operation === 'delete' && b.operation === 'add' && a.values.length === 1 && b.values.length === 1) {
      await change.call(s.ctx.backend, who, req.dn, { oldPassword: decodeUnicodePwd(a.values[0]), newPassword: decodeUnicodePwd(b.values[0]), policyHints });
    } else {
      throw adError.willNotPerform();
    }
    return ok(s, id, 0x67);
  }
  const modify = s.ctx.backend.modify;
  if (!modify) throw frontEndError.notSupported();
  const changes: ModifyChange[] = req.changes.map((c) => ({ ...c, values: typedValues(c.attribute, c.values) }));
  await modify.call(s.ctx.backend, who, req.dn, changes);
  ok(s, id, 0x67);
}

export async function handleDelete(s: Session, id: number, req: Req<'delete'>): Promise<void> {
  const who = writer(s);
  parseDN(req.dn);
  const del = s.ctx.backend.delete;
  if (!del) throw frontEndError.notSupported();
  await del.call(s.ctx.backend, who, req.dn);
  ok(s, id, 0x6b);
}

export async function handleModifyDN(s: Session, id: number, req: Req<'modifyDN'>): Promise<void> {
  const who = writer(s);
  parseDN(req.dn);
  if (parseDN(req.newRdn).length !== 1) throw new LdapError('invalidDNSyntax', 'newrdn must be a single RDN');
  if (req.newSuperior !== undefined) parseDN(req.newSuperior);
  const move = s.ctx.backend.modifyDN;
  if (!move) throw frontEndError.notSupported();
  await move.call(s.ctx.backend, who, req.dn, req.newRdn, req.deleteOldRdn, req.newSuperior);
  ok(s, id, 0x6d);
}

export async function handleCompare(s: Session, id: number, req: Req<'compare'>): Promise<void> {
  const who = writer(s);
  parseDN(req.dn);
  if (isPwd(req.attribute)) throw frontEndError.secureChannelRequired();
  const filter = { type: 'present' as const, attribute: 'objectClass' };
  for await (const entry of s.ctx.backend.search(req.dn, 'base', filter, { principal: who, attributes: [req.attribute], sizeLimit: 1 })) {
    if (!entry.has(req.attribute.split(';')[0])) throw new LdapError('noSuchAttribute', `00002080: AtrErr: DSID-03153943, #1:\n\t0: 00002080: DSID-03153943, problem 1001 (NO_ATTRIBUTE_OR_VAL), data 0, Att (${req.attribute})\n`);
    const match = matchesFilter(entry, { type: 'equality', attribute: req.attribute, value: req.value });
    s.send(encodeResult(id, 0x6f, { resultCode: match ? ResultCode.compareTrue : ResultCode.compareFalse }));
    return;
  }
  throw new LdapError('noSuchObject', 'no such object');
}
