// ad-connector against a real OpenLDAP slapd (the "on-prem AD"), through a real broker LDAP
// listener, driven with ldapts: each bind-name form, the DC's own bind failure passed through,
// the service-account search-then-bind flow of Grafana/Keycloak, writes refused, an upstream
// password change applying at once, nested groups. Skips when slapd is not installed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, InvalidCredentialsError, ResultCodeError } from 'ldapts';
import { ONPREM_BASE, ONPREM_PASSWORDS, ONPREM_SERVICE_DN, type Slapd, slapdMissing, startSlapd, userDn } from '../../helpers/slapd.ts';
import { connectorConfig, type Served, serveConnector } from '../../adapters/directory/ad-connector/connector-harness.ts';

const WHO_AM_I = '1.3.6.1.4.1.4203.1.11.3';

async function bindCode(url: string, name: string, password: string): Promise<{ code: number; message: string }> {
  const c = new Client({ url, strictDN: false, timeout: 10_000 });
  try {
    await c.bind(name, password);
    return { code: 0, message: '' };
  } catch (e) {
    if (e instanceof ResultCodeError) return { code: e.code, message: e.message };
    throw e;
  } finally {
    await c.unbind().catch(() => {});
  }
}

async function whoAmI(url: string, name: string, password: string): Promise<string | undefined> {
  const c = new Client({ url, strictDN: false, timeout: 10_000 });
  try {
    await c.bind(name, password);
    return (await c.exop(WHO_AM_I)).value;
  } finally {
    await c.unbind().catch(() => {});
  }
}

