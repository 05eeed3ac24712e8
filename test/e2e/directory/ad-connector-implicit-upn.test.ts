// The ad-connector accepts the implicit UPN a DC accepts: `user@<dnsName>` for an account without
// a userPrincipalName attribute binds as sAMAccountName=user (uid=user on OpenLDAP), and an
// explicit userPrincipalName still wins over it. Over the broker's LDAP listener, against a slapd
// upstream entry with neither userPrincipalName nor mail, and against the AD-like stand-in (the
// broker's own simple-ad over LDAP) with an account whose userPrincipalName was removed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from 'ldapts';
import type { DirectoryConfig } from '../../../config/schema.ts';
import { directorySchema } from '../../../config/schema/directories.ts';
import { connectorConfig, type Served, serveConnector } from '../../adapters/directory/ad-connector/connector-harness.ts';
import { openOn } from '../../adapters/directory/simple-ad-helpers.ts';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { ONPREM_BASE, type Slapd, slapdMissing, startSlapd } from '../../helpers/slapd.ts';
import { closeTestStores, openTestStore } from '../../helpers/test-store.ts';
import { BASE, type Harness, startLdap } from '../../server/ldap/harness.ts';

const whoAmI = async (url: string, name: string, password: string): Promise<string> => {
  const c = new Client({ url, timeout: 10_000 });
  try {
    await c.bind(name, password);
    return await c.exop('1.3.6.1.4.1.4203.1.11.3').then((r) => String(r.value ?? ''));
  } finally {
    await c.unbind().catch(() => {});
  }
};
const bindCode = (url: string, name: string, password: string): Promise<number> =>
  whoAmI(url, name, password).then(() => 0, (e: { code?: number }) => e.code ?? -1);

describe('ad-connector implicit UPN against a slapd upstream entry without userPrincipalName or mail', { skip: slapdMissing() ?? false }, () => {
  let dc: Slapd;
  let served: Served;
  before(async () => {
    dc = await startSlapd();
    await dc.modify(
      [`dn: uid=dora,ou=People,${ONPREM_BASE}`, 'changetype: add', 'objectClass: inetOrgPerson', 'uid: dora', 'cn: Dora Dunn', 'sn: Dunn', 'userPassword: Dora-Pass-1', ''].join('\n'),
    );
    served = await serveConnector(connectorConfig([dc.url]));
  });
  after(async () => {
    await served?.close().catch(() => {});
    await dc?.destroy();
  });

  it('binds dora@<dnsName> as the entry, and refuses another suffix and a wrong password', async () => {
    assert.equal(await whoAmI(served.url, 'dora@onprem.example.com', 'Dora-Pass-1'), 'u:ONPREM\\dora');
    assert.equal(await whoAmI(served.url, 'DORA@ONPREM.EXAMPLE.COM', 'Dora-Pass-1'), 'u:ONPREM\\dora');
    assert.equal(await bindCode(served.url, 'dora@elsewhere.example', 'Dora-Pass-1'), 49);
    assert.equal(await bindCode(served.url, 'dora@onprem.example.com', 'wrong'), 49);
  });
});

describe('ad-connector implicit UPN against the AD-like stand-in (simple-ad over LDAP)', () => {
  let upstream: Harness;
  let served: Served;
  before(async () => {
    const seed = { ...CONTRACT_SEED, users: [...CONTRACT_SEED.users, { sam: 'svc-conn', password: 'Svc!conn12345' }] };
    const { backend } = await openOn(await openTestStore(), seed);
    const admin = await backend.bind('CORP\\admin', 'Adm1n!pass');
    assert.ok(admin.ok);
    // bob has no userPrincipalName (as Samba's and Windows' Administrator, and accounts many tools create);
    // alice's explicit UPN is the string bob's implicit one would be
    await backend.modify!(admin.principal, `CN=Bob\\, Jr.,OU=Engineering,${BASE}`, [{ operation: 'delete', attribute: 'userPrincipalName', values: [] }]);
    await backend.modify!(admin.principal, `CN=Zoë Ünïcode,CN=Users,${BASE}`, [{ operation: 'delete', attribute: 'userPrincipalName', values: [] }]);
    await backend.modify!(admin.principal, `CN=Alice Liddell,CN=Users,${BASE}`, [{ operation: 'replace', attribute: 'userPrincipalName', values: ['zoë@corp.example.com'] }]);
    upstream = await startLdap({ backend });
    const config = directorySchema.parse({
      type: 'ad-connector',
      id: 'd-00000000c3',
      dnsName: 'corp.example.com',
      netbiosName: 'CORP',
      upstream: { urls: [upstream.url], serviceAccount: { username: 'svc-conn@corp.example.com', password: 'Svc!conn12345' }, timeoutMs: 5000 },
    }) as DirectoryConfig;
    served = await serveConnector(config);
  });
  after(async () => {
    await served?.close().catch(() => {});
    await upstream?.close();
    await closeTestStores();
  });

  it('binds bob@corp.example.com (no userPrincipalName) as sAMAccountName=bob, as a DC does', async () => {
    assert.equal(await whoAmI(served.url, 'bob@corp.example.com', 'Bob!pass12'), 'u:CORP\\bob');
    assert.equal(await bindCode(served.url, 'bob@corp.example.com', 'wrong'), 49);
  });

  it("an explicit userPrincipalName wins over another account's implicit one", async () => {
    assert.equal(await whoAmI(served.url, 'zoë@corp.example.com', 'Alice!pass1'), 'u:CORP\\alice');
    assert.equal(await bindCode(served.url, 'zoë@corp.example.com', 'Zoë!pass123'), 49);
  });
});
