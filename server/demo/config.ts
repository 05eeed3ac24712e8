// `idbroker start --demo`: the config file as it is, plus the demo data (data.ts) — seed users and groups for its
// first simple-ad directory and the demo roles trusting that directory — validated like any config. Seeding
// creates only what is missing, so a second --demo start on the same data changes nothing (passwords included).
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { ConfigError, loadConfig, parseConfig } from '../../config/load.ts';
import type { Config, DirectoryConfig } from '../../config/schema.ts';
import { DEMO_GROUPS, DEMO_ROLES, DEMO_USERS } from './data.ts';

export interface DemoConfig {
  config: Config;
  /** The directory the demo seeds. */
  directory: DirectoryConfig;
}

type Tree = Record<string, unknown> & { directories?: Record<string, unknown>[]; roles?: Record<string, unknown>[] };

export function loadDemoConfig(path: string, env: NodeJS.ProcessEnv): DemoConfig {
  const base = loadConfig(path, env);
  const index = base.directories.findIndex((d) => d.type === 'simple-ad');
  if (index < 0) throw new ConfigError([`${path}: --demo seeds a simple-ad directory, and this configuration has none (config/default.yaml has one)`]);
  const dir = base.directories[index];
  const account = base.accounts[0].id;
  const tree = YAML.parseDocument(readFileSync(path, 'utf8')).toJS({ maxAliasCount: 100 }) as Tree;
  const d = tree.directories![index] as { seed?: { groups?: unknown[]; users?: unknown[] } };
  d.seed = {
    ...d.seed,
    groups: [...(d.seed?.groups ?? []), ...DEMO_GROUPS.map((g) => ({ name: g.name, description: g.description, members: g.members }))],
    users: [
      ...(d.seed?.users ?? []),
      ...DEMO_USERS.map((u) => ({
        username: u.username, password: u.password, givenName: u.givenName, surname: u.surname, displayName: `${u.givenName} ${u.surname}`,
        email: `${u.username}@${dir.dnsName}`, groups: u.groups, passwordNeverExpires: true,
      })),
    ],
  };
  const declared = new Set((tree.roles ?? []).map((r) => String(r.name).toLowerCase()));
  const directoryArn = `arn:aws:ds:${base.region}:${account}:directory/${dir.id}`;
  tree.roles = [
    ...(tree.roles ?? []),
    ...DEMO_ROLES.filter((r) => !declared.has(r.name.toLowerCase())).map((r) => ({
      name: r.name,
      account,
      description: r.description,
      trustPolicy: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Federated: directoryArn }, Action: 'sts:AssumeRoleWithLDAPIdentity', Condition: { 'ForAnyValue:StringEquals': { 'ds:Groups': r.group } } }],
      },
      policies: [`arn:aws:iam::aws:policy/${r.policy}`],
    })),
  ];
  const config = parseConfig(YAML.stringify(tree), env, `${path} (with --demo)`);
  return { config, directory: config.directories[index] };
}
