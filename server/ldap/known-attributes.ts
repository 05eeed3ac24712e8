// Whether an attribute name is one AD's schema defines, for the controls that must tell an
// unknown attribute from one no entry happens to have (server-side sort answers sortResult
// noSuchAttribute (16) for a name outside the schema). The directories serve the attributes of
// AD's user, inetOrgPerson, group, computer, organizationalUnit, container and domainDNS classes;
// an attribute any returned entry carries counts as known too.
import type { Entry } from '../contracts/directory.ts';

const AD_ATTRIBUTES = new Set(
  [
    'accountExpires', 'adminCount', 'badPasswordTime', 'badPwdCount', 'c', 'canonicalName', 'cn', 'co', 'codePage', 'comment', 'company',
    'countryCode', 'createTimestamp', 'dc', 'department', 'departmentNumber', 'description', 'directReports', 'displayName', 'distinguishedName',
    'division', 'dNSHostName', 'employeeID', 'employeeNumber', 'employeeType', 'facsimileTelephoneNumber', 'gidNumber', 'givenName', 'groupType',
    'homeDirectory', 'homeDrive', 'homePhone', 'info', 'initials', 'instanceType', 'ipPhone', 'isCriticalSystemObject', 'isDeleted', 'l',
    'lastLogoff', 'lastLogon', 'lastLogonTimestamp', 'lockoutTime', 'loginShell', 'logonCount', 'mail', 'managedBy', 'manager', 'member',
    'memberOf', 'middleName', 'mobile', 'modifyTimestamp', 'msDS-User-Account-Control-Computed', 'name', 'nTSecurityDescriptor', 'o',
    'objectCategory', 'objectClass', 'objectGUID', 'objectSid', 'operatingSystem', 'otherTelephone', 'ou', 'pager', 'physicalDeliveryOfficeName',
    'postalAddress', 'postalCode', 'postOfficeBox', 'primaryGroupID', 'profilePath', 'proxyAddresses', 'pwdLastSet', 'sAMAccountName',
    'sAMAccountType', 'scriptPath', 'servicePrincipalName', 'sIDHistory', 'sn', 'st', 'street', 'streetAddress', 'systemFlags',
    'telephoneNumber', 'thumbnailPhoto', 'title', 'uid', 'uidNumber', 'unixHomeDirectory', 'userAccountControl', 'userPrincipalName',
    'userWorkstations', 'uSNChanged', 'uSNCreated', 'whenChanged', 'whenCreated', 'wWWHomePage',
  ].map((a) => a.toLowerCase()),
);

export function isKnownAttribute(name: string, seen: Iterable<Entry> = []): boolean {
  const lower = name.split(';')[0].toLowerCase();
  if (AD_ATTRIBUTES.has(lower)) return true;
  for (const e of seen) if (e.has(lower)) return true;
  return false;
}
