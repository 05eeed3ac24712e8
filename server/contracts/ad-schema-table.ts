// The AD schema the directories serve, as one table: every attribute and class an entry of simple-ad,
// managed-ad or the configuration partition can carry (the classes below, their superclasses and
// auxiliary classes, and every attribute those may or must contain). OIDs, syntaxes, single-value,
// systemOnly and property sets are Microsoft's: generated from the Windows Server v1903 schema
// (AD_DS_Attributes/Classes_Windows_Server_v1903.ldf, as published in Samba's source4/setup/ad-schema).
// Rows: `lDAPDisplayName attributeID syntax [flags]`; flags: s isSingleValued, n systemOnly (the
// subschema's NO-USER-MODIFICATION), c constructed, p Personal-Information property set
// (77b5b886-944a-11d1-aebd-0000f80367c1), w Web-Information (e45795b3-9455-11d1-aebd-0000f80367c1).
// Classes: name, governsID, subClassOf, objectClassCategory, (system)must/mayContain,
// (system)auxiliaryClass, (system)possSuperiors; lists are space-separated.

/** AD syntax (attributeSyntax + oMSyntax [+ oMObjectClass]) → the LDAP syntax OID AD's subschema names. */
export const LDAP_SYNTAX = {
  boolean: '1.3.6.1.4.1.1466.115.121.1.7',
  integer: '1.3.6.1.4.1.1466.115.121.1.27',
  enumeration: '1.3.6.1.4.1.1466.115.121.1.27',
  largeInteger: '1.2.840.113556.1.4.906',
  octet: '1.3.6.1.4.1.1466.115.121.1.40',
  sid: '1.3.6.1.4.1.1466.115.121.1.40',
  replicaLink: 'OctetString', // sic: a Windows DC names this syntax so (repsFrom, repsTo)
  oid: '1.3.6.1.4.1.1466.115.121.1.38',
  numeric: '1.3.6.1.4.1.1466.115.121.1.36',
  printable: '1.3.6.1.4.1.1466.115.121.1.44',
  teletex: '1.2.840.113556.1.4.905',
  ia5: '1.3.6.1.4.1.1466.115.121.1.26',
  utcTime: '1.3.6.1.4.1.1466.115.121.1.53',
  generalizedTime: '1.3.6.1.4.1.1466.115.121.1.24',
  caseExact: '1.2.840.113556.1.4.1362',
  unicode: '1.3.6.1.4.1.1466.115.121.1.15',
  securityDescriptor: '1.2.840.113556.1.4.907',
  dn: '1.3.6.1.4.1.1466.115.121.1.12',
  dnBinary: '1.2.840.113556.1.4.903',
  orName: '1.2.840.113556.1.4.1221',
  dnString: '1.2.840.113556.1.4.904',
  accessPoint: '1.3.6.1.4.1.1466.115.121.1.2',
  presentationAddress: '1.3.6.1.4.1.1466.115.121.1.43',
} as const;
export type SyntaxName = keyof typeof LDAP_SYNTAX;

