// The password-guessing race against the directory lockout (issue #14 item 3), replayed over real sockets:
// many concurrent wrong passwords for one user — LDAP simple binds, or AssumeRoleWithLDAPIdentity over HTTP —
// then the right one. Password verifications are counted in this process (simple-ad's password-checks hook), so
// brokers started here, one or several replicas, are all counted.
import { Client } from 'ldapts';
import { observePasswordChecks } from '../../adapters/directory/simple-ad/password-checks.ts';
import type { TestBroker } from './broker.ts';
import { sendQuery } from './aws-signer.ts';

export const THRESHOLD = 5;
export const DIRECTORY_ID = 'd-1000000001';
export const ALICE = { name: 'CORP\\alice', password: 'Al1ce-Passw0rd!' };
export const CAROL = { name: 'CORP\\carol', password: 'Car0l-Passw0rd!' };

/** Broker YAML: one simple-ad directory with a lockout threshold of 5, alice, bob and carol, and a role they may assume. */
export const LOCKOUT_YAML = `
directories:
  - id: ${DIRECTORY_ID}
    type: simple-ad
    dnsName: corp.example.com
    netbiosName: CORP
    ldap: { host: 127.0.0.1, port: 0 }
    ldapLimits: { maxConnectionsPerSource: 0, operationsPerSecondPerSource: 0 }
    adminPassword: "Adm1n-Passw0rd!"
    lockout: { threshold: ${THRESHOLD}, windowSeconds: 600, durationSeconds: 600 }
    seed:
      users:
        - { username: alice, password: "${ALICE.password}" }
        - { username: bob, password: "B0b-Passw0rd!!" }
        - { username: carol, password: "Car0l-Passw0rd!" }
roles:
  - name: DirectoryUsers
    trustPolicy:
      Version: "2012-10-17"
      Statement:
        - { Effect: Allow, Principal: { Federated: "arn:aws:ds:us-east-1:111122223333:directory/${DIRECTORY_ID}" }, Action: sts:AssumeRoleWithLDAPIdentity }
`;

/** The directory's LDAP URL, as the broker printed it. */
export function ldapUrlOf(b: TestBroker): string {
  const line = b.lines.find((l) => l.includes(`LDAP ${DIRECTORY_ID}`) && /ldap:\/\/127\.0\.0\.1:\d+/.test(l));
  if (!line) throw new Error(`no LDAP listener printed:\n${b.lines.join('\n')}`);
  return /(ldap:\/\/\S+)/.exec(line)![1];
}

/** Counts the password verifications `fn` causes in this process. */
export async function countingChecks<T>(fn: () => Promise<T>): Promise<{ result: T; checks: number }> {
  let checks = 0;
  const stop = observePasswordChecks(() => checks++);
  try {
    return { result: await fn(), checks };
  } finally {
    stop();
  }
}

/** One simple bind on its own connection: 'ok', or the AD data code of the refusal (52e, 775 …). */
export async function ldapBind(url: string, name: string, password: string): Promise<string> {
  const c = new Client({ url, timeout: 60_000, connectTimeout: 10_000 });
  try {
    await c.bind(name, password);
    return 'ok';
  } catch (err) {
    const m = /AcceptSecurityContext error, data ([0-9a-f]+),/.exec(String((err as Error).message));
    if (!m) throw err;
    return m[1];
  } finally {
    await c.unbind().catch(() => {});
  }
}

/** AssumeRoleWithLDAPIdentity without RoleArn (the one role that trusts the user): 'ok' or the error's message. */
export async function assumeWithPassword(httpUrl: string, user: string, password: string): Promise<string> {
  const r = await sendQuery(httpUrl, `Action=AssumeRoleWithLDAPIdentity&Version=2011-06-15&LDAPUsername=${encodeURIComponent(user)}&LDAPPassword=${encodeURIComponent(password)}`, undefined);
  if (r.status === 200) return 'ok';
  const code = /<Code>([^<]+)<\/Code>/.exec(r.text)?.[1];
  const message = /<Message>([^<]+)<\/Message>/.exec(r.text)?.[1];
  return `${code}: ${message}`;
}

/** `n` wrong passwords at once, spread over the given binders (replicas); the answers, counted. */
export async function concurrentWrong(n: number, binders: ((password: string) => Promise<string>)[]): Promise<Map<string, number>> {
  const answers = await Promise.all(Array.from({ length: n }, (_, i) => binders[i % binders.length](`wrong-guess-${i}`)));
  const counts = new Map<string, number>();
  for (const a of answers) counts.set(a, (counts.get(a) ?? 0) + 1);
  return counts;
}