for (const bindConnections of ['fresh', 'pooled'] as const) describe(`ad-connector: binds, searches and groups through a real slapd (user binds: ${bindConnections} connections)`, { skip: slapdMissing() ?? false }, () => {
  let dc: Slapd;
  let served: Served;
  before(async () => {
    dc = await startSlapd();
    served = await serveConnector(connectorConfig([dc.url]), { bindConnections });
  });
  after(async () => {
    await served?.close().catch(() => {});
    await dc?.destroy();
  });

  it('binds with a DN, a UPN and ONPREM\\user, each as the same principal', async () => {
    for (const name of [userDn('alice'), 'alice@onprem.example.com', 'ONPREM\\alice', 'onprem\\alice']) {
      assert.equal(await whoAmI(served.url, name, ONPREM_PASSWORDS.alice), 'u:ONPREM\\alice', name);
    }
  });

  it('a wrong password gets the DC’s own result code and diagnostic, unchanged', async () => {
    const direct = await bindCode(dc.url, userDn('alice'), 'wrong-password');
    assert.equal(direct.code, 49);
    for (const name of [userDn('alice'), 'alice@onprem.example.com', 'ONPREM\\alice']) {
      const via = await bindCode(served.url, name, 'wrong-password');
      assert.deepEqual(via, direct, name);
    }
  });

  it('an unknown user or another domain gets AD’s 49 data 52e (no enumeration)', async () => {
    for (const name of ['nobody@onprem.example.com', 'ONPREM\\nobody', 'OTHER\\alice', 'ONPREM\\*', '*@onprem.example.com', 'a*)(|(uid@onprem.example.com']) {
      const r = await bindCode(served.url, name, 'whatever');
      assert.equal(r.code, 49, name);
      assert.match(r.message, /data 52e,/, name);
    }
    const direct = await bindCode(dc.url, 'alice)(uid=*', 'whatever');
    assert.deepEqual(await bindCode(served.url, 'alice)(uid=*', 'whatever'), direct, 'a name with = is a DN: the DC’s own answer');
  });

  it('service-account search then bind as the found DN (Grafana, Keycloak)', async () => {
    const svc = new Client({ url: served.url, timeout: 10_000 });
    try {
      await svc.bind(ONPREM_SERVICE_DN, ONPREM_PASSWORDS['svc-idbroker']);
      const { searchEntries } = await svc.search(ONPREM_BASE, { scope: 'sub', filter: '(&(objectClass=inetOrgPerson)(uid=bob))', attributes: ['mail', 'cn'] });
      assert.equal(searchEntries.length, 1);
      assert.equal(searchEntries[0].dn, userDn('bob'));
      assert.equal(searchEntries[0].mail, 'bob@onprem.example.com');
      assert.equal(await whoAmI(served.url, searchEntries[0].dn, ONPREM_PASSWORDS.bob), 'u:ONPREM\\bob');
      assert.equal((await bindCode(served.url, searchEntries[0].dn, 'nope')).code, 49);
      const groups = await svc.search(`ou=Groups,${ONPREM_BASE}`, { scope: 'one', filter: `(member=${userDn('bob')})`, attributes: ['cn'] });
      assert.deepEqual(groups.searchEntries.map((e) => e.cn).sort(), ['ops', 'staff']);
      await assert.rejects(svc.search(`ou=Nowhere,${ONPREM_BASE}`, { scope: 'sub' }), (e: ResultCodeError) => e.code === 32);
    } finally {
      await svc.unbind();
    }
  });

  it('refuses every write with unwillingToPerform (53)', async () => {
    const c = new Client({ url: served.url, timeout: 10_000 });
    try {
      await c.bind(userDn('alice'), ONPREM_PASSWORDS.alice);
      const is53 = (e: ResultCodeError) => e.code === 53;
      await assert.rejects(c.add(`uid=eve,ou=People,${ONPREM_BASE}`, { objectClass: 'inetOrgPerson', uid: 'eve', cn: 'Eve', sn: 'E' }), is53);
      await assert.rejects(c.modify(userDn('alice'), []), is53);
      await assert.rejects(c.del(userDn('bob')), is53);
      await assert.rejects(c.modifyDN(userDn('bob'), 'uid=robert'), is53);
    } finally {
      await c.unbind();
    }
    const { searchEntries } = await new Client({ url: dc.url }).search(ONPREM_BASE, { filter: '(uid=eve)' }).catch(() => ({ searchEntries: [] }));
    assert.equal(searchEntries.length, 0);
  });

  it('a password changed on the DC applies at once: old refused, new accepted', async () => {
    assert.equal((await bindCode(served.url, 'carol@onprem.example.com', ONPREM_PASSWORDS.carol)).code, 0);
    await dc.modify(`dn: ${userDn('carol')}\nchangetype: modify\nreplace: userPassword\nuserPassword: Carol-New-2\n`);
    assert.ok((await bindCode(served.url, 'carol@onprem.example.com', ONPREM_PASSWORDS.carol)).code === 49);
    assert.equal((await bindCode(served.url, 'ONPREM\\carol', 'Carol-New-2')).code, 0);
  });

  it('groupsOf: transitive groups through nesting, cycles terminate', async () => {
    const groupDn = (cn: string) => `cn=${cn},ou=Groups,${ONPREM_BASE}`;
    const norm = (l: string[]) => l.map((d) => d.toLowerCase()).sort();
    const alice = await served.connector.backend.groupsOf({ dn: userDn('alice'), name: 'ONPREM\\alice' });
    assert.deepEqual(norm(alice), norm(['engineers', 'staff', 'everyone'].map(groupDn)));
    const bob = await served.connector.backend.groupsOf({ dn: userDn('bob'), name: 'ONPREM\\bob' });
    assert.deepEqual(norm(bob), norm(['ops', 'staff', 'everyone'].map(groupDn)));
    const carol = await served.connector.backend.groupsOf({ dn: userDn('carol'), name: 'ONPREM\\carol' });
    assert.deepEqual(norm(carol), norm(['loop-a', 'loop-b'].map(groupDn)));
  });

  it('a search larger than the DC’s size limit (500) comes back whole: paged upstream, paged to the client', { skip: bindConnections === 'pooled' ? 'independent of bind connections: runs once' : false }, async () => {
    const ldif = Array.from({ length: 620 }, (_, i) => `dn: uid=bulk${i},ou=People,${ONPREM_BASE}\nchangetype: add\nobjectClass: inetOrgPerson\nuid: bulk${i}\ncn: Bulk ${i}\nsn: Bulk\n`).join('\n');
    await dc.modify(ldif);
    const direct = new Client({ url: dc.url });
    const svc = new Client({ url: served.url });
    try {
      await direct.bind(ONPREM_SERVICE_DN, ONPREM_PASSWORDS['svc-idbroker']);
      await assert.rejects(direct.search(ONPREM_BASE, { filter: '(sn=Bulk)', attributes: ['uid'] }), (e: ResultCodeError) => e.code === 4, 'the DC alone stops at 500');
      await svc.bind(ONPREM_SERVICE_DN, ONPREM_PASSWORDS['svc-idbroker']);
      const r = await svc.search(ONPREM_BASE, { filter: '(sn=Bulk)', attributes: ['uid'], paged: { pageSize: 200 } });
      assert.equal(new Set(r.searchEntries.map((e) => e.uid)).size, 620);
      const limited = await svc.search(ONPREM_BASE, { filter: '(sn=Bulk)', attributes: ['uid'], sizeLimit: 7 });
      assert.equal(limited.searchEntries.length, 7);
    } finally {
      await direct.unbind();
      await svc.unbind();
    }
  });

  it('logs no password, the service account’s included', async () => {
    const logs = served.logs.join('\n');
    for (const p of [...Object.values(ONPREM_PASSWORDS), 'Carol-New-2', 'wrong-password']) assert.ok(!logs.includes(p), p);
  });

  it('InvalidCredentialsError from ldapts is what clients see for a wrong password', async () => {
    const c = new Client({ url: served.url, strictDN: false });
    await assert.rejects(c.bind('ONPREM\\bob', 'nope'), InvalidCredentialsError);
  });
});
