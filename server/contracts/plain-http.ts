// Where plain http:// is acceptable for an OIDC issuer: loopback and private addresses, where on-prem IdPs run
// (the "internal (private or loopback) IdP addresses are allowed"); everything else must be https://.
// One predicate for the config schema, IAM's CreateOpenIDConnectProvider and the relying party, so that what
// `idbroker config check` accepts is also what the broker applies and signs in with.
import { isIP } from 'node:net';

/** localhost and *.localhost (RFC 6761 §6.3), 127/8, ::1, 10/8, 172.16/12, 192.168/16, fc00::/7. */
export function plainHttpAllowed(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) {
    const [a, b] = h.split('.').map(Number);
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  if (isIP(h) === 6) return h === '::1' || /^f[cd][0-9a-f]{0,2}:/.test(h);
  return false;
}