export const ATTRIBUTE_ROWS = `
accountExpires 1.2.840.113556.1.4.159 largeInteger s
accountNameHistory 1.2.840.113556.1.4.1307 unicode
aCSPolicyName 1.2.840.113556.1.4.772 unicode s
adminCount 1.2.840.113556.1.4.150 integer s
adminDescription 1.2.840.113556.1.2.226 unicode s
adminDisplayName 1.2.840.113556.1.2.194 unicode s
allowedAttributes 1.2.840.113556.1.4.913 oid nc
allowedAttributesEffective 1.2.840.113556.1.4.914 oid nc
allowedChildClasses 1.2.840.113556.1.4.911 oid nc
allowedChildClassesEffective 1.2.840.113556.1.4.912 oid nc
altSecurityIdentities 1.2.840.113556.1.4.867 unicode
applicationName 1.2.840.113556.1.4.218 unicode s
assistant 1.2.840.113556.1.4.652 dn sp
attributeCertificateAttribute 2.5.4.58 octet
attributeID 1.2.840.113556.1.2.30 oid sn
attributeSecurityGUID 1.2.840.113556.1.4.149 octet s
attributeSyntax 1.2.840.113556.1.2.32 oid sn
attributeTypes 2.5.21.5 unicode nc
audio 0.9.2342.19200300.100.1.55 octet
auditingPolicy 1.2.840.113556.1.4.202 octet s
auxiliaryClass 1.2.840.113556.1.2.351 oid
badPasswordTime 1.2.840.113556.1.4.49 largeInteger s
badPwdCount 1.2.840.113556.1.4.12 integer s
bridgeheadServerListBL 1.2.840.113556.1.4.820 dn n
bridgeheadTransportList 1.2.840.113556.1.4.819 dn
builtinCreationTime 1.2.840.113556.1.4.13 largeInteger s
builtinModifiedCount 1.2.840.113556.1.4.14 largeInteger s
businessCategory 2.5.4.15 unicode
c 2.5.4.6 unicode sp
cACertificate 2.5.4.37 octet
canonicalName 1.2.840.113556.1.4.916 unicode nc
carLicense 2.16.840.1.113730.3.1.1 unicode
catalogs 1.2.840.113556.1.4.675 unicode
classDisplayName 1.2.840.113556.1.4.610 unicode
cn 2.5.4.3 unicode s
co 1.2.840.113556.1.2.131 unicode s
codePage 1.2.840.113556.1.4.16 integer s
comment 1.2.840.113556.1.4.156 unicode s
company 1.2.840.113556.1.2.146 unicode s
controlAccessRights 1.2.840.113556.1.4.200 octet
countryCode 1.2.840.113556.1.4.25 integer s
createTimeStamp 2.5.18.1 generalizedTime snc
creationTime 1.2.840.113556.1.4.26 largeInteger s
dBCSPwd 1.2.840.113556.1.4.55 octet s
dc 0.9.2342.19200300.100.1.25 unicode s
defaultClassStore 1.2.840.113556.1.4.213 dn
defaultGroup 1.2.840.113556.1.4.480 dn s
defaultHidingValue 1.2.840.113556.1.4.518 boolean s
defaultLocalPolicyObject 1.2.840.113556.1.4.57 dn s
defaultObjectCategory 1.2.840.113556.1.4.783 dn s
defaultSecurityDescriptor 1.2.840.113556.1.4.224 unicode s
department 1.2.840.113556.1.2.141 unicode s
departmentNumber 2.16.840.1.113730.3.1.2 unicode
description 2.5.4.13 unicode
desktopProfile 1.2.840.113556.1.4.346 unicode s
destinationIndicator 2.5.4.27 printable
directReports 1.2.840.113556.1.2.436 dn n
displayName 1.2.840.113556.1.2.13 unicode s
displayNamePrintable 1.2.840.113556.1.2.353 printable s
distinguishedName 2.5.4.49 dn sn
dITContentRules 2.5.21.2 unicode nc
division 1.2.840.113556.1.4.261 unicode s
dMDLocation 1.2.840.113556.1.2.36 dn sn
dmdName 1.2.840.113556.1.2.598 unicode s
dNSHostName 1.2.840.113556.1.4.619 unicode s
dnsRoot 1.2.840.113556.1.4.28 unicode
domainPolicyObject 1.2.840.113556.1.4.32 dn s
domainReplica 1.2.840.113556.1.4.158 unicode s
dSASignature 1.2.840.113556.1.2.74 octet s
dSCorePropagationData 1.2.840.113556.1.4.1357 generalizedTime n
dynamicLDAPServer 1.2.840.113556.1.4.537 dn s
eFSPolicy 1.2.840.113556.1.4.268 octet
employeeID 1.2.840.113556.1.4.35 unicode s
employeeNumber 1.2.840.113556.1.2.610 unicode s
employeeType 1.2.840.113556.1.2.613 unicode s
Enabled 1.2.840.113556.1.2.557 boolean s
extendedAttributeInfo 1.2.840.113556.1.4.909 unicode nc
extendedCharsAllowed 1.2.840.113556.1.2.380 boolean s
extendedClassInfo 1.2.840.113556.1.4.908 unicode nc
extensionName 1.2.840.113556.1.2.227 unicode
facsimileTelephoneNumber 2.5.4.23 unicode sp
flags 1.2.840.113556.1.4.38 integer s
forceLogoff 1.2.840.113556.1.4.39 largeInteger s
foreignIdentifier 1.2.840.113556.1.4.356 octet s
fromEntry 1.2.840.113556.1.4.910 boolean nc
frsComputerReferenceBL 1.2.840.113556.1.4.870 dn n
fRSMemberReferenceBL 1.2.840.113556.1.4.876 dn n
fRSRootPath 1.2.840.113556.1.4.487 unicode s
fSMORoleOwner 1.2.840.113556.1.4.369 dn s
garbageCollPeriod 1.2.840.113556.1.2.301 integer s
gecos 1.3.6.1.1.1.1.2 ia5 s
generationQualifier 2.5.4.44 unicode s
gidNumber 1.3.6.1.1.1.1.1 integer s
givenName 2.5.4.42 unicode s
governsID 1.2.840.113556.1.2.22 oid sn
gPLink 1.2.840.113556.1.4.891 unicode s
gPOptions 1.2.840.113556.1.4.892 integer s
groupAttributes 1.2.840.113556.1.4.152 integer s
groupMembershipSAM 1.2.840.113556.1.4.166 octet s
groupPriority 1.2.840.113556.1.4.345 unicode
groupsToIgnore 1.2.840.113556.1.4.344 unicode
groupType 1.2.840.113556.1.4.750 integer s
hasMasterNCs 1.2.840.113556.1.2.14 dn n
hasPartialReplicaNCs 1.2.840.113556.1.2.15 dn n
homeDirectory 1.2.840.113556.1.4.44 unicode s
homeDrive 1.2.840.113556.1.4.45 unicode s
homePhone 0.9.2342.19200300.100.1.20 unicode sp
homePostalAddress 1.2.840.113556.1.2.617 unicode sp
houseIdentifier 2.5.4.51 unicode
info 1.2.840.113556.1.2.81 unicode sp
initials 2.5.4.43 unicode s
instanceType 1.2.840.113556.1.2.1 integer sn
internationalISDNNumber 2.5.4.25 numeric p
invocationId 1.2.840.113556.1.2.115 octet sn
ipHostNumber 1.3.6.1.1.1.1.19 ia5
ipPhone 1.2.840.113556.1.4.721 unicode sp
isCriticalSystemObject 1.2.840.113556.1.4.868 boolean s
isDefunct 1.2.840.113556.1.4.661 boolean s
isDeleted 1.2.840.113556.1.2.48 boolean sn
isEphemeral 1.2.840.113556.1.4.1212 boolean sn
isMemberOfPartialAttributeSet 1.2.840.113556.1.4.639 boolean s
isPrivilegeHolder 1.2.840.113556.1.4.638 dn n
isRecycled 1.2.840.113556.1.4.2058 boolean sn
isSingleValued 1.2.840.113556.1.2.33 boolean sn
jpegPhoto 0.9.2342.19200300.100.1.60 octet
l 2.5.4.7 unicode sp
labeledURI 1.3.6.1.4.1.250.1.57 unicode
lastBackupRestorationTime 1.2.840.113556.1.4.519 largeInteger s
lastKnownParent 1.2.840.113556.1.4.781 dn s
lastLogoff 1.2.840.113556.1.4.51 largeInteger s
lastLogon 1.2.840.113556.1.4.52 largeInteger s
lastLogonTimestamp 1.2.840.113556.1.4.1696 largeInteger s
lDAPDisplayName 1.2.840.113556.1.2.460 unicode s
legacyExchangeDN 1.2.840.113556.1.4.655 teletex s
linkID 1.2.840.113556.1.2.50 integer sn
lmPwdHistory 1.2.840.113556.1.4.160 octet
localeID 1.2.840.113556.1.4.58 integer
localPolicyFlags 1.2.840.113556.1.4.56 integer s
location 1.2.840.113556.1.4.222 unicode s
lockoutDuration 1.2.840.113556.1.4.60 largeInteger s
lockOutObservationWindow 1.2.840.113556.1.4.61 largeInteger s
lockoutThreshold 1.2.840.113556.1.4.73 integer s
lockoutTime 1.2.840.113556.1.4.662 largeInteger s
loginShell 1.3.6.1.1.1.1.4 ia5 s
logonCount 1.2.840.113556.1.4.169 integer s
logonHours 1.2.840.113556.1.4.64 octet s
logonWorkstation 1.2.840.113556.1.4.65 octet s
lSACreationTime 1.2.840.113556.1.4.66 largeInteger s
lSAModifiedCount 1.2.840.113556.1.4.67 largeInteger s
machineRole 1.2.840.113556.1.4.71 enumeration s
mail 0.9.2342.19200300.100.1.3 unicode s
mailAddress 1.2.840.113556.1.4.786 unicode s
managedBy 1.2.840.113556.1.4.653 dn s
managedObjects 1.2.840.113556.1.4.654 dn n
manager 0.9.2342.19200300.100.1.10 dn s
mAPIID 1.2.840.113556.1.2.49 integer sn
masteredBy 1.2.840.113556.1.4.1409 dn n
maxPwdAge 1.2.840.113556.1.4.74 largeInteger s
maxStorage 1.2.840.113556.1.4.76 largeInteger s
mayContain 1.2.840.113556.1.2.25 oid
member 2.5.4.31 dn
memberOf 1.2.840.113556.1.2.102 dn n
memberUid 1.3.6.1.1.1.1.12 ia5
mhsORAddress 1.2.840.113556.1.4.650 unicode
middleName 2.16.840.1.113730.3.1.34 unicode s
minPwdAge 1.2.840.113556.1.4.78 largeInteger s
minPwdLength 1.2.840.113556.1.4.79 integer s
mobile 0.9.2342.19200300.100.1.41 unicode sp
modifiedCount 1.2.840.113556.1.4.168 largeInteger s
modifiedCountAtLastProm 1.2.840.113556.1.4.81 largeInteger s
modifyTimeStamp 2.5.18.2 generalizedTime snc
mS-DS-ConsistencyChildCount 1.2.840.113556.1.4.1361 integer s
mS-DS-ConsistencyGuid 1.2.840.113556.1.4.1360 octet s
mS-DS-CreatorSID 1.2.840.113556.1.4.1410 sid sn
ms-DS-MachineAccountQuota 1.2.840.113556.1.4.1411 integer s
msCOM-PartitionSetLink 1.2.840.113556.1.4.1424 dn n
msCOM-UserLink 1.2.840.113556.1.4.1425 dn n
msCOM-UserPartitionSetLink 1.2.840.113556.1.4.1426 dn s
msDFSR-ComputerReferenceBL 1.2.840.113556.1.6.13.3.103 dn
msDFSR-MemberReferenceBL 1.2.840.113556.1.6.13.3.102 dn
msDRM-IdentityCertificate 1.2.840.113556.1.4.1843 octet
msDS-AdditionalDnsHostName 1.2.840.113556.1.4.1717 unicode n
msDS-AdditionalSamAccountName 1.2.840.113556.1.4.1718 unicode n
msDS-AllowedDNSSuffixes 1.2.840.113556.1.4.1710 unicode
msDS-AllowedToActOnBehalfOfOtherIdentity 1.2.840.113556.1.4.2182 securityDescriptor sn
msDS-AllowedToDelegateTo 1.2.840.113556.1.4.1787 unicode
msDS-AllUsersTrustQuota 1.2.840.113556.1.4.1789 integer s
msDS-Approx-Immed-Subordinates 1.2.840.113556.1.4.1669 integer snc
msDS-AssignedAuthNPolicy 1.2.840.113556.1.4.2295 dn s
msDS-AssignedAuthNPolicySilo 1.2.840.113556.1.4.2285 dn s
msDS-AuthenticatedAtDC 1.2.840.113556.1.4.1958 dn
msDS-AuthenticatedToAccountlist 1.2.840.113556.1.4.1957 dn n
msDS-AuthNPolicySiloMembersBL 1.2.840.113556.1.4.2288 dn n
msDS-AzApplicationData 1.2.840.113556.1.4.1819 unicode s
msDS-AzBizRule 1.2.840.113556.1.4.1801 unicode s
msDS-AzBizRuleLanguage 1.2.840.113556.1.4.1802 unicode s
msDS-AzGenericData 1.2.840.113556.1.4.1950 unicode s
msDS-AzLastImportedBizRulePath 1.2.840.113556.1.4.1803 unicode s
msDS-AzLDAPQuery 1.2.840.113556.1.4.1792 unicode s
msDS-AzObjectGuid 1.2.840.113556.1.4.1949 octet sn
msDS-Behavior-Version 1.2.840.113556.1.4.1459 integer sn
msDS-BridgeHeadServersUsed 1.2.840.113556.1.4.2049 dnBinary
msDS-Cached-Membership 1.2.840.113556.1.4.1441 octet s
msDS-Cached-Membership-Time-Stamp 1.2.840.113556.1.4.1442 largeInteger s
msDS-ClaimSharesPossibleValuesWithBL 1.2.840.113556.1.4.2102 dn
msDS-CloudAnchor 1.2.840.113556.1.4.2273 octet s
msDS-cloudExtensionAttribute1 1.2.840.113556.1.4.2214 unicode sp
msDS-cloudExtensionAttribute10 1.2.840.113556.1.4.2223 unicode sp
msDS-cloudExtensionAttribute11 1.2.840.113556.1.4.2224 unicode sp
msDS-cloudExtensionAttribute12 1.2.840.113556.1.4.2225 unicode sp
msDS-cloudExtensionAttribute13 1.2.840.113556.1.4.2226 unicode sp
msDS-cloudExtensionAttribute14 1.2.840.113556.1.4.2227 unicode sp
msDS-cloudExtensionAttribute15 1.2.840.113556.1.4.2228 unicode sp
msDS-cloudExtensionAttribute16 1.2.840.113556.1.4.2229 unicode sp
msDS-cloudExtensionAttribute17 1.2.840.113556.1.4.2230 unicode sp
msDS-cloudExtensionAttribute18 1.2.840.113556.1.4.2231 unicode sp
msDS-cloudExtensionAttribute19 1.2.840.113556.1.4.2232 unicode sp
msDS-cloudExtensionAttribute2 1.2.840.113556.1.4.2215 unicode sp
msDS-cloudExtensionAttribute20 1.2.840.113556.1.4.2233 unicode sp
msDS-cloudExtensionAttribute3 1.2.840.113556.1.4.2216 unicode sp
msDS-cloudExtensionAttribute4 1.2.840.113556.1.4.2217 unicode sp
msDS-cloudExtensionAttribute5 1.2.840.113556.1.4.2218 unicode sp
msDS-cloudExtensionAttribute6 1.2.840.113556.1.4.2219 unicode sp
msDS-cloudExtensionAttribute7 1.2.840.113556.1.4.2220 unicode sp
msDS-cloudExtensionAttribute8 1.2.840.113556.1.4.2221 unicode sp
msDS-cloudExtensionAttribute9 1.2.840.113556.1.4.2222 unicode sp
msDS-DnsRootAlias 1.2.840.113556.1.4.1719 unicode s
msDS-EnabledFeature 1.2.840.113556.1.4.2061 dn n
msDS-EnabledFeatureBL 1.2.840.113556.1.4.2069 dn n
msDS-ExecuteScriptPassword 1.2.840.113556.1.4.1783 octet sn
msDS-ExpirePasswordsOnSmartCardOnlyAccounts 1.2.840.113556.1.4.2344 boolean s
msDS-ExternalDirectoryObjectId 1.2.840.113556.1.4.2310 unicode sp
msDS-FailedInteractiveLogonCount 1.2.840.113556.1.4.1972 integer snp
msDS-FailedInteractiveLogonCountAtLastSuccessfulLogon 1.2.840.113556.1.4.1973 integer snp
msDS-GenerationId 1.2.840.113556.1.4.2166 octet sn
msDS-GeoCoordinatesAltitude 1.2.840.113556.1.4.2183 largeInteger sp
msDS-GeoCoordinatesLatitude 1.2.840.113556.1.4.2184 largeInteger sp
msDS-GeoCoordinatesLongitude 1.2.840.113556.1.4.2185 largeInteger sp
msDS-HABSeniorityIndex 1.2.840.113556.1.4.1997 integer s
msDS-HasDomainNCs 1.2.840.113556.1.4.1820 dn n
msDS-hasFullReplicaNCs 1.2.840.113556.1.4.1925 dn n
msDS-HasInstantiatedNCs 1.2.840.113556.1.4.1709 dnBinary n
msDS-hasMasterNCs 1.2.840.113556.1.4.1836 dn n
msDS-HostServiceAccount 1.2.840.113556.1.4.2056 dn p
msDS-HostServiceAccountBL 1.2.840.113556.1.4.2057 dn
msDS-IntId 1.2.840.113556.1.4.1716 integer sn
msDS-IsDomainFor 1.2.840.113556.1.4.1933 dn n
msDS-IsFullReplicaFor 1.2.840.113556.1.4.1932 dn n
msDS-isGC 1.2.840.113556.1.4.1959 boolean sc
msDS-IsPartialReplicaFor 1.2.840.113556.1.4.1934 dn n
msDS-IsPrimaryComputerFor 1.2.840.113556.1.4.2168 dn
msDS-isRODC 1.2.840.113556.1.4.1960 boolean sc
msDS-IsUserCachableAtRodc 1.2.840.113556.1.4.2025 integer sc
msDS-KeyCredentialLink 1.2.840.113556.1.4.2328 dnBinary
msDS-KeyPrincipalBL 1.2.840.113556.1.4.2319 dn n
msDS-KeyVersionNumber 1.2.840.113556.1.4.1782 integer snc
msDS-KrbTgtLink 1.2.840.113556.1.4.1923 dn s
msDS-KrbTgtLinkBl 1.2.840.113556.1.4.1931 dn n
msDS-LastFailedInteractiveLogonTime 1.2.840.113556.1.4.1971 largeInteger snp
msDS-LastKnownRDN 1.2.840.113556.1.4.2067 unicode sn
msDS-LastSuccessfulInteractiveLogonTime 1.2.840.113556.1.4.1970 largeInteger snp
msDS-LocalEffectiveDeletionTime 1.2.840.113556.1.4.2059 generalizedTime snc
msDS-LocalEffectiveRecycleTime 1.2.840.113556.1.4.2060 generalizedTime snc
msDS-LogonTimeSyncInterval 1.2.840.113556.1.4.1784 integer s
msDs-masteredBy 1.2.840.113556.1.4.1837 dn n
msds-memberOfTransitive 1.2.840.113556.1.4.2236 dn nc
msDS-MembersForAzRoleBL 1.2.840.113556.1.4.1807 dn n
msDS-MembersOfResourcePropertyListBL 1.2.840.113556.1.4.2104 dn
msds-memberTransitive 1.2.840.113556.1.4.2238 dn nc
msDS-NC-Replica-Locations 1.2.840.113556.1.4.1661 dn
msDS-NC-RO-Replica-Locations 1.2.840.113556.1.4.1967 dn
msDS-NC-RO-Replica-Locations-BL 1.2.840.113556.1.4.1968 dn
msDS-NCReplCursors 1.2.840.113556.1.4.1704 unicode c
msDS-NCReplInboundNeighbors 1.2.840.113556.1.4.1705 unicode c
msDS-NCReplOutboundNeighbors 1.2.840.113556.1.4.1706 unicode c
msDS-NcType 1.2.840.113556.1.4.2024 integer sn
msDS-NeverRevealGroup 1.2.840.113556.1.4.1926 dn
msDS-NonMembers 1.2.840.113556.1.4.1793 dn
msDS-NonMembersBL 1.2.840.113556.1.4.1794 dn n
msDS-ObjectReference 1.2.840.113556.1.4.1840 dn
msDS-ObjectReferenceBL 1.2.840.113556.1.4.1841 dn n
msDS-ObjectSoa 1.2.840.113556.1.4.2353 unicode s
msDS-OIDToGroupLinkBl 1.2.840.113556.1.4.2052 dn n
msDS-OperationsForAzRoleBL 1.2.840.113556.1.4.1813 dn n
msDS-OperationsForAzTaskBL 1.2.840.113556.1.4.1809 dn n
msDS-parentdistname 1.2.840.113556.1.4.2203 dn snc
msDS-PerUserTrustQuota 1.2.840.113556.1.4.1788 integer s
msDS-PerUserTrustTombstonesQuota 1.2.840.113556.1.4.1790 integer s
msDS-PhoneticCompanyName 1.2.840.113556.1.4.1945 unicode s
msDS-PhoneticDepartment 1.2.840.113556.1.4.1944 unicode s
msDS-PhoneticDisplayName 1.2.840.113556.1.4.1946 unicode s
msDS-PhoneticFirstName 1.2.840.113556.1.4.1942 unicode s
msDS-PhoneticLastName 1.2.840.113556.1.4.1943 unicode s
msDS-preferredDataLocation 1.2.840.113556.1.4.2366 unicode s
msDS-PrimaryComputer 1.2.840.113556.1.4.2167 dn
msDS-PrincipalName 1.2.840.113556.1.4.1865 unicode sc
msDS-PromotionSettings 1.2.840.113556.1.4.1962 unicode sn
msDS-PSOApplied 1.2.840.113556.1.4.2021 dn n
msDS-ReplAttributeMetaData 1.2.840.113556.1.4.1707 unicode c
msDS-Replication-Notify-First-DSA-Delay 1.2.840.113556.1.4.1663 integer s
msDS-Replication-Notify-Subsequent-DSA-Delay 1.2.840.113556.1.4.1664 integer s
msDS-ReplicationEpoch 1.2.840.113556.1.4.1720 integer s
msDS-ReplValueMetaData 1.2.840.113556.1.4.1708 unicode c
msDS-ReplValueMetaDataExt 1.2.840.113556.1.4.2235 unicode c
msDS-ResultantPSO 1.2.840.113556.1.4.2022 dn snc
msDS-RetiredReplNCSignatures 1.2.840.113556.1.4.1826 octet sn
msDS-RevealedDSAs 1.2.840.113556.1.4.1930 dn n
msDS-RevealedList 1.2.840.113556.1.4.1940 dnString nc
msDS-RevealedListBL 1.2.840.113556.1.4.1975 dn nc
msDS-RevealedUsers 1.2.840.113556.1.4.1924 dnBinary n
msDS-RevealOnDemandGroup 1.2.840.113556.1.4.1928 dn
msDs-Schema-Extensions 1.2.840.113556.1.4.1440 octet n
msDS-SDReferenceDomain 1.2.840.113556.1.4.1711 dn s
msDS-SecondaryKrbTgtNumber 1.2.840.113556.1.4.1929 integer sn
msDS-Settings 1.2.840.113556.1.4.1697 unicode
msDS-Site-Affinity 1.2.840.113556.1.4.1443 octet
msDS-SiteName 1.2.840.113556.1.4.1961 unicode sc
msDS-SourceAnchor 1.2.840.113556.1.4.2352 unicode s
msDS-SourceObjectDN 1.2.840.113556.1.4.1879 unicode s
msDS-SPNSuffixes 1.2.840.113556.1.4.1715 unicode
msDS-SupportedEncryptionTypes 1.2.840.113556.1.4.1963 integer sp
msDS-SyncServerUrl 1.2.840.113556.1.4.2276 unicode
msDS-TasksForAzRoleBL 1.2.840.113556.1.4.1815 dn n
msDS-TasksForAzTaskBL 1.2.840.113556.1.4.1811 dn n
msDS-TDOEgressBL 1.2.840.113556.1.4.2194 dn n
msDS-TDOIngressBL 1.2.840.113556.1.4.2193 dn n
msds-tokenGroupNames 1.2.840.113556.1.4.2345 dn nc
msds-tokenGroupNamesGlobalAndUniversal 1.2.840.113556.1.4.2346 dn nc
msds-tokenGroupNamesNoGCAcceptable 1.2.840.113556.1.4.2347 dn nc
msDS-UpdateScript 1.2.840.113556.1.4.1721 unicode s
msDS-User-Account-Control-Computed 1.2.840.113556.1.4.1460 integer sc
msDS-UserPasswordExpiryTimeComputed 1.2.840.113556.1.4.1996 largeInteger sc
msDS-USNLastSyncSuccess 1.2.840.113556.1.4.2055 largeInteger s
msDS-ValueTypeReferenceBL 1.2.840.113556.1.4.2188 dn n
msExchAssistantName 1.2.840.113556.1.2.444 unicode s
msExchHouseIdentifier 1.2.840.113556.1.2.596 unicode s
msExchLabeledURI 1.2.840.113556.1.2.593 unicode
msIIS-FTPDir 1.2.840.113556.1.4.1786 unicode s
msIIS-FTPRoot 1.2.840.113556.1.4.1785 unicode s
msImaging-HashAlgorithm 1.2.840.113556.1.4.2181 unicode s
msImaging-ThumbprintHash 1.2.840.113556.1.4.2180 octet s
mSMQDigests 1.2.840.113556.1.4.948 octet p
mSMQDigestsMig 1.2.840.113556.1.4.966 octet
mSMQInterval1 1.2.840.113556.1.4.1308 integer s
mSMQInterval2 1.2.840.113556.1.4.1309 integer s
mSMQNt4Stub 1.2.840.113556.1.4.960 integer
mSMQSignCertificates 1.2.840.113556.1.4.947 octet sp
mSMQSignCertificatesMig 1.2.840.113556.1.4.967 octet s
mSMQSiteForeign 1.2.840.113556.1.4.961 boolean
mSMQSiteID 1.2.840.113556.1.4.953 octet s
msNPAllowDialin 1.2.840.113556.1.4.1119 boolean s
msNPCallingStationID 1.2.840.113556.1.4.1124 ia5
msNPSavedCallingStationID 1.2.840.113556.1.4.1130 ia5
msPKI-CredentialRoamingTokens 1.2.840.113556.1.4.2050 dnBinary
msPKIAccountCredentials 1.2.840.113556.1.4.1894 dnBinary
msPKIDPAPIMasterKeys 1.2.840.113556.1.4.1893 dnBinary
msPKIRoamingTimeStamp 1.2.840.113556.1.4.1892 octet s
msRADIUS-FramedInterfaceId 1.2.840.113556.1.4.1913 ia5 s
msRADIUS-FramedIpv6Prefix 1.2.840.113556.1.4.1915 ia5 s
msRADIUS-FramedIpv6Route 1.2.840.113556.1.4.1917 ia5
msRADIUS-SavedFramedInterfaceId 1.2.840.113556.1.4.1914 ia5 s
msRADIUS-SavedFramedIpv6Prefix 1.2.840.113556.1.4.1916 ia5 s
msRADIUS-SavedFramedIpv6Route 1.2.840.113556.1.4.1918 ia5
msRADIUSCallbackNumber 1.2.840.113556.1.4.1145 ia5 s
msRADIUSFramedIPAddress 1.2.840.113556.1.4.1153 integer s
msRADIUSFramedRoute 1.2.840.113556.1.4.1158 ia5
msRADIUSServiceType 1.2.840.113556.1.4.1171 integer s
msRASSavedCallbackNumber 1.2.840.113556.1.4.1189 ia5 s
msRASSavedFramedIPAddress 1.2.840.113556.1.4.1190 integer s
msRASSavedFramedRoute 1.2.840.113556.1.4.1191 ia5
msSFU30Aliases 1.2.840.113556.1.6.18.1.323 ia5
msSFU30Name 1.2.840.113556.1.6.18.1.309 ia5 s
msSFU30NisDomain 1.2.840.113556.1.6.18.1.339 ia5 s
msSFU30PosixMember 1.2.840.113556.1.6.18.1.346 dn
msSFU30PosixMemberOf 1.2.840.113556.1.6.18.1.347 dn
msTPM-OwnerInformation 1.2.840.113556.1.4.1966 unicode s
msTPM-TpmInformationForComputer 1.2.840.113556.1.4.2109 dn s
msTSAllowLogon 1.2.840.113556.1.4.1979 boolean s
msTSBrokenConnectionAction 1.2.840.113556.1.4.1985 boolean s
msTSConnectClientDrives 1.2.840.113556.1.4.1986 boolean s
msTSConnectPrinterDrives 1.2.840.113556.1.4.1987 boolean s
msTSDefaultToMainPrinter 1.2.840.113556.1.4.1988 boolean s
msTSEndpointData 1.2.840.113556.1.4.2070 unicode s
msTSEndpointPlugin 1.2.840.113556.1.4.2072 unicode s
msTSEndpointType 1.2.840.113556.1.4.2071 integer s
msTSExpireDate 1.2.840.113556.1.4.1993 generalizedTime s
msTSExpireDate2 1.2.840.113556.1.4.2000 generalizedTime s
msTSExpireDate3 1.2.840.113556.1.4.2003 generalizedTime s
msTSExpireDate4 1.2.840.113556.1.4.2006 generalizedTime s
msTSHomeDirectory 1.2.840.113556.1.4.1977 unicode s
msTSHomeDrive 1.2.840.113556.1.4.1978 unicode s
msTSInitialProgram 1.2.840.113556.1.4.1990 unicode s
msTSLicenseVersion 1.2.840.113556.1.4.1994 unicode s
msTSLicenseVersion2 1.2.840.113556.1.4.2001 unicode s
msTSLicenseVersion3 1.2.840.113556.1.4.2004 unicode s
msTSLicenseVersion4 1.2.840.113556.1.4.2007 unicode s
msTSLSProperty01 1.2.840.113556.1.4.2009 unicode
msTSLSProperty02 1.2.840.113556.1.4.2010 unicode
msTSManagingLS 1.2.840.113556.1.4.1995 unicode s
msTSManagingLS2 1.2.840.113556.1.4.2002 unicode s
msTSManagingLS3 1.2.840.113556.1.4.2005 unicode s
msTSManagingLS4 1.2.840.113556.1.4.2008 unicode s
msTSMaxConnectionTime 1.2.840.113556.1.4.1982 integer s
msTSMaxDisconnectionTime 1.2.840.113556.1.4.1981 integer s
msTSMaxIdleTime 1.2.840.113556.1.4.1983 integer s
msTSPrimaryDesktop 1.2.840.113556.1.4.2073 dn s
msTSPrimaryDesktopBL 1.2.840.113556.1.4.2074 dn n
msTSProfilePath 1.2.840.113556.1.4.1976 unicode s
msTSProperty01 1.2.840.113556.1.4.1991 unicode
msTSProperty02 1.2.840.113556.1.4.1992 unicode
msTSReconnectionAction 1.2.840.113556.1.4.1984 boolean s
msTSRemoteControl 1.2.840.113556.1.4.1980 integer s
msTSSecondaryDesktopBL 1.2.840.113556.1.4.2078 dn n
msTSSecondaryDesktops 1.2.840.113556.1.4.2075 dn
msTSWorkDirectory 1.2.840.113556.1.4.1989 unicode s
mustContain 1.2.840.113556.1.2.24 oid
name 1.2.840.113556.1.4.1 unicode sn
nCName 1.2.840.113556.1.2.16 dn sn
nETBIOSName 1.2.840.113556.1.4.87 unicode s
netbootDUID 1.2.840.113556.1.4.2234 octet s
netbootGUID 1.2.840.113556.1.4.359 octet s
netbootInitialization 1.2.840.113556.1.4.358 unicode s
netbootMachineFilePath 1.2.840.113556.1.4.361 unicode s
netbootMirrorDataFile 1.2.840.113556.1.4.1241 unicode
netbootSCPBL 1.2.840.113556.1.4.864 dn n
netbootSIFFile 1.2.840.113556.1.4.1240 unicode
networkAddress 1.2.840.113556.1.2.459 teletex
nextRid 1.2.840.113556.1.4.88 integer s
nisMapName 1.3.6.1.1.1.1.26 ia5 s
nonSecurityMember 1.2.840.113556.1.4.530 dn
nonSecurityMemberBL 1.2.840.113556.1.4.531 dn n
notificationList 1.2.840.113556.1.4.303 dn s
nTGroupMembers 1.2.840.113556.1.4.89 octet
nTMixedDomain 1.2.840.113556.1.4.357 integer s
ntPwdHistory 1.2.840.113556.1.4.94 octet
nTSecurityDescriptor 1.2.840.113556.1.2.281 securityDescriptor s
o 2.5.4.10 unicode
objectCategory 1.2.840.113556.1.4.782 dn s
objectClass 2.5.4.0 oid n
objectClassCategory 1.2.840.113556.1.2.370 enumeration sn
objectClasses 2.5.21.6 unicode nc
objectGUID 1.2.840.113556.1.4.2 octet sn
objectSid 1.2.840.113556.1.4.146 sid sn
objectVersion 1.2.840.113556.1.2.76 integer s
oEMInformation 1.2.840.113556.1.4.151 unicode s
oMObjectClass 1.2.840.113556.1.2.218 octet sn
oMSyntax 1.2.840.113556.1.2.231 integer sn
operatingSystem 1.2.840.113556.1.4.363 unicode s
operatingSystemHotfix 1.2.840.113556.1.4.415 unicode s
operatingSystemServicePack 1.2.840.113556.1.4.365 unicode s
operatingSystemVersion 1.2.840.113556.1.4.364 unicode s
operatorCount 1.2.840.113556.1.4.144 integer s
options 1.2.840.113556.1.4.307 integer s
otherFacsimileTelephoneNumber 1.2.840.113556.1.4.646 unicode p
otherHomePhone 1.2.840.113556.1.2.277 unicode p
otherIpPhone 1.2.840.113556.1.4.722 unicode p
otherLoginWorkstations 1.2.840.113556.1.4.91 unicode
otherMailbox 1.2.840.113556.1.4.651 unicode
otherMobile 1.2.840.113556.1.4.647 unicode p
otherPager 1.2.840.113556.1.2.118 unicode p
otherTelephone 1.2.840.113556.1.2.18 unicode p
otherWellKnownObjects 1.2.840.113556.1.4.1359 dnBinary
ou 2.5.4.11 unicode
ownerBL 1.2.840.113556.1.2.104 dn n
pager 0.9.2342.19200300.100.1.42 unicode sp
partialAttributeDeletionList 1.2.840.113556.1.4.663 octet sn
partialAttributeSet 1.2.840.113556.1.4.640 octet sn
pekKeyChangeInterval 1.2.840.113556.1.4.866 largeInteger s
pekList 1.2.840.113556.1.4.865 octet s
personalTitle 1.2.840.113556.1.2.615 unicode sp
photo 0.9.2342.19200300.100.1.7 octet
physicalDeliveryOfficeName 2.5.4.19 unicode sp
physicalLocationObject 1.2.840.113556.1.4.514 dn s
policyReplicationFlags 1.2.840.113556.1.4.633 integer s
possibleInferiors 1.2.840.113556.1.4.915 oid nc
possSuperiors 1.2.840.113556.1.2.8 oid
postalAddress 2.5.4.16 unicode p
postalCode 2.5.4.17 unicode sp
postOfficeBox 2.5.4.18 unicode p
preferredDeliveryMethod 2.5.4.28 enumeration p
preferredLanguage 2.16.840.1.113730.3.1.39 unicode s
preferredOU 1.2.840.113556.1.4.97 dn s
prefixMap 1.2.840.113556.1.4.538 octet sn
primaryGroupID 1.2.840.113556.1.4.98 integer s
primaryGroupToken 1.2.840.113556.1.4.1412 integer snc
primaryInternationalISDNNumber 1.2.840.113556.1.4.649 unicode sp
primaryTelexNumber 1.2.840.113556.1.4.648 unicode sp
privateKey 1.2.840.113556.1.4.101 octet s
profilePath 1.2.840.113556.1.4.139 unicode s
proxiedObjectName 1.2.840.113556.1.4.1249 dnBinary sn
proxyAddresses 1.2.840.113556.1.2.210 unicode
pwdHistoryLength 1.2.840.113556.1.4.95 integer s
pwdLastSet 1.2.840.113556.1.4.96 largeInteger s
pwdProperties 1.2.840.113556.1.4.93 integer s
queryPolicyBL 1.2.840.113556.1.4.608 dn n
queryPolicyObject 1.2.840.113556.1.4.607 dn s
rangeLower 1.2.840.113556.1.2.34 integer s
rangeUpper 1.2.840.113556.1.2.35 integer s
rDNAttID 1.2.840.113556.1.2.26 oid sn
registeredAddress 2.5.4.26 octet p
replicaSource 1.2.840.113556.1.4.109 unicode sn
replPropertyMetaData 1.2.840.113556.1.4.3 octet sn
replUpToDateVector 1.2.840.113556.1.4.4 octet sn
repsFrom 1.2.840.113556.1.2.91 replicaLink n
repsTo 1.2.840.113556.1.2.83 replicaLink n
retiredReplDSASignatures 1.2.840.113556.1.4.673 octet sn
revision 1.2.840.113556.1.4.145 integer s
rid 1.2.840.113556.1.4.153 integer s
rIDManagerReference 1.2.840.113556.1.4.368 dn sn
rIDSetReferences 1.2.840.113556.1.4.669 dn n
roomNumber 0.9.2342.19200300.100.1.6 unicode
rootTrust 1.2.840.113556.1.4.674 dn
sAMAccountName 1.2.840.113556.1.4.221 unicode s
sAMAccountType 1.2.840.113556.1.4.302 integer s
schemaFlagsEx 1.2.840.113556.1.4.120 integer sn
schemaIDGUID 1.2.840.113556.1.4.148 octet sn
schemaInfo 1.2.840.113556.1.4.1358 octet n
schemaUpdate 1.2.840.113556.1.4.481 generalizedTime s
schemaVersion 1.2.840.113556.1.2.471 integer
scriptPath 1.2.840.113556.1.4.62 unicode s
sDRightsEffective 1.2.840.113556.1.4.1304 integer sc
searchFlags 1.2.840.113556.1.2.334 enumeration s
searchGuide 2.5.4.14 octet
secretary 0.9.2342.19200300.100.1.21 dn
securityIdentifier 1.2.840.113556.1.4.121 sid s
seeAlso 2.5.4.34 dn
serialNumber 2.5.4.5 printable
serverReference 1.2.840.113556.1.4.515 dn s
serverReferenceBL 1.2.840.113556.1.4.516 dn n
serverRole 1.2.840.113556.1.4.157 integer s
serverState 1.2.840.113556.1.4.154 integer s
servicePrincipalName 1.2.840.113556.1.4.771 unicode
shadowExpire 1.3.6.1.1.1.1.10 integer s
shadowFlag 1.3.6.1.1.1.1.11 integer s
shadowInactive 1.3.6.1.1.1.1.9 integer s
shadowLastChange 1.3.6.1.1.1.1.5 integer s
shadowMax 1.3.6.1.1.1.1.7 integer s
shadowMin 1.3.6.1.1.1.1.6 integer s
shadowWarning 1.3.6.1.1.1.1.8 integer s
showInAddressBook 1.2.840.113556.1.4.644 dn
showInAdvancedViewOnly 1.2.840.113556.1.2.169 boolean s
sIDHistory 1.2.840.113556.1.4.609 sid
siteGUID 1.2.840.113556.1.4.362 octet s
siteObjectBL 1.2.840.113556.1.4.513 dn n
sn 2.5.4.4 unicode s
st 2.5.4.8 unicode sp
street 2.5.4.9 unicode sp
streetAddress 1.2.840.113556.1.2.256 unicode sp
structuralObjectClass 2.5.21.9 oid c
subClassOf 1.2.840.113556.1.2.21 oid sn
subRefs 1.2.840.113556.1.2.7 dn n
subSchemaSubEntry 2.5.18.10 dn nc
superiorDNSRoot 1.2.840.113556.1.4.532 unicode s
supplementalCredentials 1.2.840.113556.1.4.125 octet
systemAuxiliaryClass 1.2.840.113556.1.4.198 oid n
systemFlags 1.2.840.113556.1.4.375 integer sn
systemMayContain 1.2.840.113556.1.4.196 oid n
systemMustContain 1.2.840.113556.1.4.197 oid n
systemOnly 1.2.840.113556.1.4.170 boolean sn
systemPossSuperiors 1.2.840.113556.1.4.195 oid n
telephoneNumber 2.5.4.20 unicode sp
teletexTerminalIdentifier 2.5.4.22 octet p
telexNumber 2.5.4.21 octet p
terminalServer 1.2.840.113556.1.4.885 octet s
textEncodedORAddress 0.9.2342.19200300.100.1.2 unicode s
thumbnailLogo 2.16.840.1.113730.3.1.36 octet s
thumbnailPhoto 2.16.840.1.113730.3.1.35 octet sp
title 2.5.4.12 unicode s
tokenGroups 1.2.840.113556.1.4.1301 sid c
tokenGroupsGlobalAndUniversal 1.2.840.113556.1.4.1418 sid c
tokenGroupsNoGCAcceptable 1.2.840.113556.1.4.1303 sid c
treeName 1.2.840.113556.1.4.660 unicode sn
trustParent 1.2.840.113556.1.4.471 dn s
uASCompat 1.2.840.113556.1.4.155 integer s
uid 0.9.2342.19200300.100.1.1 unicode
uidNumber 1.3.6.1.1.1.1.0 integer s
unicodePwd 1.2.840.113556.1.4.90 octet s
unixHomeDirectory 1.3.6.1.1.1.1.3 ia5 s
unixUserPassword 1.2.840.113556.1.4.1910 octet
uPNSuffixes 1.2.840.113556.1.4.890 unicode
url 1.2.840.113556.1.4.749 unicode w
userAccountControl 1.2.840.113556.1.4.8 integer s
userCert 1.2.840.113556.1.4.645 octet sp
userCertificate 2.5.4.36 octet p
userParameters 1.2.840.113556.1.4.138 unicode s
userPassword 2.5.4.35 octet
userPKCS12 2.16.840.1.113730.3.1.216 octet
userPrincipalName 1.2.840.113556.1.4.656 unicode s
userSharedFolder 1.2.840.113556.1.4.751 unicode sp
userSharedFolderOther 1.2.840.113556.1.4.752 unicode p
userSMIMECertificate 2.16.840.1.113730.3.140 octet p
userWorkstations 1.2.840.113556.1.4.86 unicode s
uSNChanged 1.2.840.113556.1.2.120 largeInteger sn
uSNCreated 1.2.840.113556.1.2.19 largeInteger sn
uSNDSALastObjRemoved 1.2.840.113556.1.2.267 largeInteger sn
USNIntersite 1.2.840.113556.1.2.469 integer s
uSNLastObjRem 1.2.840.113556.1.2.121 largeInteger sn
uSNSource 1.2.840.113556.1.4.896 largeInteger s
volumeCount 1.2.840.113556.1.4.507 integer s
wbemPath 1.2.840.113556.1.4.301 unicode
wellKnownObjects 1.2.840.113556.1.4.618 dnBinary n
whenChanged 1.2.840.113556.1.2.3 generalizedTime sn
whenCreated 1.2.840.113556.1.2.2 generalizedTime sn
wWWHomePage 1.2.840.113556.1.2.464 unicode sw
x121Address 2.5.4.24 numeric p
x500uniqueIdentifier 2.5.4.45 octet
`;

