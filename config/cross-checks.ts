// Checks across entries (uniqueness, references, listener clashes). They read the raw tree
// tolerantly, so they report alongside schema problems instead of after them.
import type { PathSegment, Problem } from './problems.ts';
import { checkTrusts } from './trust-checks.ts';

type Node = Record<string, unknown>;
const items = (v: unknown): [Node, number][] =>
  Array.isArray(v) ? v.flatMap((x, i) => (x !== null && typeof x === 'object' && !Array.isArray(x) ? [[x as Node, i] as [Node, number]] : [])) : [];
const obj = (v: unknown): Node => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/** Reports the second and later entries whose key (case-insensitive) was seen before. */
function unique(problems: Problem[], entries: [string | undefined, PathSegment[]][], what: string): void {
  const seen = new Set<string>();
  for (const [key, path] of entries) {
    if (key === undefined) continue;
    const k = key.toLowerCase();
    if (seen.has(k)) problems.push({ path, message: `duplicate ${what} "${key}"` });
    seen.add(k);
  }
}

export function crossCheck(root: unknown): Problem[] {
  const problems: Problem[] = [];
  const cfg = obj(root);
  const accounts = items(cfg.accounts);
  unique(problems, accounts.map(([a, i]) => [str(a.id), ['accounts', i, 'id']]), 'account id');
  unique(problems, accounts.map(([a, i]) => [str(a.alias), ['accounts', i, 'alias']]), 'account alias');
  const refs = new Map<string, string>();
  for (const [a] of accounts) {
    const id = str(a.id);
    if (id === undefined) continue;
    refs.set(id, id);
    const alias = str(a.alias);
    if (alias !== undefined && !refs.has(alias)) refs.set(alias, id);
  }
  const first = accounts.length > 0 ? str(accounts[0][0].id) : undefined;
  const accountOf = (item: Node, path: PathSegment[]): string | undefined => {
    const ref = str(item.account);
    if (ref === undefined) return first;
    if (!refs.has(ref) && accounts.length > 0) problems.push({ path: [...path, 'account'], message: 'expected the id or alias of an account declared under accounts' });
    return refs.get(ref) ?? ref;
  };
  const idp = obj(cfg.identityProviders);
  const kinds: [PathSegment[], unknown, string, string][] = [
    [['users'], cfg.users, 'name', 'user name'],
    [['groups'], cfg.groups, 'name', 'group name'],
    [['roles'], cfg.roles, 'name', 'role name'],
    [['policies'], cfg.policies, 'name', 'policy name'],
    [['identityProviders', 'saml'], idp.saml, 'name', 'SAML provider name'],
    [['identityProviders', 'oidc'], idp.oidc, 'url', 'OIDC provider URL'],
  ];
  for (const [base, list, key, what] of kinds) {
    unique(
      problems,
      items(list).map(([item, i]) => {
        const acct = accountOf(item, [...base, i]);
        const k = str(item[key]);
        return [k === undefined ? undefined : `${k}" in account "${acct}`, [...base, i, key]];
      }),
      what,
    );
  }
  const keyIds: [string | undefined, PathSegment[]][] = [[str(obj(cfg.admin).accessKeyId), ['admin', 'accessKeyId']]];
  for (const [u, i] of items(cfg.users)) for (const [k, j] of items(u.accessKeys)) keyIds.push([str(k.id), ['users', i, 'accessKeys', j, 'id']]);
  unique(problems, keyIds, 'access key id');
  checkDirectories(problems, cfg);
  for (const [base, list] of [[['identityProviders', 'saml'], idp.saml], [['identityProviders', 'oidc'], idp.oidc], [['directories'], cfg.directories]] as const)
    for (const [item, i] of items(list)) checkTagMapping(problems, item, [...base, i]);
  return problems;
}

/** `sessionTags` / `transitiveTagKeys` of a provider or directory: AWS's session-tag rules that a config can break. */
function checkTagMapping(problems: Problem[], item: Node, path: PathSegment[]): void {
  const keys = Object.keys(obj(item.sessionTags));
  unique(problems, keys.map((k) => [k, [...path, 'sessionTags', k]]), 'session tag key (keys are case-insensitive)');
  if (keys.length > 50) problems.push({ path: [...path, 'sessionTags'], message: 'expected at most 50 session tags' });
  for (const k of keys) if (k.toLowerCase().startsWith('aws:')) problems.push({ path: [...path, 'sessionTags', k], message: 'tag keys starting with aws: are reserved' });
  const declared = new Set(keys.map((k) => k.toLowerCase()));
  const transitive = Array.isArray(item.transitiveTagKeys) ? item.transitiveTagKeys : [];
  transitive.forEach((k, j) => {
    if (typeof k === 'string' && !declared.has(k.toLowerCase())) problems.push({ path: [...path, 'transitiveTagKeys', j], message: `expected one of the keys of sessionTags, not "${k}"` });
  });
}

function checkDirectories(problems: Problem[], cfg: Node): void {
  const dirs = items(cfg.directories);
  unique(problems, dirs.map(([d, i]) => [str(d.id), ['directories', i, 'id']]), 'directory id');
  unique(problems, dirs.map(([d, i]) => [str(d.dnsName), ['directories', i, 'dnsName']]), 'directory dnsName');
  unique(problems, dirs.map(([d, i]) => [str(d.netbiosName), ['directories', i, 'netbiosName']]), 'directory netbiosName');
  const http = obj(cfg.http);
  const listeners: [string | undefined, PathSegment[]][] = [[address(http.host, http.port ?? 8080), ['http', 'port']]];
  if (http.https !== undefined) listeners.push([address(obj(http.https).host ?? http.host, obj(http.https).port), ['http', 'https', 'port']]);
  for (const [d, i] of dirs) {
    for (const kind of ['ldap', 'ldaps']) {
      const l = obj(d[kind]);
      listeners.push([address(l.host, l.port), ['directories', i, kind, 'port']]);
    }
    const own = str(d.dnsName)?.toLowerCase();
    for (const [t, j] of items(d.trusts)) {
      if (own !== undefined && str(t.dnsName)?.toLowerCase() === own)
        problems.push({ path: ['directories', i, 'trusts', j, 'dnsName'], message: 'a directory cannot trust its own domain' });
    }
    unique(problems, items(d.trusts).map(([t, j]) => [str(t.dnsName), ['directories', i, 'trusts', j, 'dnsName']]), 'trusted domain');
    const seed = obj(d.seed);
    unique(problems, items(seed.users).map(([u, j]) => [str(u.username), ['directories', i, 'seed', 'users', j, 'username']]), 'seed user');
    unique(problems, items(seed.groups).map(([g, j]) => [str(g.name), ['directories', i, 'seed', 'groups', j, 'name']]), 'seed group');
  }
  unique(problems, listeners, 'listen address');
  checkTrusts(problems, dirs);
}

/** `host:port` of a listener, or undefined for an ephemeral (0) or unreadable port. */
function address(host: unknown, port: unknown): string | undefined {
  const p = Number(str(port));
  if (!Number.isInteger(p) || p === 0) return undefined;
  return `${str(host) ?? '127.0.0.1'}:${p}`;
}
