// The first open creates the domain the way Samba's provisioning does (domain object, CN=Users,
// CN=Computers, OU=Domain Controllers, CN=Builtin, the well-known groups and accounts), once:
// a meta flag set in the same transaction makes two replicas starting together agree. Every
// open then applies the config's seed OUs, groups and users, creating what is missing and
// adding declared memberships.
import { randomBytes } from 'node:crypto';
import { Entry } from '../../../server/contracts/directory.ts';
import { escapeDNValue } from '../../../server/contracts/dn.ts';
import { GROUP_TYPE, RID, sidToBytes, UAC } from './ad-values.ts';
import { type Ctx, stamp } from './context.ts';
import { keyOf, lc, type Model, memberKey } from './model.ts';
import { buildObject } from './objects.ts';
import { hashPassword } from './passwords.ts';

export interface Seed {
  ous: { name: string; parent?: string; description?: string }[];
  groups: { name: string; description?: string; ou?: string; members: string[] }[];
  users: {
    username: string; password?: string; passwordHash?: string; givenName?: string; surname?: string; displayName?: string; email?: string;
    userPrincipalName?: string; ou?: string; groups: string[]; disabled: boolean; passwordNeverExpires: boolean; mustChangePassword: boolean;
    attributes: Record<string, string | string[]>;
  }[];
}

const USER = ['top', 'person', 'organizationalPerson', 'user'];
const GROUP = ['top', 'group'];