export const CLASS_ROWS: { name: string; oid: string; sup: string; kind: 'structural' | 'abstract' | 'auxiliary'; must: string; may: string; aux: string; possSuperiors: string }[] = [
  {
    name: 'top', oid: '2.5.6.0', sup: '', kind: 'abstract',
    must: 'objectClass objectCategory nTSecurityDescriptor instanceType',
    may: `
      msSFU30PosixMemberOf msDFSR-ComputerReferenceBL msDFSR-MemberReferenceBL msDS-ObjectReferenceBL msDS-ObjectSoa
      msDS-SourceAnchor msDS-CloudAnchor msDS-ReplValueMetaDataExt msDS-parentdistname msds-memberTransitive
      msds-memberOfTransitive msDS-TDOEgressBL msDS-TDOIngressBL msDS-ValueTypeReferenceBL msDS-IsPrimaryComputerFor
      msDS-ClaimSharesPossibleValuesWithBL msDS-MembersOfResourcePropertyListBL msDS-EnabledFeatureBL msDS-LastKnownRDN
      msDS-HostServiceAccountBL msDS-OIDToGroupLinkBl msDS-LocalEffectiveRecycleTime msDS-LocalEffectiveDeletionTime
      msDS-PSOApplied msDS-NcType msDS-PrincipalName msDS-RevealedListBL msDS-NC-RO-Replica-Locations-BL
      msDS-AuthenticatedToAccountlist msDS-IsPartialReplicaFor msDS-IsDomainFor msDS-IsFullReplicaFor msDS-RevealedDSAs
      msDS-KrbTgtLinkBl url wWWHomePage whenCreated whenChanged wellKnownObjects wbemPath uSNSource uSNLastObjRem USNIntersite
      uSNDSALastObjRemoved uSNCreated uSNChanged systemFlags subSchemaSubEntry subRefs structuralObjectClass siteObjectBL
      serverReferenceBL sDRightsEffective revision repsTo repsFrom directReports replUpToDateVector replPropertyMetaData name
      queryPolicyBL proxyAddresses proxiedObjectName possibleInferiors partialAttributeSet partialAttributeDeletionList
      otherWellKnownObjects objectVersion objectGUID distinguishedName nonSecurityMemberBL netbootSCPBL ownerBL
      msDS-ReplValueMetaData msDS-ReplAttributeMetaData msDS-NonMembersBL msDS-NCReplOutboundNeighbors
      msDS-NCReplInboundNeighbors msDS-NCReplCursors msDS-TasksForAzRoleBL msDS-TasksForAzTaskBL msDS-OperationsForAzRoleBL
      msDS-OperationsForAzTaskBL msDS-MembersForAzRoleBL msDs-masteredBy mS-DS-ConsistencyGuid mS-DS-ConsistencyChildCount
      msDS-Approx-Immed-Subordinates msCOM-PartitionSetLink msCOM-UserLink modifyTimeStamp masteredBy managedObjects
      lastKnownParent isPrivilegeHolder memberOf isRecycled isDeleted isCriticalSystemObject showInAdvancedViewOnly
      fSMORoleOwner fRSMemberReferenceBL frsComputerReferenceBL fromEntry flags extensionName dSASignature
      dSCorePropagationData displayNamePrintable displayName description createTimeStamp cn canonicalName
      bridgeheadServerListBL allowedChildClassesEffective allowedChildClasses allowedAttributesEffective allowedAttributes
      adminDisplayName adminDescription
    `,
    aux: '', possSuperiors: 'lostAndFound',
  },
  {
    name: 'domain', oid: '1.2.840.113556.1.5.66', sup: 'top', kind: 'abstract',
    must: 'dc',
    may: '',
    aux: '', possSuperiors: 'domain organization',
  },
  {
    name: 'domainDNS', oid: '1.2.840.113556.1.5.67', sup: 'domain', kind: 'structural',
    must: '',
    may: `
      msDS-ExpirePasswordsOnSmartCardOnlyAccounts msDS-EnabledFeature msDS-USNLastSyncSuccess msDS-Behavior-Version
      msDS-AllowedDNSSuffixes managedBy
    `,
    aux: 'samDomain', possSuperiors: 'domainDNS',
  },
  {
    name: 'samDomain', oid: '1.2.840.113556.1.5.3', sup: 'top', kind: 'auxiliary',
    must: '',
    may: `
      treeName rIDManagerReference replicaSource pwdProperties pwdHistoryLength privateKey pekList pekKeyChangeInterval
      nTMixedDomain nextRid nETBIOSName msDS-PerUserTrustTombstonesQuota msDS-PerUserTrustQuota ms-DS-MachineAccountQuota
      msDS-LogonTimeSyncInterval msDS-AllUsersTrustQuota modifiedCountAtLastProm minPwdLength minPwdAge maxPwdAge
      lSAModifiedCount lSACreationTime lockoutThreshold lockoutDuration lockOutObservationWindow gPOptions gPLink eFSPolicy
      domainPolicyObject desktopProfile description defaultLocalPolicyObject creationTime controlAccessRights cACertificate
      builtinModifiedCount builtinCreationTime auditingPolicy
    `,
    aux: 'samDomainBase', possSuperiors: '',
  },
  {
    name: 'samDomainBase', oid: '1.2.840.113556.1.5.2', sup: 'top', kind: 'auxiliary',
    must: '',
    may: `
      uASCompat serverState serverRole revision pwdProperties pwdHistoryLength oEMInformation objectSid nTSecurityDescriptor
      nextRid modifiedCountAtLastProm modifiedCount minPwdLength minPwdAge maxPwdAge lockoutThreshold lockoutDuration
      lockOutObservationWindow forceLogoff domainReplica creationTime
    `,
    aux: '', possSuperiors: '',
  },
  {
    name: 'container', oid: '1.2.840.113556.1.3.23', sup: 'top', kind: 'structural',
    must: 'cn',
    may: 'msDS-ObjectReference schemaVersion defaultClassStore',
    aux: '', possSuperiors: `
      msDS-AzScope msDS-AzApplication msDS-AzAdminManager subnet server nTDSService domainDNS organization configuration
      container organizationalUnit
    `,
  },
  {
    name: 'organizationalUnit', oid: '2.5.6.5', sup: 'top', kind: 'structural',
    must: 'ou',
    may: `
      x121Address userPassword uPNSuffixes co telexNumber teletexTerminalIdentifier telephoneNumber street st seeAlso
      searchGuide registeredAddress preferredDeliveryMethod postalCode postalAddress postOfficeBox physicalDeliveryOfficeName
      msCOM-UserPartitionSetLink managedBy thumbnailLogo l internationalISDNNumber gPOptions gPLink facsimileTelephoneNumber
      destinationIndicator desktopProfile defaultGroup countryCode c businessCategory
    `,
    aux: '', possSuperiors: 'country organization organizationalUnit domainDNS',
  },
  {
    name: 'group', oid: '1.2.840.113556.1.5.8', sup: 'top', kind: 'structural',
    must: 'groupType',
    may: `
      msSFU30PosixMember msSFU30NisDomain msSFU30Name msDS-PrimaryComputer msDS-preferredDataLocation msDS-AzApplicationData
      msDS-AzLastImportedBizRulePath msDS-AzBizRuleLanguage msDS-AzBizRule msDS-AzObjectGuid msDS-AzGenericData
      primaryGroupToken operatorCount nTGroupMembers nonSecurityMember msDS-NonMembers msDS-AzLDAPQuery member managedBy
      groupMembershipSAM groupAttributes mail desktopProfile controlAccessRights adminCount
    `,
    aux: 'mailRecipient securityPrincipal posixGroup', possSuperiors: `
      msDS-AzScope msDS-AzApplication msDS-AzAdminManager container builtinDomain organizationalUnit domainDNS
    `,
  },
  {
    name: 'mailRecipient', oid: '1.2.840.113556.1.3.46', sup: 'top', kind: 'auxiliary',
    must: 'cn',
    may: `
      msDS-ExternalDirectoryObjectId msDS-GeoCoordinatesLongitude msDS-GeoCoordinatesLatitude msDS-GeoCoordinatesAltitude
      msDS-PhoneticDisplayName userSMIMECertificate secretary msExchLabeledURI msExchAssistantName labeledURI userCertificate
      userCert textEncodedORAddress telephoneNumber showInAddressBook legacyExchangeDN garbageCollPeriod info
    `,
    aux: '', possSuperiors: 'container',
  },
  {
    name: 'securityPrincipal', oid: '1.2.840.113556.1.5.6', sup: 'top', kind: 'auxiliary',
    must: 'sAMAccountName objectSid',
    may: `
      supplementalCredentials sIDHistory securityIdentifier sAMAccountType rid msds-tokenGroupNamesNoGCAcceptable
      msds-tokenGroupNamesGlobalAndUniversal msds-tokenGroupNames tokenGroupsNoGCAcceptable tokenGroupsGlobalAndUniversal
      tokenGroups nTSecurityDescriptor msDS-KeyVersionNumber altSecurityIdentities accountNameHistory
    `,
    aux: '', possSuperiors: '',
  },
  {
    name: 'posixGroup', oid: '1.3.6.1.1.1.2.2', sup: 'top', kind: 'auxiliary',
    must: '',
    may: 'memberUid gidNumber description unixUserPassword userPassword cn',
    aux: '', possSuperiors: '',
  },
  {
    name: 'person', oid: '2.5.6.6', sup: 'top', kind: 'structural',
    must: 'cn',
    may: 'attributeCertificateAttribute userPassword telephoneNumber sn serialNumber seeAlso',
    aux: '', possSuperiors: 'organizationalUnit container',
  },
  {
    name: 'organizationalPerson', oid: '2.5.6.7', sup: 'person', kind: 'structural',
    must: '',
    may: `
      msDS-HABSeniorityIndex msDS-PhoneticDisplayName msDS-PhoneticCompanyName msDS-PhoneticDepartment msDS-PhoneticLastName
      msDS-PhoneticFirstName houseIdentifier msExchHouseIdentifier homePostalAddress msDS-AllowedToActOnBehalfOfOtherIdentity
      x121Address comment title co primaryTelexNumber telexNumber teletexTerminalIdentifier street st registeredAddress
      preferredDeliveryMethod postalCode postalAddress postOfficeBox thumbnailPhoto physicalDeliveryOfficeName pager
      otherPager otherTelephone mobile otherMobile primaryInternationalISDNNumber ipPhone otherIpPhone otherHomePhone
      homePhone otherFacsimileTelephoneNumber personalTitle middleName otherMailbox ou o mhsORAddress msDS-AllowedToDelegateTo
      manager thumbnailLogo l internationalISDNNumber initials givenName generationQualifier facsimileTelephoneNumber
      employeeID mail division destinationIndicator department c countryCode company assistant streetAddress
    `,
    aux: '', possSuperiors: 'organizationalUnit organization container',
  },
  {
    name: 'user', oid: '1.2.840.113556.1.5.9', sup: 'organizationalPerson', kind: 'structural',
    must: '',
    may: `
      msDS-SourceObjectDN msSFU30NisDomain msSFU30Name x500uniqueIdentifier userSMIMECertificate userPKCS12 uid secretary
      roomNumber preferredLanguage photo labeledURI jpegPhoto homePostalAddress givenName employeeType employeeNumber
      displayName departmentNumber carLicense audio msDS-KeyCredentialLink msDS-KeyPrincipalBL msDS-AuthNPolicySiloMembersBL
      msDS-AssignedAuthNPolicySilo msDS-AssignedAuthNPolicy msDS-SyncServerUrl msDS-PrimaryComputer msTSSecondaryDesktops
      msTSPrimaryDesktop msPKI-CredentialRoamingTokens msDS-ResultantPSO msDS-AuthenticatedAtDC msTSInitialProgram
      msTSWorkDirectory msTSDefaultToMainPrinter msTSConnectPrinterDrives msTSConnectClientDrives msTSBrokenConnectionAction
      msTSReconnectionAction msTSMaxIdleTime msTSMaxConnectionTime msTSMaxDisconnectionTime msTSRemoteControl msTSAllowLogon
      msTSHomeDrive msTSHomeDirectory msTSProfilePath msTSLSProperty02 msTSLSProperty01 msTSProperty02 msTSProperty01
      msTSManagingLS4 msTSManagingLS3 msTSManagingLS2 msTSManagingLS msTSLicenseVersion4 msTSLicenseVersion3
      msTSLicenseVersion2 msTSLicenseVersion msTSExpireDate4 msTSExpireDate3 msTSExpireDate2 msTSExpireDate
      msDS-FailedInteractiveLogonCountAtLastSuccessfulLogon msDS-FailedInteractiveLogonCount
      msDS-LastFailedInteractiveLogonTime msDS-LastSuccessfulInteractiveLogonTime msRADIUS-SavedFramedIpv6Route
      msRADIUS-FramedIpv6Route msRADIUS-SavedFramedIpv6Prefix msRADIUS-FramedIpv6Prefix msRADIUS-SavedFramedInterfaceId
      msRADIUS-FramedInterfaceId msPKIAccountCredentials msPKIDPAPIMasterKeys msPKIRoamingTimeStamp
      msDS-SupportedEncryptionTypes msDS-SecondaryKrbTgtNumber pager o mobile manager mail initials homePhone businessCategory
      userCertificate userWorkstations userSharedFolderOther userSharedFolder userPrincipalName userParameters
      userAccountControl unicodePwd terminalServer servicePrincipalName scriptPath pwdLastSet profilePath primaryGroupID
      preferredOU otherLoginWorkstations operatorCount ntPwdHistory networkAddress msRASSavedFramedRoute
      msRASSavedFramedIPAddress msRASSavedCallbackNumber msRADIUSServiceType msRADIUSFramedRoute msRADIUSFramedIPAddress
      msRADIUSCallbackNumber msNPSavedCallingStationID msNPCallingStationID msNPAllowDialin mSMQSignCertificatesMig
      mSMQSignCertificates mSMQDigestsMig mSMQDigests msIIS-FTPRoot msIIS-FTPDir msDS-UserPasswordExpiryTimeComputed
      msDS-User-Account-Control-Computed msDS-preferredDataLocation msDS-Site-Affinity mS-DS-CreatorSID
      msDS-Cached-Membership-Time-Stamp msDS-Cached-Membership msDRM-IdentityCertificate msCOM-UserPartitionSetLink maxStorage
      logonWorkstation logonHours logonCount lockoutTime localeID lmPwdHistory lastLogonTimestamp lastLogon lastLogoff
      homeDrive homeDirectory groupsToIgnore groupPriority groupMembershipSAM dynamicLDAPServer desktopProfile
      defaultClassStore dBCSPwd controlAccessRights codePage badPwdCount badPasswordTime adminCount aCSPolicyName
      accountExpires
    `,
    aux: 'msDS-CloudExtensions securityPrincipal mailRecipient shadowAccount posixAccount', possSuperiors: 'builtinDomain organizationalUnit domainDNS',
  },
  {
    name: 'msDS-CloudExtensions', oid: '1.2.840.113556.1.5.283', sup: 'top', kind: 'auxiliary',
    must: '',
    may: `
      msDS-cloudExtensionAttribute20 msDS-cloudExtensionAttribute19 msDS-cloudExtensionAttribute18
      msDS-cloudExtensionAttribute17 msDS-cloudExtensionAttribute16 msDS-cloudExtensionAttribute15
      msDS-cloudExtensionAttribute14 msDS-cloudExtensionAttribute13 msDS-cloudExtensionAttribute12
      msDS-cloudExtensionAttribute11 msDS-cloudExtensionAttribute10 msDS-cloudExtensionAttribute9
      msDS-cloudExtensionAttribute8 msDS-cloudExtensionAttribute7 msDS-cloudExtensionAttribute6 msDS-cloudExtensionAttribute5
      msDS-cloudExtensionAttribute4 msDS-cloudExtensionAttribute3 msDS-cloudExtensionAttribute2 msDS-cloudExtensionAttribute1
    `,
    aux: '', possSuperiors: '',
  },
  {
    name: 'shadowAccount', oid: '1.3.6.1.1.1.2.1', sup: 'top', kind: 'auxiliary',
    must: '',
    may: `
      shadowFlag shadowExpire shadowInactive shadowWarning shadowMax shadowMin shadowLastChange description userPassword uid
    `,
    aux: '', possSuperiors: '',
  },
  {
    name: 'posixAccount', oid: '1.3.6.1.1.1.2.0', sup: 'top', kind: 'auxiliary',
    must: '',
    may: `
      description gecos loginShell unixUserPassword userPassword homeDirectory unixHomeDirectory gidNumber uidNumber cn uid
    `,
    aux: '', possSuperiors: '',
  },
  {
    name: 'computer', oid: '1.2.840.113556.1.3.30', sup: 'user', kind: 'structural',
    must: '',
    may: `
      msSFU30Name nisMapName msSFU30NisDomain msSFU30Aliases msImaging-HashAlgorithm msImaging-ThumbprintHash
      msDS-GenerationId msTPM-TpmInformationForComputer msTSSecondaryDesktopBL msTSPrimaryDesktopBL msTSEndpointPlugin
      msTSEndpointType msTSEndpointData msDS-HostServiceAccount msDS-IsUserCachableAtRodc msTSProperty02 msTSProperty01
      msTPM-OwnerInformation msDS-RevealOnDemandGroup msDS-NeverRevealGroup msDS-PromotionSettings msDS-SiteName msDS-isRODC
      msDS-isGC msDS-AuthenticatedAtDC msDS-ExecuteScriptPassword msDS-RevealedList msDS-RevealedUsers msDS-KrbTgtLink
      volumeCount siteGUID rIDSetReferences policyReplicationFlags physicalLocationObject operatingSystemVersion
      operatingSystemServicePack operatingSystemHotfix operatingSystem networkAddress netbootSIFFile netbootMirrorDataFile
      netbootMachineFilePath netbootInitialization netbootDUID netbootGUID msDS-AdditionalSamAccountName
      msDS-AdditionalDnsHostName managedBy machineRole location localPolicyFlags dNSHostName defaultLocalPolicyObject cn
      catalogs
    `,
    aux: 'ipHost', possSuperiors: 'container organizationalUnit domainDNS',
  },
  {
    name: 'ipHost', oid: '1.3.6.1.1.1.2.6', sup: 'top', kind: 'auxiliary',
    must: '',
    may: 'manager l uid ipHostNumber description cn',
    aux: '', possSuperiors: '',
  },
  {
    name: 'foreignSecurityPrincipal', oid: '1.2.840.113556.1.5.76', sup: 'top', kind: 'structural',
    must: 'objectSid',
    may: 'foreignIdentifier',
    aux: '', possSuperiors: 'container',
  },
  {
    name: 'builtinDomain', oid: '1.2.840.113556.1.5.4', sup: 'top', kind: 'structural',
    must: '',
    may: '',
    aux: 'samDomainBase', possSuperiors: 'domainDNS',
  },
  {
    name: 'configuration', oid: '1.2.840.113556.1.5.12', sup: 'top', kind: 'structural',
    must: 'cn',
    may: 'msDS-USNLastSyncSuccess gPOptions gPLink',
    aux: '', possSuperiors: 'domainDNS',
  },
  {
    name: 'dMD', oid: '1.2.840.113556.1.3.9', sup: 'top', kind: 'structural',
    must: 'cn',
    may: 'msDS-USNLastSyncSuccess schemaUpdate schemaInfo prefixMap msDs-Schema-Extensions msDS-IntId dmdName',
    aux: '', possSuperiors: 'configuration',
  },
  {
    name: 'subSchema', oid: '2.5.20.1', sup: 'top', kind: 'structural',
    must: '',
    may: 'objectClasses modifyTimeStamp extendedClassInfo extendedAttributeInfo dITContentRules attributeTypes',
    aux: '', possSuperiors: 'dMD',
  },
  {
    name: 'crossRefContainer', oid: '1.2.840.113556.1.5.7000.53', sup: 'top', kind: 'structural',
    must: '',
    may: `
      msDS-EnabledFeature msDS-SPNSuffixes uPNSuffixes msDS-UpdateScript msDS-ExecuteScriptPassword msDS-Behavior-Version
    `,
    aux: '', possSuperiors: 'configuration',
  },
  {
    name: 'crossRef', oid: '1.2.840.113556.1.3.11', sup: 'top', kind: 'structural',
    must: 'nCName dnsRoot cn',
    may: `
      trustParent superiorDNSRoot rootTrust nTMixedDomain nETBIOSName Enabled msDS-SDReferenceDomain
      msDS-Replication-Notify-Subsequent-DSA-Delay msDS-Replication-Notify-First-DSA-Delay msDS-NC-RO-Replica-Locations
      msDS-NC-Replica-Locations msDS-DnsRootAlias msDS-Behavior-Version
    `,
    aux: '', possSuperiors: 'crossRefContainer',
  },
  {
    name: 'sitesContainer', oid: '1.2.840.113556.1.5.107', sup: 'top', kind: 'structural',
    must: '',
    may: '',
    aux: '', possSuperiors: 'configuration',
  },
  {
    name: 'site', oid: '1.2.840.113556.1.5.31', sup: 'top', kind: 'structural',
    must: '',
    may: `
      msDS-BridgeHeadServersUsed notificationList mSMQSiteID mSMQSiteForeign mSMQNt4Stub mSMQInterval2 mSMQInterval1 managedBy
      location gPOptions gPLink
    `,
    aux: '', possSuperiors: 'sitesContainer',
  },
  {
    name: 'serversContainer', oid: '1.2.840.113556.1.5.7000.48', sup: 'top', kind: 'structural',
    must: '',
    may: '',
    aux: '', possSuperiors: 'site',
  },
  {
    name: 'server', oid: '1.2.840.113556.1.5.17', sup: 'top', kind: 'structural',
    must: '',
    may: `
      msDS-IsUserCachableAtRodc msDS-SiteName msDS-isRODC msDS-isGC mailAddress serverReference serialNumber managedBy
      dNSHostName bridgeheadTransportList
    `,
    aux: '', possSuperiors: 'serversContainer',
  },
  {
    name: 'applicationSettings', oid: '1.2.840.113556.1.5.7000.49', sup: 'top', kind: 'abstract',
    must: '',
    may: 'notificationList msDS-Settings applicationName',
    aux: '', possSuperiors: 'server',
  },
  {
    name: 'nTDSDSA', oid: '1.2.840.113556.1.5.7000.47', sup: 'applicationSettings', kind: 'structural',
    must: '',
    may: `
      msDS-EnabledFeature msDS-IsUserCachableAtRodc msDS-SiteName msDS-isRODC msDS-isGC msDS-RevealedUsers
      msDS-RevealOnDemandGroup msDS-NeverRevealGroup msDS-hasFullReplicaNCs serverReference msDS-RetiredReplNCSignatures
      retiredReplDSASignatures queryPolicyObject options networkAddress msDS-ReplicationEpoch msDS-HasInstantiatedNCs
      msDS-hasMasterNCs msDS-HasDomainNCs msDS-Behavior-Version managedBy lastBackupRestorationTime invocationId
      hasPartialReplicaNCs hasMasterNCs fRSRootPath dMDLocation
    `,
    aux: '', possSuperiors: 'organization server',
  },
  {
    name: 'attributeSchema', oid: '1.2.840.113556.1.3.14', sup: 'top', kind: 'structural',
    must: 'schemaIDGUID oMSyntax lDAPDisplayName isSingleValued cn attributeSyntax attributeID',
    may: `
      systemOnly searchFlags schemaFlagsEx rangeUpper rangeLower oMObjectClass msDs-Schema-Extensions msDS-IntId mAPIID linkID
      isMemberOfPartialAttributeSet isEphemeral isDefunct extendedCharsAllowed classDisplayName attributeSecurityGUID
    `,
    aux: '', possSuperiors: 'dMD',
  },
  {
    name: 'classSchema', oid: '1.2.840.113556.1.3.13', sup: 'top', kind: 'structural',
    must: 'subClassOf schemaIDGUID objectClassCategory governsID defaultObjectCategory cn',
    may: `
      systemPossSuperiors systemOnly systemMustContain systemMayContain systemAuxiliaryClass schemaFlagsEx rDNAttID
      possSuperiors mustContain msDs-Schema-Extensions msDS-IntId mayContain lDAPDisplayName isDefunct
      defaultSecurityDescriptor defaultHidingValue classDisplayName auxiliaryClass
    `,
    aux: '', possSuperiors: 'dMD',
  },
];
