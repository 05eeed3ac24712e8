// AD's SELF rights on a user's own object. The user class's defaultSecurityDescriptor grants
// PRINCIPAL_SELF read and write property on the Personal-Information (77b5b886-944a-11d1-aebd-
// 0000f80367c1) and Web-Information (e45795b3-9455-11d1-aebd-0000f80367c1) property sets, and on
// Email-Information (e45795b2-…), which the base schema leaves empty: `(OA;;RPWP;…;;PS)` in
// AD_DS_Classes_Windows_Server_v1903.ldf. An attribute belongs to a set by its
// attributeSecurityGUID, which the schema table carries (../../../server/contracts/ad-schema.ts).
// Anything else a non-admin writes, on their own object or another's, stays insufficientAccessRights.
import { adError, type BoundPrincipal, type ModifyChange } from '../../../server/contracts/directory.ts';
import { attributeType } from '../../../server/contracts/ad-schema.ts';
import { isUser, keyOf, type Model } from './model.ts';

/** Whether SELF may write this attribute on its own user object (systemOnly ones never). */
export function selfWritable(attribute: string): boolean {
  const a = attributeType(attribute);
  return a !== undefined && a.propertySet !== undefined && !a.systemOnly;
}

/** A non-admin's modify: allowed only on their own user object and only SELF-writable attributes. */
export function requireSelfWrite(m: Model, who: BoundPrincipal, dn: string, changes: ModifyChange[]): void {
  let self = false;
  try {
    self = keyOf(who.dn).key === keyOf(dn).key;
  } catch {
    self = false;
  }
  const target = self ? m.get(keyOf(dn).key) : undefined;
  if (!target || !isUser(target.entry) || !changes.every((c) => selfWritable(c.attribute))) throw adError.insufficientAccessRights();
}