/** Creates the domain tree on an empty directory; true when this call did it. */
export async function provision(ctx: Ctx, adminPassword: string): Promise<boolean> {
  const hash = await hashPassword(adminPassword, ctx.cost);
  const base = ctx.domain.baseDN;
  return ctx.state.write(async (batch, tx) => {
    if (!(await tx.meta.setIfAbsent(`dir-init:${ctx.state.account}`, ctx.now().toISOString()))) return false;
    const domainSid = `S-1-5-21-${[0, 1, 2].map(() => randomBytes(4).readUInt32LE() >>> 1).join('-')}`;
    const root = new Entry(base, {
      objectClass: ['top', 'domain', 'domainDNS'], dc: ctx.domain.dnsName.split('.')[0], name: ctx.domain.dnsName.split('.')[0],
      objectGUID: randomBytes(16), objectSid: sidToBytes(domainSid), isCriticalSystemObject: 'TRUE',
      objectCategory: `CN=Domain-DNS,CN=Schema,CN=Configuration,${base}`, lockoutThreshold: String(ctx.lockout.threshold),
      lockoutDuration: String(-BigInt(ctx.lockout.durationSeconds) * 10_000_000n), lockOutObservationWindow: String(-BigInt(ctx.lockout.windowSeconds) * 10_000_000n),
      minPwdLength: String(ctx.passwordPolicy.minLength), pwdHistoryLength: String(ctx.passwordPolicy.history),
      pwdProperties: ctx.passwordPolicy.complexity ? '1' : '0', maxPwdAge: String(-BigInt(ctx.passwordPolicy.maxAgeDays) * 864_000_000_000n),
    });
    stamp(ctx, root, batch.usn, true);
    batch.put({ ...keyOf(base), entry: root });
    const add = async (dn: string, attrs: Record<string, string | string[]>, extra: { rid?: number; sid?: string; password?: { hash: string } } = {}) =>
      batch.put(await buildObject(ctx, batch, tx, { dn, attributes: new Entry(dn, attrs), critical: true, ...extra }));
    for (const [cn, description] of [['Users', 'Default container for upgraded user accounts'], ['Computers', 'Default container for upgraded computer accounts'], ['Builtin', 'Built-in security principals']]) {
      await add(`CN=${cn},${base}`, { objectClass: ['top', 'container'], description });
    }
    await add(`OU=Domain Controllers,${base}`, { objectClass: ['top', 'organizationalUnit'], description: 'Default container for domain controllers' });
    const users = `CN=Users,${base}`;
    const groups: [string, number, string][] = [
      ['Domain Admins', RID.domainAdmins, 'Designated administrators of the domain'], ['Domain Users', RID.domainUsers, 'All domain users'],
      ['Domain Guests', RID.domainGuests, 'All domain guests'], ['Domain Computers', RID.domainComputers, 'All workstations and servers joined to the domain'],
      ['Domain Controllers', RID.domainControllers, 'All domain controllers in the domain'], ['Schema Admins', RID.schemaAdmins, 'Designated administrators of the schema'],
      ['Enterprise Admins', RID.enterpriseAdmins, 'Designated administrators of the enterprise'],
    ];
    for (const [cn, rid, description] of groups) await add(`CN=${cn},${users}`, { objectClass: GROUP, description }, { rid });
    const account = (sam: string, uac: number, description: string, primary: number = RID.domainUsers) =>
      ({ objectClass: USER, sAMAccountName: sam, userAccountControl: String(uac), description, primaryGroupID: String(primary) });
    await add(`CN=Administrator,${users}`, { ...account('Administrator', UAC.NORMAL_ACCOUNT | UAC.DONT_EXPIRE_PASSWORD, 'Built-in account for administering the computer/domain'), userPrincipalName: `Administrator@${ctx.domain.dnsName}` }, { rid: RID.administrator, password: { hash } });
    await add(`CN=Guest,${users}`, account('Guest', UAC.NORMAL_ACCOUNT | UAC.ACCOUNTDISABLE | UAC.PASSWD_NOTREQD, 'Built-in account for guest access to the computer/domain', RID.domainGuests), { rid: RID.guest });
    await add(`CN=krbtgt,${users}`, account('krbtgt', UAC.NORMAL_ACCOUNT | UAC.ACCOUNTDISABLE, 'Key Distribution Center Service Account'), { rid: RID.krbtgt });
    const builtin: [string, number, string[]][] = [
      ['Administrators', 544, [`CN=Administrator,${users}`, `CN=Domain Admins,${users}`, `CN=Enterprise Admins,${users}`]],
      ['Users', 545, [`CN=Domain Users,${users}`]], ['Guests', 546, [`CN=Guest,${users}`, `CN=Domain Guests,${users}`]],
    ];
    for (const [cn, rid, member] of builtin) await add(`CN=${cn},CN=Builtin,${base}`, { objectClass: GROUP, member, groupType: GROUP_TYPE.builtinLocal }, { sid: `S-1-5-32-${rid}` });
    for (const cn of ['Domain Admins', 'Enterprise Admins', 'Schema Admins']) {
      const g = batch.get(keyOf(`CN=${cn},${users}`).key)!;
      batch.put({ ...g, entry: g.entry.clone().set('member', [`CN=Administrator,${users}`]) });
    }
    return true;
  });
}

/** `OU=Sales` / a DN (relative to the base or absolute) / a bare OU name → the container DN. */
function containerDN(ctx: Ctx, ref: string | undefined, fallback: string): string {
  const base = ctx.domain.baseDN;
  if (ref === undefined || ref === '') return fallback;
  if (!ref.includes('=')) return `OU=${escapeDNValue(ref)},${base}`;
  return keyOf(ref).key.endsWith(keyOf(base).key) ? ref : `${ref},${base}`;
}

function lookup(m: Model, name: string): string | undefined {
  if (name.includes('=')) {
    const k = memberKey(name);
    return k !== undefined && m.get(k) ? m.get(k)!.entry.dn : undefined;
  }
  const k = m.bySam.get(lc(name)!);
  return k === undefined ? undefined : m.get(k)!.entry.dn;
}

