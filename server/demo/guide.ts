// What `idbroker start --demo` prints once the broker listens: the demo users and their (public) passwords, the
// three URLs, and commands to paste — LDAP and LDAPS searches, AssumeRoleWithLDAPIdentity with curl, `idbroker
// login` — built from the addresses the broker really listens on.
import { join } from 'node:path';
import type { Config, DirectoryConfig } from '../../config/schema.ts';
import { DEMO_ROLES, DEMO_USERS, demoGroupsOf, demoRolesOf } from './data.ts';

export interface DemoGuideInput {
  config: Config;
  directory: DirectoryConfig;
  /** The Query API and portal (the broker's public URL). */
  url: string;
  ldapUrl?: string;
  ldapsUrl?: string;
  /** `--config FILE` when the broker was started with one (the recovery commands need the same). */
  configFlag?: string;
}

/** A URL whose host is a wildcard address (containers listen on 0.0.0.0) as a client on this machine reaches it. */
const reachable = (url: string): string => url.replace(/\/\/(0\.0\.0\.0|\[::\])(?=:)/, '//localhost');

export function demoGuide(input: DemoGuideInput): string[] {
  const { config, directory: d, url } = input;
  const account = config.accounts[0].id;
  const base = d.dnsName.toLowerCase().split('.').map((p) => `DC=${p}`).join(',');
  const cert = (d.type !== 'ad-connector' && d.ldaps?.certFile) || join(config.dataDir, 'tls', `ldaps-${d.id}.crt`);
  const [alice, bob] = DEMO_USERS;
  const cfg = input.configFlag ? ` ${input.configFlag}` : '';
  const width = Math.max(...DEMO_USERS.map((u) => u.username.length + d.netbiosName.length + 1));
  const pwWidth = Math.max(...DEMO_USERS.map((u) => u.password.length));
  const lines = [
    '',
    `Demo data (--demo) in directory ${d.id} ${d.dnsName} (${d.netbiosName}). DEMO ONLY: these passwords are public;`,
    'never use --demo data where anything real is reachable.',
    ...DEMO_USERS.map((u) => {
      if (u.service) return `  ${`${d.netbiosName}\\${u.username}`.padEnd(width)}  ${u.password.padEnd(pwWidth)}  a service account for LDAP applications (bind, then search)`;
      const groups = demoGroupsOf(u).map((g) => (u.groups.includes(g) ? g : `${g} (nested)`)).join(', ');
      return `  ${`${d.netbiosName}\\${u.username}`.padEnd(width)}  ${u.password.padEnd(pwWidth)}  groups: ${groups}; roles: ${demoRolesOf(u).map((r) => r.name).join(', ')}`;
    }),
    ...DEMO_ROLES.map((r) => `  role ${r.name} (${r.policy}) trusts members of ${r.group}${r.group === 'Developers' ? ', nested groups included' : ''}: arn:aws:iam::${account}:role/${r.name}`),
    '',
    'Try it:',
    `  Portal:  ${url}/  → ${d.netbiosName} → ${alice.username} / ${alice.password} → ${demoRolesOf(alice)[0].name} → credentials`,
    `  Query API (IAM, STS): ${url}`,
  ];
  if (input.ldapUrl) {
    lines.push(`  LDAP:    ${reachable(input.ldapUrl)}`);
    lines.push(`    ldapsearch -x -H ${reachable(input.ldapUrl)} -D ${alice.username}@${d.dnsName} -w ${alice.password} -b ${base} '(sAMAccountName=${alice.username})' memberOf`);
  }
  if (input.ldapsUrl) {
    lines.push(`  LDAPS:   ${reachable(input.ldapsUrl)}`);
    lines.push(`    LDAPTLS_CACERT=${cert} ldapsearch -x -H ${reachable(input.ldapsUrl)} -D ${bob.username}@${d.dnsName} -w ${bob.password} -b ${base} '(objectClass=group)' cn member`);
  }
  lines.push(
    '  AssumeRoleWithLDAPIdentity (not in the AWS CLI; an unsigned Query API call):',
    `    curl -s ${url}/ -d Action=AssumeRoleWithLDAPIdentity -d Version=2011-06-15 -d LDAPUsername=${alice.username} -d LDAPPassword=${alice.password} -d RoleArn=arn:aws:iam::${account}:role/${demoRolesOf(alice)[0].name}`,
    '  Credentials into an AWS CLI profile through the browser (sign in as alice):',
    `    npx idbroker login --url ${url} --profile demo`,
    `    aws --profile demo --endpoint-url ${url} sts get-caller-identity`,
    `  Locked out? npx idbroker directories unlock ${alice.username}${cfg}   Forgot a password? npx idbroker directories reset-password ${alice.username}${cfg}`,
  );
  return lines;
}
