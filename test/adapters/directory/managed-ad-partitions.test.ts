// managed-ad behind the LDAP front end (ldapts, real sockets): the same Configuration and Schema
// partitions as simple-ad (its crossRef names CLOUD; the subschema entry answers), and SELF rights
// in its local directory (a user's own telephoneNumber: yes; description: 50).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Attribute, Change } from 'ldapts';
import { type Harness, startLdap } from '../../server/ldap/harness.ts';
import { openManagedOn } from './managed-ad-helpers.ts';

const BASE = 'DC=cloud,DC=example,DC=com';
const CONFIG = `CN=Configuration,${BASE}`;
const MIA = `CN=mia,CN=Users,${BASE}`;
const replace = (type: string, value: string) => new Change({ operation: 'replace', modification: new Attribute({ type, values: [value] }) });

describe('managed-ad: partitions and SELF rights over LDAP', () => {
  let h: Harness;
  let close: () => Promise<void>;
  before(async () => {
    const { managed } = await openManagedOn({ seed: { users: [{ username: 'mia', password: 'Mia!pass123' }] } });
    close = () => managed.close();
    h = await startLdap({ backend: managed.backend });
  });
  after(async () => {
    await h?.close();
    await close?.();
  });

  it('serves the crossRef and the subschema entry of its own domain', async () => {
    const c = h.client();
    await c.bind('CLOUD\\mia', 'Mia!pass123');
    const { searchEntries: [ref] } = await c.search(`CN=Partitions,${CONFIG}`, { scope: 'one', filter: `(nCName=${BASE})`, attributes: ['nETBIOSName', 'dnsRoot', 'systemFlags'] });
    assert.equal(ref.dn, `CN=CLOUD,CN=Partitions,${CONFIG}`);
    assert.equal(ref.nETBIOSName, 'CLOUD');
    assert.equal(ref.dnsRoot, 'cloud.example.com');
    assert.equal(ref.systemFlags, '3');
    const { searchEntries: [s] } = await c.search(`CN=Aggregate,CN=Schema,${CONFIG}`, { scope: 'base', filter: '(objectClass=subschema)', attributes: ['attributeTypes'] });
    assert.ok((s.attributeTypes as string[]).some((t) => t.includes("NAME 'nETBIOSName'")));
  });

  it('lets a local user change their own telephoneNumber, not their description', async () => {
    const c = h.client();
    await c.bind('mia@cloud.example.com', 'Mia!pass123');
    await c.modify(MIA, replace('telephoneNumber', '+1 555 0177'));
    assert.equal((await c.search(MIA, { scope: 'base', attributes: ['telephoneNumber'] })).searchEntries[0].telephoneNumber, '+1 555 0177');
    await assert.rejects(c.modify(MIA, replace('description', 'me')), (e: { code: number }) => e.code === 50);
  });
});
