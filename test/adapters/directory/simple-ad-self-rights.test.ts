// AD's SELF rights over real sockets (ldapts against simple-ad behind the LDAP front end): a
// bound user writes their own Personal-Information and Web-Information attributes (telephoneNumber,
// streetAddress, mobile, wWWHomePage, …); anything else on their own object, and anything on
// another's, stays insufficientAccessRights (50) and changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Attribute, Change, type Client } from 'ldapts';
import { selfWritable } from '../../../adapters/directory/simple-ad/self-rights.ts';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { ALICE_DN, BASE, type Harness, startLdap } from '../../server/ldap/harness.ts';
import { openOn } from './simple-ad-helpers.ts';
import { closeTestStores, openTestStore, TEST_STORE } from '../../helpers/test-store.ts';

const BOB_DN = `CN=Bob\\, Jr.,OU=Engineering,${BASE}`;
const code = (n: number) => (e: unknown) => (e as { code: number }).code === n;
const change = (operation: 'add' | 'replace' | 'delete', type: string, ...values: string[]) =>
  new Change({ operation, modification: new Attribute({ type, values }) });

describe(`simple-ad SELF rights (ldapts, real sockets; store: ${TEST_STORE})`, () => {
  let h: Harness;
  let alice: Client;
  before(async () => {
    const { backend } = await openOn(await openTestStore(), CONTRACT_SEED);
    h = await startLdap({ backend });
    alice = h.client();
    await alice.bind('alice@corp.example.com', 'Alice!pass1');
  });
  after(async () => {
    await h?.close();
    await closeTestStores();
  });

  const read = async (dn: string, attributes: string[]) => (await alice.search(dn, { scope: 'base', attributes })).searchEntries[0];

  it('lets a user change their own telephoneNumber', async () => {
    await alice.modify(ALICE_DN, change('replace', 'telephoneNumber', '+1 555 0100'));
    assert.equal((await read(ALICE_DN, ['telephoneNumber'])).telephoneNumber, '+1 555 0100');
  });

  it('covers the Personal-Information and Web-Information property sets in one modify', async () => {
    await alice.modify(ALICE_DN, [
      change('replace', 'streetAddress', '1 Rabbit Hole'), change('replace', 'postalCode', 'OX1 1AA'), change('replace', 'l', 'Oxford'),
      change('replace', 'st', 'Oxfordshire'), change('replace', 'c', 'GB'), change('add', 'mobile', '+44 7700 900000'), change('replace', 'homePhone', '+44 1865 000000'),
      change('replace', 'facsimileTelephoneNumber', '+44 1865 000001'), change('replace', 'ipPhone', '100'), change('replace', 'pager', '200'),
      change('replace', 'postOfficeBox', 'PO 7'), change('add', 'otherTelephone', '+1 555 0101', '+1 555 0102'), change('replace', 'wWWHomePage', 'https://alice.example'),
      change('add', 'url', 'https://wonderland.example'),
    ]);
    const e = await read(ALICE_DN, ['streetAddress', 'postalCode', 'l', 'st', 'c', 'mobile', 'otherTelephone', 'wWWHomePage', 'url']);
    assert.equal(e.streetAddress, '1 Rabbit Hole');
    assert.equal(e.c, 'GB');
    assert.deepEqual(e.otherTelephone, ['+1 555 0101', '+1 555 0102']);
    assert.equal(e.wWWHomePage, 'https://alice.example');
    assert.equal(e.url, 'https://wonderland.example');
    await alice.modify(ALICE_DN, change('delete', 'mobile'));
    assert.deepEqual((await read(ALICE_DN, ['mobile'])).mobile, []);
  });

  it('refuses a user\'s other attributes with 50, and a modify mixing both changes nothing', async () => {
    for (const [attr, value] of [['description', 'me'], ['userAccountControl', '66048'], ['displayName', 'Queen'], ['mail', 'q@corp.example.com'], ['title', 'Queen'], ['manager', BOB_DN]]) {
      await assert.rejects(alice.modify(ALICE_DN, change('replace', attr, value)), code(50), attr);
    }
    await assert.rejects(alice.modify(ALICE_DN, change('add', 'memberOf', `CN=Ops,CN=Users,${BASE}`)), code(50));
    await assert.rejects(alice.modify(ALICE_DN, [change('replace', 'telephoneNumber', '+1 555 0199'), change('replace', 'description', 'me')]), code(50));
    assert.equal((await read(ALICE_DN, ['telephoneNumber'])).telephoneNumber, '+1 555 0100');
  });

  it('refuses the same attributes on someone else\'s object, and on a group', async () => {
    await assert.rejects(alice.modify(BOB_DN, change('replace', 'telephoneNumber', '+1 555 0666')), code(50));
    await assert.rejects(alice.modify(`CN=Developers,CN=Users,${BASE}`, change('replace', 'telephoneNumber', '+1 555 0666')), code(50));
    assert.deepEqual((await read(BOB_DN, ['telephoneNumber'])).telephoneNumber, [], 'ldapts: a requested attribute the entry lacks');
  });

  it('takes the sets from the schema table: systemOnly members and other sets are not SELF-writable', () => {
    for (const a of ['telephoneNumber', 'TELEPHONENUMBER', 'streetAddress', 'thumbnailPhoto', 'wWWHomePage', 'url', 'info']) assert.ok(selfWritable(a), a);
    for (const a of ['description', 'memberOf', 'sAMAccountName', 'userAccountControl', 'msDS-FailedInteractiveLogonCount', 'nonexistent']) assert.ok(!selfWritable(a), a);
  });
});
