// Binds over real sockets (ldapts and raw BER): every name form (ldapjs defect: UPN and
// DOMAIN\user refused with 34 before any handler), AD diagnostics, anonymous/unauthenticated
// binds, SASL (ldapjs defect: connection dropped), Who am I?.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InvalidCredentialsError } from 'ldapts';
import { ALICE_DN, bindReq, type Harness, RawClient, saslBindReq, searchReq, startLdap, BASE, eqFilter } from './harness.ts';

const adMessage = (code: string): string => `80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data ${code}, v4563\u0000`;
/** The server's diagnosticMessage (ldapts appends " Code: 0x31"). */
const diag = (e: unknown): string => (e as Error).message.replace(/ Code: 0x[0-9a-f]+$/, '');
const KEYCLOAK = /AcceptSecurityContext error, data (.*), v/; // Keycloak's MSAD mapper regex

describe('LDAP bind', () => {
  let h: Harness;
  before(async () => {
    h = await startLdap();
  });
  after(() => h.close());

  it('accepts DN, UPN and DOMAIN\\user names (ldapjs answered 34 invalidDNSyntax)', async () => {
    for (const name of [ALICE_DN, 'alice@corp.example.com', 'CORP\\alice', 'corp\\Alice']) {
      const c = h.client();
      await c.bind(name, 'Alice!pass1');
      const who = await c.exop('1.3.6.1.4.1.4203.1.11.3');
      assert.equal(who.value, 'u:CORP\\alice', name);
      await c.unbind();
    }
  });

  it('fails a wrong password with 49 and the exact AD diagnostic (data 52e)', async () => {
    const c = h.client();
    await assert.rejects(c.bind('CORP\\alice', 'wrong'), (e: unknown) => {
      assert.ok(e instanceof InvalidCredentialsError);
      assert.equal(e.code, 49);
      assert.equal(diag(e), adMessage('52e'));
      assert.equal(KEYCLOAK.exec(e.message)?.[1], '52e');
      return true;
    });
  });

  it('answers an unknown user with 49 data 52e, as AD does (no enumeration)', async () => {
    const c = h.client();
    await assert.rejects(c.bind('nobody@corp.example.com', 'whatever'), (e: unknown) => e instanceof InvalidCredentialsError && diag(e) === adMessage('52e'));
  });

  for (const [who, pw, code] of [['CORP\\carol', 'Carol!pass1', '533'], ['CORP\\dave', 'Dave!pass12', '775'], ['CORP\\erin', 'Erin!pass12', '773'], ['CORP\\frank', 'Frank!pass1', '701']]) {
    it(`reports data ${code} for ${who} with the right password`, async () => {
      const c = h.client();
      await assert.rejects(c.bind(who, pw), (e: unknown) => e instanceof InvalidCredentialsError && diag(e) === adMessage(code));
    });
  }

  it('locks an account after the configured number of failures (775 afterwards)', async () => {
    const { MemoryBackend } = await import('../../fixtures/ldap/memory-backend.ts');
    const { CONTRACT_SEED } = await import('../../contracts/directory-backend.ts');
    const h2 = await startLdap({ backend: new MemoryBackend(CONTRACT_SEED, { lockoutThreshold: 3 }) });
    try {
      const c = h2.client();
      for (let i = 0; i < 3; i++) await assert.rejects(c.bind('CORP\\alice', 'bad'), (e: unknown) => diag(e) === adMessage('52e'));
      await assert.rejects(c.bind('CORP\\alice', 'Alice!pass1'), (e: unknown) => diag(e) === adMessage('775'));
    } finally {
      await h2.close();
    }
  });

  it('refuses an unauthenticated bind (name, empty password) with 53', async () => {
    const raw = await RawClient.connect(h.port);
    raw.send(bindReq(1, ALICE_DN, ''));
    const r = await raw.next();
    assert.equal(r?.resultCode, 53);
    raw.end();
  });

  it('allows an anonymous bind that can read only the RootDSE (others: 1, 000004DC)', async () => {
    const c = h.client();
    await c.bind('', '');
    const dse = await c.search('', { scope: 'base', attributes: ['defaultNamingContext'] });
    assert.equal(dse.searchEntries[0].defaultNamingContext, BASE);
    await assert.rejects(c.search(BASE, { scope: 'base' }), (e: unknown) => (e as { code: number }).code === 1 && (e as Error).message.startsWith('000004DC: LdapErr:'));
    const who = await c.exop('1.3.6.1.4.1.4203.1.11.3');
    assert.ok(!who.value, 'anonymous Who am I? is empty');
  });

  it('a failed bind leaves the connection anonymous', async () => {
    const c = h.client();
    await c.bind('CORP\\alice', 'Alice!pass1');
    await assert.rejects(c.bind('CORP\\alice', 'wrong'));
    await assert.rejects(c.search(BASE, { scope: 'base' }), (e: unknown) => (e as { code: number }).code === 1);
  });

  it('answers an unsupported SASL mechanism with 7 and keeps the connection (ldapjs dropped it)', async () => {
    const raw = await RawClient.connect(h.port);
    raw.send(saslBindReq(1, 'GSSAPI'));
    const r = await raw.next();
    assert.equal(r?.tag, 0x61);
    assert.equal(r?.resultCode, 7);
    raw.send(bindReq(2, 'CORP\\alice', 'Alice!pass1'));
    assert.equal((await raw.next())?.resultCode, 0);
    raw.send(searchReq(3, BASE, 0, eqFilter('objectClass', 'domain'), ['1.1']));
    assert.equal((await raw.next())?.tag, 0x64);
    raw.end();
  });

  it('supports SASL PLAIN (advertised in supportedSASLMechanisms)', async () => {
    const raw = await RawClient.connect(h.port);
    raw.send(saslBindReq(1, 'PLAIN', Buffer.from('\u0000alice@corp.example.com\u0000Alice!pass1')));
    assert.equal((await raw.next())?.resultCode, 0);
    raw.send(saslBindReq(2, 'PLAIN', Buffer.from('\u0000alice@corp.example.com\u0000nope')));
    const bad = await raw.next();
    assert.equal(bad?.resultCode, 49);
    assert.match(bad?.diagnostic ?? '', /^8009030C: LdapErr: .*data 52e, v4563/);
    raw.end();
  });
});
