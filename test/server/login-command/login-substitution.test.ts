// Attacks on `idbroker login` itself, over real sockets against a real broker (issue #14, item 6):
//  (a) a link to /cli/login — from any page, any mail — changes nothing: it shows which command line asks
//      (its request code and machine), and only a POST with this browser's CSRF token approves it; a POST
//      without the token, with another browser's, or cross-site (no SameSite=Lax login cookie) is refused.
//  (b) another user of the machine reads the URL the command opens (ps, /proc/PID/cmdline) and completes the
//      login as themselves: the command notices — a second browser on its link, the broker's answer in a
//      browser it never sent, a second approval, or simply an identity that is not the profile's — stops,
//      and the profile keeps the victim's credentials.
// The victim is alice, the attacker bob (both directory users; the Everyone role trusts them both).
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { Browser, csrfOf, PORTAL_YAML, signIn } from '../http/portal/portal-helpers.ts';
import { login, type LoginOptions } from '../../../server/login-command/login.ts';
import { credentialProcess } from '../../../server/login-command/credential-process.ts';
import { challengeOf } from '../../../server/http/cli-login/requests.ts';
import { openAndApprove, roleForm, sendRole } from './cli-browser.ts';

const EVERYONE = 'arn:aws:iam::111122223333:role/Everyone';
const ALICE = ['alice', 'Al1ce-Passw0rd!'] as const;
const BOB = ['bob', 'B0b-Passw0rd!!'] as const;

