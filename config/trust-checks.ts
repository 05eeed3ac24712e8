// Cross-checks of managed-ad trusts and of seed members from other domains:
// - a trust's NetBIOS name must differ from the directory's own and from its other trusts' (down-level
//   names `ONPREM\alice` are routed by it);
// - a trust whose upstream is one of this broker's own LDAP listeners must name that directory's domain:
//   anything else (a directory trusting itself, or A → B where B does not hold the trusted domain) would
//   send chased searches and binds round in a loop;
// - a seed group member written `DOMAIN\name` or `name@dns.name` of another domain needs a trust to that
//   domain that admits its users (one-way-outgoing or two-way); simple-ad cannot trust at all.
import type { PathSegment, Problem } from './problems.ts';

type Node = Record<string, unknown>;
const items = (v: unknown): [Node, number][] =>
  Array.isArray(v) ? v.flatMap((x, i) => (x !== null && typeof x === 'object' && !Array.isArray(x) ? [[x as Node, i] as [Node, number]] : [])) : [];
const obj = (v: unknown): Node => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
const lower = (v: unknown) => str(v)?.toLowerCase();

/** host:port of an ldap:// or ldaps:// URL, lower-cased; localhost and 127.0.0.1 are one host. */
function urlAddress(url: string): string | undefined {
  const m = /^ldaps?:\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?\/?$/i.exec(url);
  if (!m) return undefined;
  const host = m[1].toLowerCase() === 'localhost' ? '127.0.0.1' : m[1].toLowerCase();
  return `${host}:${m[2] ?? (url.toLowerCase().startsWith('ldaps:') ? '636' : '389')}`;
}

/** The domain a seed member names, when it is written DOMAIN\name or name@dns.name. */
function memberDomain(member: string): string | undefined {
  const downLevel = /^([^\\@=,]+)\\[^\\]+$/.exec(member);
  if (downLevel) return downLevel[1].toLowerCase();
  const upn = !member.includes('=') ? /^[^@]+@([^@]+)$/.exec(member) : null;
  return upn?.[1].toLowerCase();
}

export function checkTrusts(problems: Problem[], dirs: [Node, number][]): void {
  const listenerOwner = new Map<string, Node>();
  for (const [d] of dirs) {
    for (const kind of ['ldap', 'ldaps']) {
      const l = obj(d[kind]);
      const port = Number(str(l.port));
      if (Number.isInteger(port) && port > 0) listenerOwner.set(`${(lower(l.host) ?? '127.0.0.1').replace('localhost', '127.0.0.1')}:${port}`, d);
    }
  }
  for (const [d, i] of dirs) {
    const own = { dns: lower(d.dnsName), netbios: lower(d.netbiosName) };
    const trusts = items(d.trusts);
    const netbiosSeen = new Map<string, string | undefined>(); // NetBIOS name → its DNS name
    for (const [t, j] of trusts) {
      const path: PathSegment[] = ['directories', i, 'trusts', j];
      const nb = lower(t.netbiosName);
      if (nb !== undefined && nb === own.netbios) problems.push({ path: [...path, 'netbiosName'], message: 'a trusted domain cannot have the directory\'s own NetBIOS name' });
      else if (nb !== undefined && netbiosSeen.has(nb) && netbiosSeen.get(nb) !== lower(t.dnsName))
        problems.push({ path: [...path, 'netbiosName'], message: `duplicate trusted NetBIOS name "${str(t.netbiosName)}"` });
      if (nb !== undefined && !netbiosSeen.has(nb)) netbiosSeen.set(nb, lower(t.dnsName));
      const urls = obj(t.upstream).urls;
      for (const [url, k] of (Array.isArray(urls) ? urls : []).map((u, k) => [u, k] as const)) {
        const target = typeof url === 'string' ? listenerOwner.get(urlAddress(url) ?? '') : undefined;
        if (target && lower(target.dnsName) !== lower(t.dnsName)) {
          problems.push({
            path: [...path, 'upstream', 'urls', k],
            message: `trust loop: ${String(url)} is this broker's directory ${str(target.id) ?? ''} (${str(target.dnsName) ?? ''}), which does not hold ${str(t.dnsName) ?? 'the trusted domain'}`,
          });
        }
      }
    }
    const trusted = (domain: string) => trusts.find(([t]) => lower(t.dnsName) === domain || lower(t.netbiosName) === domain)?.[0];
    for (const [g, j] of items(obj(d.seed).groups)) {
      for (const [member, k] of (Array.isArray(g.members) ? g.members : []).map((m, k) => [m, k] as const)) {
        const domain = typeof member === 'string' ? memberDomain(member) : undefined;
        if (domain === undefined || domain === own.dns || domain === own.netbios) continue;
        const path: PathSegment[] = ['directories', i, 'seed', 'groups', j, 'members', k];
        const t = trusted(domain);
        if (str(d.type) === 'simple-ad') problems.push({ path, message: `"${member}" is of another domain: simple-ad cannot trust other domains (use managed-ad with a trust)` });
        else if (str(d.type) !== 'managed-ad') continue;
        else if (!t) problems.push({ path, message: `"${member}" is of a domain this directory does not trust (declare it under trusts)` });
        else if (str(t.direction) === 'one-way-incoming') problems.push({ path, message: `"${member}": ${str(t.dnsName)} is trusted one-way-incoming, so its users cannot be members here (use one-way-outgoing or two-way)` });
      }
    }
  }
}