/** Applies the seed: creates missing OUs, groups and users, then the declared memberships. */
export async function applySeed(ctx: Ctx, seed: Seed): Promise<void> {
  const base = ctx.domain.baseDN;
  const before = await ctx.state.model();
  const userDN = (u: Seed['users'][number]): string => {
    const cn = [u.attributes.cn].flat()[0] ?? u.displayName ?? u.username;
    return `CN=${escapeDNValue(cn)},${containerDN(ctx, u.ou, `CN=Users,${base}`)}`;
  };
  const hashes = new Map<string, string>();
  const missing = seed.users.filter((u) => !before.bySam.has(lc(u.username)!));
  for (let i = 0; i < missing.length; i += 4) { // scrypt runs on libuv's 4 threads
    await Promise.all(missing.slice(i, i + 4).map(async (u) => {
      if (u.password) hashes.set(u.username, await hashPassword(u.password, ctx.cost));
      else if (u.passwordHash) hashes.set(u.username, u.passwordHash);
    }));
  }
  await ctx.state.write(async (batch, tx) => {
    const exists = (dn: string) => batch.get(keyOf(dn).key) !== undefined;
    for (const ou of seed.ous) {
      const dn = `OU=${escapeDNValue(ou.name)},${containerDN(ctx, ou.parent, base)}`;
      if (!exists(dn)) batch.put(await buildObject(ctx, batch, tx, { dn, attributes: new Entry(dn, { objectClass: ['top', 'organizationalUnit'], ...(ou.description ? { description: ou.description } : {}) }) }));
    }
    for (const g of seed.groups) {
      const dn = `CN=${escapeDNValue(g.name)},${containerDN(ctx, g.ou, `CN=Users,${base}`)}`;
      if (batch.model.bySam.has(lc(g.name)!) || exists(dn)) continue;
      batch.put(await buildObject(ctx, batch, tx, { dn, attributes: new Entry(dn, { objectClass: GROUP, sAMAccountName: g.name, ...(g.description ? { description: g.description } : {}) }) }));
    }
    for (const u of seed.users) {
      const dn = userDN(u);
      if (batch.model.bySam.has(lc(u.username)!) || exists(dn)) continue;
      const hash = hashes.get(u.username);
      const uac = UAC.NORMAL_ACCOUNT | (u.disabled ? UAC.ACCOUNTDISABLE : 0) | (u.passwordNeverExpires ? UAC.DONT_EXPIRE_PASSWORD : 0);
      const attrs: Record<string, string | string[]> = {
        objectClass: USER, sAMAccountName: u.username, userPrincipalName: u.userPrincipalName ?? `${u.username}@${ctx.domain.dnsName}`,
        userAccountControl: String(uac), ...(u.givenName ? { givenName: u.givenName } : {}), ...(u.surname ? { sn: u.surname } : {}),
        ...(u.displayName ? { displayName: u.displayName } : {}), ...(u.email ? { mail: u.email } : {}), ...(u.mustChangePassword ? { pwdLastSet: '0' } : {}),
        ...u.attributes,
      };
      delete attrs.cn;
      batch.put(await buildObject(ctx, batch, tx, { dn, attributes: new Entry(dn, attrs), password: hash ? { hash } : undefined }));
    }
  });
  await ctx.state.write((batch) => {
    const m = batch.model;
    const want = new Map<string, Set<string>>(); // group DN → member DNs
    const need = (group: string, member: string) => {
      const g = lookup(m, group);
      const who = lookup(m, member);
      if (!g || !who) throw new Error(`directory ${ctx.domain.dnsName} seed: unknown ${g ? 'member' : 'group'} "${g ? member : group}"`);
      if (!want.has(g)) want.set(g, new Set());
      want.get(g)!.add(who);
    };
    for (const g of seed.groups) for (const member of g.members) need(g.name, member);
    for (const u of seed.users) for (const g of u.groups) need(g, u.username);
    for (const [g, who] of want) {
      const o = m.get(keyOf(g).key)!;
      const have = new Set((o.entry.get('member') ?? []).map((v) => memberKey(v)));
      const missing = [...who].filter((dn) => !have.has(keyOf(dn).key));
      if (missing.length === 0) continue;
      const e = o.entry.clone().set('member', [...(o.entry.get('member') ?? []), ...missing]);
      stamp(ctx, e, batch.usn);
      batch.put({ ...o, entry: e });
    }
  });
}