describe('idbroker login cannot be handed someone else\'s session', () => {
  let b: TestBroker;
  let dir: string;
  let paths: { credentials: string; config: string };
  let aliceKey = '';
  const files = () => ({ credentials: readFileSync(paths.credentials, 'utf8'), config: readFileSync(paths.config, 'utf8') });
  const run = (o: Partial<LoginOptions> & Pick<LoginOptions, 'open'>, lines: string[] = []) =>
    login({ url: b.publicUrl, profile: 'work', role: EVERYONE, paths, say: (l) => lines.push(l), clientHost: 'alice-laptop', ...o });

  /** A person completing the login in `br` as `who`, from the approval page on. */
  const completeAs = async (br: Browser, who: readonly [string, string], approved: { status: number; location?: string }) => {
    assert.equal(approved.status, 303);
    const roles = await signIn(br, b.publicUrl, who[0], who[1]);
    return sendRole(br, b.publicUrl, roles.text, EVERYONE);
  };

  before(async () => {
    b = await startTestBroker({ yaml: PORTAL_YAML });
    dir = mkdtempSync(join(tmpdir(), 'idbroker-login-attacks-'));
    paths = { credentials: join(dir, 'credentials'), config: join(dir, 'config') };
    // alice's own login: the profile the attacker wants to replace
    const creds = await run({
      open: async (url) => {
        const br = new Browser();
        await completeAs(br, ALICE, (await openAndApprove(br, url)).approved);
        return true;
      },
    });
    aliceKey = creds.AccessKeyId;
    assert.match(files().config, /idbroker_identity = d-1000000001 \S*alice/);
  });
  after(async () => {
    await b?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('(a) approving is a POST with this browser\'s CSRF token; a link changes nothing', () => {
    let hits: string[];
    let listener: Server;
    let redirectUri = '';
    before(async () => {
      hits = [];
      listener = createServer((req, res) => {
        hits.push(req.url ?? '');
        res.end('got it');
      });
      await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
      redirectUri = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/callback`;
    });
    after(() => new Promise<void>((r) => listener.close(() => r())));

    /** The attacker's own command line: a pushed request whose answer goes to the attacker's listener. */
    const attackerRequest = async () => {
      const r = await fetch(`${b.publicUrl}/cli/par`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ redirect_uri: redirectUri, state: 'attacker-state-0123456789', code_challenge: challengeOf('m'.repeat(43)), code_challenge_method: 'S256', client_host: 'bobs-box' }),
      });
      assert.equal(r.status, 201);
      return (await r.json()) as { request_uri: string; authorization_uri: string; request_code: string };
    };
    const aliceSignedIn = async () => {
      const br = new Browser();
      assert.match((await signIn(br, b.publicUrl, ...ALICE)).text, /Everyone/);
      return br;
    };

    it('a GET of the link shows what asks and attaches nothing: alice\'s next role choice stays hers', async () => {
      const req = await attackerRequest();
      const br = await aliceSignedIn();
      const before = new Map(br.cookies);
      const page = await br.get(req.authorization_uri);
      assert.equal(page.status, 200);
      assert.match(page.text, new RegExp(`<code id="request-code">${req.request_code}</code>`));
      assert.match(page.text, /<code id="client-host">bobs-box<\/code>/);
      assert.match(page.text, /<button type="submit" name="decision" value="approve">Approve<\/button>/);
      assert.match(page.text, /<button type="submit" name="decision" value="deny"[^>]*>Deny<\/button>/);
      assert.deepEqual([...br.cookies.keys()].filter((k) => !before.has(k) || before.get(k) !== br.cookies.get(k)).filter((k) => k !== 'idbroker-login'), [], 'no CLI cookie, no session change');
      const roles = await br.get(`${b.publicUrl}/roles`);
      assert.doesNotMatch(roles.text, /Signing in the idbroker command line|name="cli"/);
      const got = await br.post(`${b.publicUrl}/credentials`, roleForm(roles.text, EVERYONE));
      assert.equal(got.status, 200, 'the credentials page, not a redirect to anyone\'s command line');
      assert.match(got.text, /ASIA/);
      assert.deepEqual(hits, [], 'nothing reached the attacker\'s listener');
    });

    it('a POST without the token, with another browser\'s token, or cross-site (no login cookie) is refused', async () => {
      const req = await attackerRequest();
      const br = await aliceSignedIn();
      const page = await br.get(req.authorization_uri);
      const attacker = new Browser();
      const theirs = csrfOf((await attacker.get(req.authorization_uri)).text)!;
      const post = (from: Browser, csrf?: string) => from.post(`${b.publicUrl}/cli/login`, { ...(csrf ? { csrf } : {}), request_uri: req.request_uri, decision: 'approve' });
      for (const [name, r] of [
        ['no token', await post(br)],
        ['another browser\'s token', await post(br, theirs)],
        ['cross-site: the page\'s token, but no SameSite=Lax login cookie', await post(new Browser(), csrfOf(page.text))],
      ] as const) {
        assert.equal(r.status, 403, name);
        assert.match(r.text, /CSRF token is missing or does not match/, name);
        assert.equal(r.headers.getSetCookie().length, 0, name);
      }
      assert.doesNotMatch((await br.get(`${b.publicUrl}/roles`)).text, /Signing in the idbroker command line/);
      // the same browser, with its own token: approved (alice would now see the banner naming bobs-box)
      const ok = await post(br, csrfOf(page.text));
      assert.deepEqual([ok.status, ok.location], [303, '/roles']);
      assert.match((await br.get(`${b.publicUrl}/roles`)).text, new RegExp(`code <code>${req.request_code}</code>\\) on <code>bobs-box</code>`));
      assert.deepEqual(hits, []);
    });

    it('Deny sends the command its refusal; the command stops and writes nothing', async () => {
      const was = files();
      const lines: string[] = [];
      await assert.rejects(
        run({
          open: async (url) => {
            const br = new Browser();
            const a = await openAndApprove(br, url, { approve: false });
            const denied = await br.post(`${b.publicUrl}/cli/login`, { csrf: csrfOf(a.page.text)!, request_uri: a.requestUri, decision: 'deny' });
            assert.equal(denied.status, 303);
            assert.match(denied.location!, /^http:\/\/127\.0\.0\.1:\d+\/callback\?error=access_denied&/);
            assert.equal((await br.get(denied.location!)).status, 400);
            return true;
          },
        }, lines),
        /the sign-in failed: access_denied \(The sign-in was refused in the browser\.\)/,
      );
      assert.deepEqual(files(), was);
    });
  });

  describe('(b) someone who read the URL completes the login as themselves', () => {
    it('they race alice\'s browser to the link: the second browser stops the command; the profile keeps alice\'s credentials', async () => {
      const was = files();
      let bobs: Promise<unknown> | undefined;
      await assert.rejects(
        run({
          open: async (url) => {
            const bob = new Browser();
            const theirs = await openAndApprove(bob, url); // bob read the URL in ps first
            const alice = await new Browser().get(url); // then alice's browser opens it
            assert.equal(alice.status, 409);
            assert.match(alice.text, /already opened in another browser/);
            bobs = completeAs(bob, BOB, theirs.approved).then(() => 'completed', (e: Error) => e.message);
            return true;
          },
        }),
        /the sign-in link was opened in a second browser .* nothing was written/,
      );
      assert.notEqual(await bobs, 'completed', 'the command no longer listens for bob\'s code');
      assert.deepEqual(files(), was);
    });

    it('they alone open it and sign in as bob: the command refuses to put bob\'s session in alice\'s profile', async () => {
      const was = files();
      const lines: string[] = [];
      await assert.rejects(
        run({
          open: async (url) => {
            const bob = new Browser();
            await completeAs(bob, BOB, (await openAndApprove(bob, url)).approved);
            return false; // alice's browser never came
          },
        }, lines),
        (e: Error) => /the browser signed in as CORP\\bob \(d-1000000001 \S*bob\S*\), but profile "work" belongs to d-1000000001 \S*alice\S*: nothing was written/.test(e.message) && /--expect bob/.test(e.message),
      );
      assert.deepEqual(files(), was, 'the profile still holds alice\'s credentials');
      const cached = JSON.parse(await credentialProcess({ profile: 'work', paths, open: () => assert.fail('the cache is fresh'), say: () => {} }));
      assert.equal(cached.AccessKeyId, aliceKey, 'credential_process still hands out alice\'s credentials');
      // --expect: on a profile with no history, only the named person is written
      await assert.rejects(
        run({
          profile: 'fresh',
          expect: 'alice',
          open: async (url) => {
            const bob = new Browser();
            await completeAs(bob, BOB, (await openAndApprove(bob, url)).approved);
            return true;
          },
        }),
        /signed in as CORP\\bob .*, not alice \(--expect\): nothing was written to profile "fresh"/,
      );
      assert.doesNotMatch(files().credentials + files().config, /fresh/);
    });

    it('they learn the request id and complete it first: the broker\'s answer in a browser the command never sent stops it', async () => {
      const was = files();
      let bobsBack = 0;
      let browsing: Promise<boolean> | undefined;
      await assert.rejects(
        run({
          // the command does not wait for its browser: keep the promise to see how bob's attempt ended
          open: (url) => (browsing = (async () => {
            const alice = new Browser();
            const start = await alice.get(url); // alice's browser: the binding cookie, on to the approval page
            const bob = new Browser();
            const page = await bob.get(start.location!); // bob has the request id (the approval page's URL)
            const approved = await bob.post(`${b.publicUrl}/cli/login`, { csrf: csrfOf(page.text)!, request_uri: /name="request_uri" value="([^"]+)"/.exec(page.text)![1], decision: 'approve' });
            bobsBack = (await completeAs(bob, BOB, approved)).back.status;
            return true;
          })()),
        }),
        /completed in a browser that did not open its link .* nothing was written/,
      );
      await browsing;
      assert.equal(bobsBack, 400);
      assert.deepEqual(files(), was);
    });

    it('they approve it in their browser first: alice\'s approval cancels it, and the command stops', async () => {
      const was = files();
      let bobsRoleChoice = 0;
      let browsing: Promise<boolean> | undefined;
      await assert.rejects(
        run({
          open: (url) => (browsing = (async () => {
            const alice = new Browser();
            const start = await alice.get(url);
            const bob = new Browser();
            const bobsPage = await bob.get(start.location!);
            const requestUri = /name="request_uri" value="([^"]+)"/.exec(bobsPage.text)![1];
            const bobApproved = await bob.post(`${b.publicUrl}/cli/login`, { csrf: csrfOf(bobsPage.text)!, request_uri: requestUri, decision: 'approve' });
            assert.equal(bobApproved.status, 303);
            const page = await alice.get(start.location!);
            const second = await alice.post(`${b.publicUrl}/cli/login`, { csrf: csrfOf(page.text)!, request_uri: requestUri, decision: 'approve' });
            assert.match(second.location!, /^http:\/\/127\.0\.0\.1:\d+\/callback\?error=access_denied&error_description=This\+sign-in\+was\+approved\+in\+another\+browser/);
            assert.equal((await alice.get(second.location!)).status, 400);
            const roles = await signIn(bob, b.publicUrl, ...BOB);
            const form = roleForm(roles.text, EVERYONE);
            assert.equal(form.cli, undefined, 'bob\'s roles page no longer offers to send anything to a command line');
            bobsRoleChoice = (await bob.post(`${b.publicUrl}/credentials`, { ...form, cli: '1' })).status;
            return true;
          })()),
        }),
        /the sign-in failed: access_denied \(This sign-in was approved in another browser/,
      );
      await browsing;
      assert.equal(bobsRoleChoice, 403, 'the cancelled request issues nothing');
      assert.deepEqual(files(), was);
    });

    it('switching the profile to another person is explicit: --expect bob, and the identity written is printed', async () => {
      const lines: string[] = [];
      const creds = await run({
        expect: 'bob',
        open: async (url) => {
          const bob = new Browser();
          await completeAs(bob, BOB, (await openAndApprove(bob, url)).approved);
          return true;
        },
      }, lines);
      assert.equal(lines.at(-1), `Wrote profile "work": arn:aws:sts::111122223333:assumed-role/Everyone/bob (expires ${creds.Expiration}).`);
      assert.match(files().config, /idbroker_identity = d-1000000001 \S*bob/);
    });
  });
});
