// The RootDSE (base "" scope base), readable anonymously, with what AD clients read on connect
// (reference §2.5). Only implemented controls, extensions and mechanisms are advertised.
import { Entry, type DomainInfo } from '../contracts/directory.ts';

export const OID = {
  pagedResults: '1.2.840.113556.1.4.319',
  policyHints: '1.2.840.113556.1.4.2239',
  policyHintsDeprecated: '1.2.840.113556.1.4.2066',
  manageDsaIT: '2.16.840.1.113730.3.4.2',
  startTls: '1.3.6.1.4.1.1466.20037',
  whoAmI: '1.3.6.1.4.1.4203.1.11.3',
  passwordModify: '1.3.6.1.4.1.4203.1.11.1',
  serverSort: '1.2.840.113556.1.4.473',
  vlv: '2.16.840.1.113730.3.4.9',
  dirSync: '1.2.840.113556.1.4.841',
  sdFlags: '1.2.840.113556.1.4.801',
} as const;

/** Controls the front end understands, so they may be marked critical. ManageDsaIT is a no-op
 *  (there are no referrals to manage); SD flags too (nTSecurityDescriptor is returned when the
 *  directory keeps one, whatever parts the flags select). */
export const SUPPORTED_CONTROLS: string[] = [
  OID.pagedResults, OID.policyHints, OID.policyHintsDeprecated, OID.manageDsaIT, OID.serverSort, OID.vlv, OID.dirSync, OID.sdFlags,
];

export const SASL_MECHANISMS = ['PLAIN'];

export function generalizedTime(d: Date): string {
  return `${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}.0Z`;
}

export function rootDse(domain: DomainInfo, opts: { dnsHostName: string; extensions: string[]; now: Date }): Entry {
  const base = domain.baseDN;
  const host = opts.dnsHostName.split('.')[0].toUpperCase();
  const config = `CN=Configuration,${base}`;
  const server = `CN=${host},CN=Servers,CN=Default-First-Site-Name,CN=Sites,${config}`;
  return new Entry('', {
    currentTime: generalizedTime(opts.now),
    subschemaSubentry: `CN=Aggregate,CN=Schema,${config}`,
    dsServiceName: `CN=NTDS Settings,${server}`,
    // the naming contexts this DC holds and the front end serves (configuration-partition.ts); no DNS zones
    namingContexts: [base, config, `CN=Schema,${config}`],
    defaultNamingContext: base,
    rootDomainNamingContext: base,
    configurationNamingContext: config,
    schemaNamingContext: `CN=Schema,${config}`,
    serverName: server,
    dnsHostName: opts.dnsHostName,
    ldapServiceName: `${domain.dnsName}:${host.toLowerCase()}$@${domain.dnsName.toUpperCase()}`,
    supportedControl: SUPPORTED_CONTROLS,
    supportedExtension: opts.extensions,
    supportedLDAPVersion: ['3', '2'],
    supportedSASLMechanisms: SASL_MECHANISMS,
    supportedCapabilities: ['1.2.840.113556.1.4.800', '1.2.840.113556.1.4.1670', '1.2.840.113556.1.4.1791'],
    supportedLDAPPolicies: ['MaxPageSize', 'MaxValRange', 'MaxConnections', 'MaxConnIdleTime', 'MaxQueryDuration', 'MaxReceiveBuffer'],
    isSynchronized: 'TRUE',
    isGlobalCatalogReady: 'FALSE',
    domainFunctionality: '7',
    forestFunctionality: '7',
    domainControllerFunctionality: '7',
  });
}
