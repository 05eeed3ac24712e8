// What AD clients put in filters, through the ad-connector: a string SID and a dashed GUID reach the
// upstream as the stored bytes, and `anr` as its OR over the ANR attributes — so an upstream
// without either (slapd, the "on-prem AD" stand-in) answers as AD would, and an AD-like one (the
// broker's own simple-ad over LDAP) finds the object by SID. Skips without slapd.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from 'ldapts';
import { type AdConnector, openAdConnector } from '../../../adapters/directory/ad-connector/index.ts';
import type { DirectoryConfig } from '../../../config/schema.ts';
import { directorySchema } from '../../../config/schema/directories.ts';
import { guidBytesToString, sidBytesToString } from '../../../server/contracts/ad-binary.ts';
import type { Entry, Filter } from '../../../server/contracts/directory.ts';
import { connectorConfig, type Served, serveConnector } from '../../adapters/directory/ad-connector/connector-harness.ts';
import { openOn } from '../../adapters/directory/simple-ad-helpers.ts';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { ONPREM_BASE, ONPREM_PASSWORDS, type Slapd, slapdMissing, startSlapd, userDn } from '../../helpers/slapd.ts';
import { closeTestStores, openTestStore } from '../../helpers/test-store.ts';
import { BASE, type Harness, startLdap } from '../../server/ldap/harness.ts';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe('ad-connector: AD filters against a slapd upstream', { skip: slapdMissing() ?? false }, () => {
  let dc: Slapd;
  let served: Served;
  let client: Client;
  const dns = async (filter: string) => (await client.search(ONPREM_BASE, { scope: 'sub', filter, attributes: ['1.1'] })).searchEntries.map((e) => e.dn).sort();
  before(async () => {
    dc = await startSlapd();
    served = await serveConnector(connectorConfig([dc.url]));
    client = new Client({ url: served.url, strictDN: false, timeout: 10_000 });
    await client.bind('ONPREM\\alice', ONPREM_PASSWORDS.alice);
  });
  after(async () => {
    await client?.unbind().catch(() => {});
    await served?.close().catch(() => {});
    await dc?.destroy();
  });

  it('anr finds by prefix of a name attribute, by "first last" and "last first", and exactly with =', async () => {
    assert.deepEqual(await dns('(anr=ali)'), [userDn('alice')]);
    assert.deepEqual(await dns('(anr=Alice Anders)'), [userDn('alice')]);
    assert.deepEqual(await dns('(anr=Anders Ali)'), [userDn('alice')]);
    assert.deepEqual(await dns('(anr==Alic)'), []);
    assert.deepEqual(await dns('(&(objectClass=inetOrgPerson)(anr=b))'), [userDn('bob')]);
  });

  it('a string SID is sent as bytes: the upstream answers (no such value here) instead of failing', async () => {
    assert.deepEqual(await dns('(objectSid=S-1-5-21-1-2-3-1104)'), []);
    assert.deepEqual(await dns('(|(objectSid=S-1-5-21-1-2-3-1104)(uid=bob))'), [userDn('bob')]);
  });
});

describe('ad-connector: string SIDs and GUIDs against an AD-like upstream (simple-ad over LDAP)', () => {
  let upstream: Harness;
  let connector: AdConnector;
  let alice: Entry;
  const find = async (b: { search: AdConnector['backend']['search'] }, filter: Filter) => {
    const out: Entry[] = [];
    for await (const e of b.search(BASE, 'sub', filter, { principal: null, attributes: ['sAMAccountName', 'objectSid', 'objectGUID'], sizeLimit: 0 })) out.push(e);
    return out;
  };
  const eq = (attribute: string, value: string): Filter => ({ type: 'equality', attribute, value: Buffer.from(value) });
  before(async () => {
    const seed = { ...CONTRACT_SEED, users: [...CONTRACT_SEED.users, { sam: 'svc-conn', password: 'Svc!conn12345' }] };
    const { backend } = await openOn(await openTestStore(), seed);
    upstream = await startLdap({ backend });
    const config = directorySchema.parse({
      type: 'ad-connector',
      id: 'd-00000000c2',
      dnsName: 'corp.example.com',
      netbiosName: 'CORP',
      upstream: { urls: [upstream.url], serviceAccount: { username: 'svc-conn@corp.example.com', password: 'Svc!conn12345' }, timeoutMs: 5000 },
    }) as DirectoryConfig;
    connector = await openAdConnector({ config, logger: quiet, healthCheckIntervalMs: 0 });
    [alice] = await find(backend, eq('sAMAccountName', 'alice'));
  });
  after(async () => {
    await connector?.close();
    await upstream?.close();
    await closeTestStores();
  });

  it('finds the object by its SID and GUID in string form', async () => {
    const sid = sidBytesToString(alice.get('objectSid')![0] as Buffer);
    const guid = guidBytesToString(alice.get('objectGUID')![0] as Buffer);
    assert.deepEqual((await find(connector.backend, eq('objectSid', sid))).map((e) => e.first('sAMAccountName')), ['alice']);
    assert.deepEqual((await find(connector.backend, eq('objectGUID', guid))).map((e) => e.first('sAMAccountName')), ['alice']);
    assert.deepEqual((await find(connector.backend, eq('anr', 'Liddell'))).map((e) => e.first('sAMAccountName')), ['alice']);
  });
});
