export { createLdapListener, type LdapListener } from './listener.ts';
export { DEFAULT_LIMITS, type LdapLimits, type LdapListenerOptions, type LdapLogger } from './options.ts';
export { matchesFilter, MATCHING_RULE, type MatchContext } from '../contracts/filter-match.ts';
export { dnEquals, normalizeDN, parseDN, rdnKeys, inScope, escapeDNValue } from '../contracts/dn.ts';
export { guidBytesToString, guidStringToBytes, sidBytesToString, sidStringToBytes } from './ad-values.ts';
export { encodeUnicodePwd, decodeUnicodePwd } from './passwords.ts';
