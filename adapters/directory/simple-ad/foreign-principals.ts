// Foreign security principals, as AD keeps members from trusted domains (used by managed-ad): an
// object `CN=<SID>,CN=ForeignSecurityPrincipals,<base>` (objectClass foreignSecurityPrincipal,
// objectSid = the foreign SID) that local groups list in `member`. AD creates it when such a member
// is first added; so does addToGroups. The container is created on first use, marked critical as
// AD's is. Clients cannot create these objects through add (objectClassViolation, as before).
import { randomBytes } from 'node:crypto';
import { adError, Entry, type ForeignPrincipals } from '../../../server/contracts/directory.ts';
import { sidToBytes } from './ad-values.ts';
import { type Ctx, stamp } from './context.ts';
import { isGroup, keyOf, lc, memberKey, type Obj } from './model.ts';
import type { Batch } from './state.ts';

const SID = /^S-1-\d+(-\d+){1,14}$/i;

export function foreignPrincipals(ctx: Ctx): ForeignPrincipals {
  const container = `CN=ForeignSecurityPrincipals,${ctx.domain.baseDN}`;
  const dnOf = (sid: string) => `CN=${sid.toUpperCase()},${container}`;
  const create = (batch: Batch, dn: string, attrs: Record<string, string | string[] | Buffer>, category: string): void => {
    const e = new Entry(dn, { ...attrs, objectGUID: randomBytes(16), objectCategory: `CN=${category},CN=Schema,CN=Configuration,${ctx.domain.baseDN}` });
    stamp(ctx, e, batch.usn, true);
    batch.put({ ...keyOf(dn), entry: e });
  };
  return {
    dnOf,
    async addToGroups(sid: string, groups: string[]): Promise<string> {
      if (!SID.test(sid)) throw new Error(`not a SID: ${sid}`);
      const dn = dnOf(sid);
      await ctx.state.write((batch) => {
        if (!batch.get(keyOf(container).key)) {
          create(batch, container, { objectClass: ['top', 'container'], cn: 'ForeignSecurityPrincipals', name: 'ForeignSecurityPrincipals', isCriticalSystemObject: 'TRUE',
            description: 'Default container for security identifiers (SIDs) associated with objects from external, trusted domains' }, 'Container');
        }
        if (!batch.get(keyOf(dn).key)) {
          const cn = sid.toUpperCase();
          create(batch, dn, { objectClass: ['top', 'foreignSecurityPrincipal'], cn, name: cn, objectSid: sidToBytes(cn) }, 'Foreign-Security-Principal');
        }
        const key = keyOf(dn).key;
        for (const g of groups) {
          const o = group(batch, g);
          const members = o.entry.get('member') ?? [];
          if (members.some((v) => memberKey(v) === key)) continue;
          const e = o.entry.clone().set('member', [...members, dn]);
          stamp(ctx, e, batch.usn);
          batch.put({ ...o, entry: e });
        }
      });
      return dn;
    },
  };
}

function group(batch: Batch, ref: string): Obj {
  let o: Obj | undefined;
  if (ref.includes('=')) {
    const k = memberKey(ref);
    o = k === undefined ? undefined : batch.get(k);
  } else {
    const k = batch.model.bySam.get(lc(ref)!);
    o = k === undefined ? undefined : batch.get(k);
  }
  if (!o || !isGroup(o.entry)) throw adError.noSuchObject(ref);
  return o;
}
