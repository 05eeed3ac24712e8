// A trusts B trusts A: two managed-ad directories of one broker, each trusting the other two-way through the
// other's LDAP listener (B starts after A, so A's first check fails and a later one verifies). Binds and
// searches cross once and are answered where the domain lives — no loop; a trust that would loop (an upstream
// that does not hold the trusted domain) is refused by the config check.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from 'ldapts';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { freePort } from '../../helpers/process.ts';
import { problemsOf } from '../../config/helpers.ts';

const PASS = 'Adm1nistrator!x';
const dir = (id: string, dns: string, nb: string, port: number, other: { dns: string; nb: string; port: number }, extra = '') => `
  - id: ${id}
    type: managed-ad
    dnsName: ${dns}
    netbiosName: ${nb}
    adminPassword: "${PASS}"
    ldap: { host: 127.0.0.1, port: ${port} }
    trustCheckSeconds: 1
    seed: { users: [{ username: user-${nb.toLowerCase()}, password: "User!pass-${nb}" }] }
    trusts:
      - dnsName: ${other.dns}
        netbiosName: ${other.nb}
        direction: two-way
        upstream: { urls: [ldap://127.0.0.1:${other.port}], serviceAccount: { username: "${other.nb}\\\\Administrator", password: "${PASS}" }, timeoutMs: 2000 }${extra}`;

describe('managed-ad: A trusts B trusts A', () => {
  let b: TestBroker;
  let pa: number;
  let pb: number;
  before(async () => {
    [pa, pb] = [await freePort(), await freePort()];
    b = await startTestBroker({
      yaml: `directories:${dir('d-4000000001', 'a.example.com', 'A', pa, { dns: 'b.example.com', nb: 'B', port: pb })}${dir('d-4000000002', 'b.example.com', 'B', pb, { dns: 'a.example.com', nb: 'A', port: pa })}`,
    });
  });
  after(async () => {
    await b?.destroy();
  });

  const trusts = async () => ((await (await fetch(`${b.httpUrl}/readyz`)).json()) as { directories: { id: string; trusts: { status: string }[] }[] }).directories;

  it('both trusts become verified (A checked before B listened)', async () => {
    const deadline = Date.now() + 30_000;
    while ((await trusts()).some((d) => d.trusts[0].status !== 'verified')) {
      assert.ok(Date.now() < deadline, JSON.stringify(await trusts()));
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  it('binds and searches cross the trust once and are answered by the domain that holds them', async () => {
    const c = new Client({ url: `ldap://127.0.0.1:${pa}`, timeout: 10_000 });
    await c.bind('B\\user-b', 'User!pass-B'); // at A, a user of B
    const { searchEntries } = await c.search('DC=b,DC=example,DC=com', { scope: 'sub', filter: '(sAMAccountName=user-b)', attributes: ['userPrincipalName'] });
    assert.deepEqual(searchEntries.map((e) => e.userPrincipalName), ['user-b@b.example.com']);
    await assert.rejects(c.search('DC=c,DC=example,DC=com', { scope: 'base', filter: '(objectClass=*)' }), (e: Error & { code?: number }) => e.code === 32, 'an unknown domain is no such object here, not a hop');
    await assert.rejects(new Client({ url: `ldap://127.0.0.1:${pb}` }).bind('A\\user-a', 'wrong'), (e: Error & { code?: number }) => e.code === 49);
    await c.unbind();
  });

  it('a trust whose upstream is a directory of this broker that does not hold the domain is refused (it would loop)', () => {
    const problems = problemsOf(`accounts: [{ id: "111122223333" }]\ndirectories:${dir('d-4000000001', 'a.example.com', 'A', 3389, { dns: 'c.example.com', nb: 'C', port: 3390 })}${dir('d-4000000002', 'b.example.com', 'B', 3390, { dns: 'c.example.com', nb: 'C', port: 3389 })}`);
    assert.deepEqual(problems, [
      "directories[0].trusts[0].upstream.urls[0]: trust loop: ldap://127.0.0.1:3390 is this broker's directory d-4000000002 (b.example.com), which does not hold c.example.com",
      "directories[1].trusts[0].upstream.urls[0]: trust loop: ldap://127.0.0.1:3389 is this broker's directory d-4000000001 (a.example.com), which does not hold c.example.com",
    ]);
  });
});
