// A trusted domain as managed-ad sees it: its names, the trust's direction and type, and the
// connection to its domain controllers (an ad-connector backend the registry opens for each trust,
// so upstream pooling, fail-over, circuit breakers and name resolution are the connector's).
//
// Directions are named from this directory's side, as Windows and AWS name them:
//   one-way-outgoing  this directory trusts the other domain: its users may authenticate here
//   one-way-incoming  the other domain trusts this one: its users are refused here
//   two-way           both
import type { DirectoryBackend, DomainInfo } from '../../../server/contracts/directory.ts';
import { rdnKeys } from '../../../server/contracts/dn.ts';

export type TrustDirection = 'one-way-outgoing' | 'one-way-incoming' | 'two-way';

export interface TrustConfig {
  dnsName: string;
  netbiosName: string;
  direction: TrustDirection;
  type: 'forest' | 'external';
  upstream: { urls: string[] };
}

/** What managed-ad needs of the connection to a trusted domain's DCs. */
export interface TrustConnection {
  backend: DirectoryBackend;
  /** Connects to every DC and binds the service account now (closes circuits of DCs that answer). */
  checkHealth(): Promise<void>;
  close(): Promise<void>;
}

export class TrustedDomain {
  readonly domain: DomainInfo;
  readonly #baseKeys: string[];

  constructor(
    readonly config: TrustConfig,
    readonly connection: TrustConnection,
  ) {
    const dnsName = config.dnsName.toLowerCase();
    this.domain = { dnsName, netbiosName: config.netbiosName.toUpperCase(), baseDN: dnsName.split('.').map((p) => `DC=${p}`).join(',') };
    this.#baseKeys = rdnKeys(this.domain.baseDN);
  }

  /** Whether this directory accepts the trusted domain's users (an outgoing trust exists). */
  get admitsItsUsers(): boolean {
    return this.config.direction !== 'one-way-incoming';
  }

  get backend(): DirectoryBackend {
    return this.connection.backend;
  }

  /** Whether a DN is in this domain (its base DN or below). Throws invalidDNSyntax on a bad DN. */
  holdsDN(dn: string): boolean {
    const keys = rdnKeys(dn);
    const b = this.#baseKeys;
    return keys.length >= b.length && b.every((k, i) => keys[keys.length - b.length + i] === k);
  }

  /** Whether a down-level prefix (`ONPREM` of `ONPREM\alice`, or the DNS name) names this domain. */
  isDomainPrefix(prefix: string): boolean {
    return prefix.toUpperCase() === this.domain.netbiosName || prefix.toLowerCase() === this.domain.dnsName;
  }

  /** Whether a UPN suffix (`onprem.example.com` of `alice@onprem.example.com`) is this domain's. */
  isUpnSuffix(suffix: string): boolean {
    return suffix.toLowerCase() === this.domain.dnsName;
  }
}
