// The AD schema the directories serve, as one table: every attribute and class an entry of simple-ad,
// managed-ad or the configuration partition can carry (the classes below, their superclasses and
// auxiliary classes, and every attribute those may or must contain). OIDs, syntaxes, single-value,
// systemOnly and property sets are Microsoft's: generated from the Windows Server v1903 schema
// (AD_DS_Attributes/Classes_Windows_Server_v1903.ldf, as published in Samba's source4/setup/ad-schema).
// Rows: `lDAPDisplayName attributeID syntax flags cn schemaIDGUID`; flags (- for none): s isSingleValued,
// n systemOnly (the subschema's NO-USER-MODIFICATION), c constructed, p Personal-Information property
// set (77b5b886-944a-11d1-aebd-0000f80367c1), w Web-Information (e45795b3-9455-11d1-aebd-0000f80367c1).
// Classes: lDAPDisplayName, cn, governsID, schemaIDGUID, subClassOf, objectClassCategory,
// defaultObjectCategory (its cn), (system)must/mayContain, (system)auxiliaryClass, (system)possSuperiors;
// lists are space-separated.

/** AD syntaxes: the LDAP syntax OID a DC's subschema names, and the attributeSyntax and oMSyntax of
 *  the attributeSchema object (several share an attributeSyntax, told apart by oMSyntax/oMObjectClass). */
export const SYNTAXES = {
  boolean: { ldap: '1.3.6.1.4.1.1466.115.121.1.7', attributeSyntax: '2.5.5.8', oMSyntax: 1 },
  integer: { ldap: '1.3.6.1.4.1.1466.115.121.1.27', attributeSyntax: '2.5.5.9', oMSyntax: 2 },
  enumeration: { ldap: '1.3.6.1.4.1.1466.115.121.1.27', attributeSyntax: '2.5.5.9', oMSyntax: 10 },
  largeInteger: { ldap: '1.2.840.113556.1.4.906', attributeSyntax: '2.5.5.16', oMSyntax: 65 },
  octet: { ldap: '1.3.6.1.4.1.1466.115.121.1.40', attributeSyntax: '2.5.5.10', oMSyntax: 4 },
  sid: { ldap: '1.3.6.1.4.1.1466.115.121.1.40', attributeSyntax: '2.5.5.17', oMSyntax: 4 },
  replicaLink: { ldap: 'OctetString', attributeSyntax: '2.5.5.10', oMSyntax: 127 }, // sic: a DC names it so (repsFrom, repsTo)
  oid: { ldap: '1.3.6.1.4.1.1466.115.121.1.38', attributeSyntax: '2.5.5.2', oMSyntax: 6 },
  numeric: { ldap: '1.3.6.1.4.1.1466.115.121.1.36', attributeSyntax: '2.5.5.6', oMSyntax: 18 },
  printable: { ldap: '1.3.6.1.4.1.1466.115.121.1.44', attributeSyntax: '2.5.5.5', oMSyntax: 19 },
  teletex: { ldap: '1.2.840.113556.1.4.905', attributeSyntax: '2.5.5.4', oMSyntax: 20 },
  ia5: { ldap: '1.3.6.1.4.1.1466.115.121.1.26', attributeSyntax: '2.5.5.5', oMSyntax: 22 },
  utcTime: { ldap: '1.3.6.1.4.1.1466.115.121.1.53', attributeSyntax: '2.5.5.11', oMSyntax: 23 },
  generalizedTime: { ldap: '1.3.6.1.4.1.1466.115.121.1.24', attributeSyntax: '2.5.5.11', oMSyntax: 24 },
  caseExact: { ldap: '1.2.840.113556.1.4.1362', attributeSyntax: '2.5.5.3', oMSyntax: 27 },
  unicode: { ldap: '1.3.6.1.4.1.1466.115.121.1.15', attributeSyntax: '2.5.5.12', oMSyntax: 64 },
  securityDescriptor: { ldap: '1.2.840.113556.1.4.907', attributeSyntax: '2.5.5.15', oMSyntax: 66 },
  dn: { ldap: '1.3.6.1.4.1.1466.115.121.1.12', attributeSyntax: '2.5.5.1', oMSyntax: 127 },
  dnBinary: { ldap: '1.2.840.113556.1.4.903', attributeSyntax: '2.5.5.7', oMSyntax: 127 },
  orName: { ldap: '1.2.840.113556.1.4.1221', attributeSyntax: '2.5.5.7', oMSyntax: 127 },
  dnString: { ldap: '1.2.840.113556.1.4.904', attributeSyntax: '2.5.5.14', oMSyntax: 127 },
  accessPoint: { ldap: '1.3.6.1.4.1.1466.115.121.1.2', attributeSyntax: '2.5.5.14', oMSyntax: 127 },
  presentationAddress: { ldap: '1.3.6.1.4.1.1466.115.121.1.43', attributeSyntax: '2.5.5.13', oMSyntax: 127 },
} as const;
export type SyntaxName = keyof typeof SYNTAXES;

export const ATTRIBUTE_ROWS = `
accountExpires 1.2.840.113556.1.4.159 largeInteger s Account-Expires bf967915-0de6-11d0-a285-00aa003049e2
accountNameHistory 1.2.840.113556.1.4.1307 unicode - Account-Name-History 031952ec-3b72-11d2-90cc-00c04fd91ab1
aCSPolicyName 1.2.840.113556.1.4.772 unicode s ACS-Policy-Name 1cb3559a-56d0-11d1-a9c6-0000f80367c1
adminCount 1.2.840.113556.1.4.150 integer s Admin-Count bf967918-0de6-11d0-a285-00aa003049e2
adminDescription 1.2.840.113556.1.2.226 unicode s Admin-Description bf967919-0de6-11d0-a285-00aa003049e2
adminDisplayName 1.2.840.113556.1.2.194 unicode s Admin-Display-Name bf96791a-0de6-11d0-a285-00aa003049e2
allowedAttributes 1.2.840.113556.1.4.913 oid nc Allowed-Attributes 9a7ad940-ca53-11d1-bbd0-0080c76670c0
allowedAttributesEffective 1.2.840.113556.1.4.914 oid nc Allowed-Attributes-Effective 9a7ad941-ca53-11d1-bbd0-0080c76670c0
allowedChildClasses 1.2.840.113556.1.4.911 oid nc Allowed-Child-Classes 9a7ad942-ca53-11d1-bbd0-0080c76670c0
allowedChildClassesEffective 1.2.840.113556.1.4.912 oid nc Allowed-Child-Classes-Effective 9a7ad943-ca53-11d1-bbd0-0080c76670c0
altSecurityIdentities 1.2.840.113556.1.4.867 unicode - Alt-Security-Identities 00fbf30c-91fe-11d1-aebc-0000f80367c1
applicationName 1.2.840.113556.1.4.218 unicode s Application-Name dd712226-10e4-11d0-a05f-00aa006c33ed
assistant 1.2.840.113556.1.4.652 dn sp Assistant 0296c11c-40da-11d1-a9c0-0000f80367c1
attributeCertificateAttribute 2.5.4.58 octet - attributeCertificateAttribute fa4693bb-7bc2-4cb9-81a8-c99c43b7905e
attributeID 1.2.840.113556.1.2.30 oid sn Attribute-ID bf967922-0de6-11d0-a285-00aa003049e2
attributeSecurityGUID 1.2.840.113556.1.4.149 octet s Attribute-Security-GUID bf967924-0de6-11d0-a285-00aa003049e2
attributeSyntax 1.2.840.113556.1.2.32 oid sn Attribute-Syntax bf967925-0de6-11d0-a285-00aa003049e2
attributeTypes 2.5.21.5 unicode nc Attribute-Types 9a7ad944-ca53-11d1-bbd0-0080c76670c0
audio 0.9.2342.19200300.100.1.55 octet - audio d0e1d224-e1a0-42ce-a2da-793ba5244f35
auditingPolicy 1.2.840.113556.1.4.202 octet s Auditing-Policy 6da8a4fe-0e52-11d0-a286-00aa003049e2
auxiliaryClass 1.2.840.113556.1.2.351 oid - Auxiliary-Class bf96792c-0de6-11d0-a285-00aa003049e2
badPasswordTime 1.2.840.113556.1.4.49 largeInteger s Bad-Password-Time bf96792d-0de6-11d0-a285-00aa003049e2
badPwdCount 1.2.840.113556.1.4.12 integer s Bad-Pwd-Count bf96792e-0de6-11d0-a285-00aa003049e2
bridgeheadServerListBL 1.2.840.113556.1.4.820 dn n Bridgehead-Server-List-BL d50c2cdb-8951-11d1-aebc-0000f80367c1
bridgeheadTransportList 1.2.840.113556.1.4.819 dn - Bridgehead-Transport-List d50c2cda-8951-11d1-aebc-0000f80367c1
builtinCreationTime 1.2.840.113556.1.4.13 largeInteger s Builtin-Creation-Time bf96792f-0de6-11d0-a285-00aa003049e2
builtinModifiedCount 1.2.840.113556.1.4.14 largeInteger s Builtin-Modified-Count bf967930-0de6-11d0-a285-00aa003049e2
businessCategory 2.5.4.15 unicode - Business-Category bf967931-0de6-11d0-a285-00aa003049e2
c 2.5.4.6 unicode sp Country-Name bf967945-0de6-11d0-a285-00aa003049e2
cACertificate 2.5.4.37 octet - CA-Certificate bf967932-0de6-11d0-a285-00aa003049e2
canonicalName 1.2.840.113556.1.4.916 unicode nc Canonical-Name 9a7ad945-ca53-11d1-bbd0-0080c76670c0
carLicense 2.16.840.1.113730.3.1.1 unicode - carLicense d4159c92-957d-4a87-8a67-8d2934e01649
catalogs 1.2.840.113556.1.4.675 unicode - Catalogs 7bfdcb81-4807-11d1-a9c3-0000f80367c1
classDisplayName 1.2.840.113556.1.4.610 unicode - Class-Display-Name 548e1c22-dea6-11d0-b010-0000f80367c1
cn 2.5.4.3 unicode s Common-Name bf96793f-0de6-11d0-a285-00aa003049e2
co 1.2.840.113556.1.2.131 unicode s Text-Country f0f8ffa7-1191-11d0-a060-00aa006c33ed
codePage 1.2.840.113556.1.4.16 integer s Code-Page bf967938-0de6-11d0-a285-00aa003049e2
comment 1.2.840.113556.1.4.156 unicode s User-Comment bf967a6a-0de6-11d0-a285-00aa003049e2
company 1.2.840.113556.1.2.146 unicode s Company f0f8ff88-1191-11d0-a060-00aa006c33ed
controlAccessRights 1.2.840.113556.1.4.200 octet - Control-Access-Rights 6da8a4fc-0e52-11d0-a286-00aa003049e2
countryCode 1.2.840.113556.1.4.25 integer s Country-Code 5fd42471-1262-11d0-a060-00aa006c33ed
createTimeStamp 2.5.18.1 generalizedTime snc Create-Time-Stamp 2df90d73-009f-11d2-aa4c-00c04fd7d83a
creationTime 1.2.840.113556.1.4.26 largeInteger s Creation-Time bf967946-0de6-11d0-a285-00aa003049e2
dBCSPwd 1.2.840.113556.1.4.55 octet s DBCS-Pwd bf96799c-0de6-11d0-a285-00aa003049e2
dc 0.9.2342.19200300.100.1.25 unicode s Domain-Component 19195a55-6da0-11d0-afd3-00c04fd930c9
defaultClassStore 1.2.840.113556.1.4.213 dn - Default-Class-Store bf967948-0de6-11d0-a285-00aa003049e2
defaultGroup 1.2.840.113556.1.4.480 dn s Default-Group 720bc4e2-a54a-11d0-afdf-00c04fd930c9
defaultHidingValue 1.2.840.113556.1.4.518 boolean s Default-Hiding-Value b7b13116-b82e-11d0-afee-0000f80367c1
defaultLocalPolicyObject 1.2.840.113556.1.4.57 dn s Default-Local-Policy-Object bf96799f-0de6-11d0-a285-00aa003049e2
defaultObjectCategory 1.2.840.113556.1.4.783 dn s Default-Object-Category 26d97367-6070-11d1-a9c6-0000f80367c1
defaultSecurityDescriptor 1.2.840.113556.1.4.224 unicode s Default-Security-Descriptor 807a6d30-1669-11d0-a064-00aa006c33ed
department 1.2.840.113556.1.2.141 unicode s Department bf96794f-0de6-11d0-a285-00aa003049e2
departmentNumber 2.16.840.1.113730.3.1.2 unicode - departmentNumber be9ef6ee-cbc7-4f22-b27b-96967e7ee585
description 2.5.4.13 unicode - Description bf967950-0de6-11d0-a285-00aa003049e2
desktopProfile 1.2.840.113556.1.4.346 unicode s Desktop-Profile eea65906-8ac6-11d0-afda-00c04fd930c9
destinationIndicator 2.5.4.27 printable - Destination-Indicator bf967951-0de6-11d0-a285-00aa003049e2
directReports 1.2.840.113556.1.2.436 dn n Reports bf967a1c-0de6-11d0-a285-00aa003049e2
displayName 1.2.840.113556.1.2.13 unicode s Display-Name bf967953-0de6-11d0-a285-00aa003049e2
displayNamePrintable 1.2.840.113556.1.2.353 printable s Display-Name-Printable bf967954-0de6-11d0-a285-00aa003049e2
distinguishedName 2.5.4.49 dn sn Obj-Dist-Name bf9679e4-0de6-11d0-a285-00aa003049e2
dITContentRules 2.5.21.2 unicode nc DIT-Content-Rules 9a7ad946-ca53-11d1-bbd0-0080c76670c0
division 1.2.840.113556.1.4.261 unicode s Division fe6136a0-2073-11d0-a9c2-00aa006c33ed
dMDLocation 1.2.840.113556.1.2.36 dn sn DMD-Location f0f8ff8b-1191-11d0-a060-00aa006c33ed
dmdName 1.2.840.113556.1.2.598 unicode s DMD-Name 167757b9-47f3-11d1-a9c3-0000f80367c1
dNSHostName 1.2.840.113556.1.4.619 unicode s DNS-Host-Name 72e39547-7b18-11d1-adef-00c04fd8d5cd
dnsRoot 1.2.840.113556.1.4.28 unicode - Dns-Root bf967959-0de6-11d0-a285-00aa003049e2
domainPolicyObject 1.2.840.113556.1.4.32 dn s Domain-Policy-Object bf96795d-0de6-11d0-a285-00aa003049e2
domainReplica 1.2.840.113556.1.4.158 unicode s Domain-Replica bf96795e-0de6-11d0-a285-00aa003049e2
dSASignature 1.2.840.113556.1.2.74 octet s DSA-Signature 167757bc-47f3-11d1-a9c3-0000f80367c1
dSCorePropagationData 1.2.840.113556.1.4.1357 generalizedTime n DS-Core-Propagation-Data d167aa4b-8b08-11d2-9939-0000f87a57d4
dynamicLDAPServer 1.2.840.113556.1.4.537 dn s Dynamic-LDAP-Server 52458021-ca6a-11d0-afff-0000f80367c1
eFSPolicy 1.2.840.113556.1.4.268 octet - EFSPolicy 8e4eb2ec-4712-11d0-a1a0-00c04fd930c9
employeeID 1.2.840.113556.1.4.35 unicode s Employee-ID bf967962-0de6-11d0-a285-00aa003049e2
employeeNumber 1.2.840.113556.1.2.610 unicode s Employee-Number a8df73ef-c5ea-11d1-bbcb-0080c76670c0
employeeType 1.2.840.113556.1.2.613 unicode s Employee-Type a8df73f0-c5ea-11d1-bbcb-0080c76670c0
Enabled 1.2.840.113556.1.2.557 boolean s Enabled a8df73f2-c5ea-11d1-bbcb-0080c76670c0
extendedAttributeInfo 1.2.840.113556.1.4.909 unicode nc Extended-Attribute-Info 9a7ad947-ca53-11d1-bbd0-0080c76670c0
extendedCharsAllowed 1.2.840.113556.1.2.380 boolean s Extended-Chars-Allowed bf967966-0de6-11d0-a285-00aa003049e2
extendedClassInfo 1.2.840.113556.1.4.908 unicode nc Extended-Class-Info 9a7ad948-ca53-11d1-bbd0-0080c76670c0
extensionName 1.2.840.113556.1.2.227 unicode - Extension-Name bf967972-0de6-11d0-a285-00aa003049e2
facsimileTelephoneNumber 2.5.4.23 unicode sp Facsimile-Telephone-Number bf967974-0de6-11d0-a285-00aa003049e2
flags 1.2.840.113556.1.4.38 integer s Flags bf967976-0de6-11d0-a285-00aa003049e2
forceLogoff 1.2.840.113556.1.4.39 largeInteger s Force-Logoff bf967977-0de6-11d0-a285-00aa003049e2
foreignIdentifier 1.2.840.113556.1.4.356 octet s Foreign-Identifier 3e97891e-8c01-11d0-afda-00c04fd930c9
fromEntry 1.2.840.113556.1.4.910 boolean nc From-Entry 9a7ad949-ca53-11d1-bbd0-0080c76670c0
frsComputerReferenceBL 1.2.840.113556.1.4.870 dn n Frs-Computer-Reference-BL 2a132579-9373-11d1-aebc-0000f80367c1
fRSMemberReferenceBL 1.2.840.113556.1.4.876 dn n FRS-Member-Reference-BL 2a13257f-9373-11d1-aebc-0000f80367c1
fRSRootPath 1.2.840.113556.1.4.487 unicode s FRS-Root-Path 1be8f174-a9ff-11d0-afe2-00c04fd930c9
fSMORoleOwner 1.2.840.113556.1.4.369 dn s FSMO-Role-Owner 66171887-8f3c-11d0-afda-00c04fd930c9
garbageCollPeriod 1.2.840.113556.1.2.301 integer s Garbage-Coll-Period 5fd424a1-1262-11d0-a060-00aa006c33ed
gecos 1.3.6.1.1.1.1.2 ia5 s Gecos a3e03f1f-1d55-4253-a0af-30c2a784e46e
generationQualifier 2.5.4.44 unicode s Generation-Qualifier 16775804-47f3-11d1-a9c3-0000f80367c1
gidNumber 1.3.6.1.1.1.1.1 integer s GidNumber c5b95f0c-ec9e-41c4-849c-b46597ed6696
givenName 2.5.4.42 unicode s Given-Name f0f8ff8e-1191-11d0-a060-00aa006c33ed
governsID 1.2.840.113556.1.2.22 oid sn Governs-ID bf96797d-0de6-11d0-a285-00aa003049e2
gPLink 1.2.840.113556.1.4.891 unicode s GP-Link f30e3bbe-9ff0-11d1-b603-0000f80367c1
gPOptions 1.2.840.113556.1.4.892 integer s GP-Options f30e3bbf-9ff0-11d1-b603-0000f80367c1
groupAttributes 1.2.840.113556.1.4.152 integer s Group-Attributes bf96797e-0de6-11d0-a285-00aa003049e2
groupMembershipSAM 1.2.840.113556.1.4.166 octet s Group-Membership-SAM bf967980-0de6-11d0-a285-00aa003049e2
groupPriority 1.2.840.113556.1.4.345 unicode - Group-Priority eea65905-8ac6-11d0-afda-00c04fd930c9
groupsToIgnore 1.2.840.113556.1.4.344 unicode - Groups-to-Ignore eea65904-8ac6-11d0-afda-00c04fd930c9
groupType 1.2.840.113556.1.4.750 integer s Group-Type 9a9a021e-4a5b-11d1-a9c3-0000f80367c1
hasMasterNCs 1.2.840.113556.1.2.14 dn n Has-Master-NCs bf967982-0de6-11d0-a285-00aa003049e2
hasPartialReplicaNCs 1.2.840.113556.1.2.15 dn n Has-Partial-Replica-NCs bf967981-0de6-11d0-a285-00aa003049e2
homeDirectory 1.2.840.113556.1.4.44 unicode s Home-Directory bf967985-0de6-11d0-a285-00aa003049e2
homeDrive 1.2.840.113556.1.4.45 unicode s Home-Drive bf967986-0de6-11d0-a285-00aa003049e2
homePhone 0.9.2342.19200300.100.1.20 unicode sp Phone-Home-Primary f0f8ffa1-1191-11d0-a060-00aa006c33ed
homePostalAddress 1.2.840.113556.1.2.617 unicode sp Address-Home 16775781-47f3-11d1-a9c3-0000f80367c1
houseIdentifier 2.5.4.51 unicode - houseIdentifier a45398b7-c44a-4eb6-82d3-13c10946dbfe
info 1.2.840.113556.1.2.81 unicode sp Comment bf96793e-0de6-11d0-a285-00aa003049e2
initials 2.5.4.43 unicode s Initials f0f8ff90-1191-11d0-a060-00aa006c33ed
instanceType 1.2.840.113556.1.2.1 integer sn Instance-Type bf96798c-0de6-11d0-a285-00aa003049e2
internationalISDNNumber 2.5.4.25 numeric p International-ISDN-Number bf96798d-0de6-11d0-a285-00aa003049e2
invocationId 1.2.840.113556.1.2.115 octet sn Invocation-Id bf96798e-0de6-11d0-a285-00aa003049e2
ipHostNumber 1.3.6.1.1.1.1.19 ia5 - IpHostNumber de8bb721-85dc-4fde-b687-9657688e667e
ipPhone 1.2.840.113556.1.4.721 unicode sp Phone-Ip-Primary 4d146e4a-48d4-11d1-a9c3-0000f80367c1
isCriticalSystemObject 1.2.840.113556.1.4.868 boolean s Is-Critical-System-Object 00fbf30d-91fe-11d1-aebc-0000f80367c1
isDefunct 1.2.840.113556.1.4.661 boolean s Is-Defunct 28630ebe-41d5-11d1-a9c1-0000f80367c1
isDeleted 1.2.840.113556.1.2.48 boolean sn Is-Deleted bf96798f-0de6-11d0-a285-00aa003049e2
isEphemeral 1.2.840.113556.1.4.1212 boolean sn Is-Ephemeral f4c453f0-c5f1-11d1-bbcb-0080c76670c0
isMemberOfPartialAttributeSet 1.2.840.113556.1.4.639 boolean s Is-Member-Of-Partial-Attribute-Set 19405b9d-3cfa-11d1-a9c0-0000f80367c1
isPrivilegeHolder 1.2.840.113556.1.4.638 dn n Is-Privilege-Holder 19405b9c-3cfa-11d1-a9c0-0000f80367c1
isRecycled 1.2.840.113556.1.4.2058 boolean sn Is-Recycled 8fb59256-55f1-444b-aacb-f5b482fe3459
isSingleValued 1.2.840.113556.1.2.33 boolean sn Is-Single-Valued bf967992-0de6-11d0-a285-00aa003049e2
jpegPhoto 0.9.2342.19200300.100.1.60 octet - jpegPhoto bac80572-09c4-4fa9-9ae6-7628d7adbe0e
l 2.5.4.7 unicode sp Locality-Name bf9679a2-0de6-11d0-a285-00aa003049e2
labeledURI 1.3.6.1.4.1.250.1.57 unicode - labeledURI c569bb46-c680-44bc-a273-e6c227d71b45
lastBackupRestorationTime 1.2.840.113556.1.4.519 largeInteger s Last-Backup-Restoration-Time 1fbb0be8-ba63-11d0-afef-0000f80367c1
lastKnownParent 1.2.840.113556.1.4.781 dn s Last-Known-Parent 52ab8670-5709-11d1-a9c6-0000f80367c1
lastLogoff 1.2.840.113556.1.4.51 largeInteger s Last-Logoff bf967996-0de6-11d0-a285-00aa003049e2
lastLogon 1.2.840.113556.1.4.52 largeInteger s Last-Logon bf967997-0de6-11d0-a285-00aa003049e2
lastLogonTimestamp 1.2.840.113556.1.4.1696 largeInteger s Last-Logon-Timestamp c0e20a04-0e5a-4ff3-9482-5efeaecd7060
lDAPDisplayName 1.2.840.113556.1.2.460 unicode s LDAP-Display-Name bf96799a-0de6-11d0-a285-00aa003049e2
legacyExchangeDN 1.2.840.113556.1.4.655 teletex s Legacy-Exchange-DN 28630ebc-41d5-11d1-a9c1-0000f80367c1
linkID 1.2.840.113556.1.2.50 integer sn Link-ID bf96799b-0de6-11d0-a285-00aa003049e2
lmPwdHistory 1.2.840.113556.1.4.160 octet - Lm-Pwd-History bf96799d-0de6-11d0-a285-00aa003049e2
localeID 1.2.840.113556.1.4.58 integer - Locale-ID bf9679a1-0de6-11d0-a285-00aa003049e2
localPolicyFlags 1.2.840.113556.1.4.56 integer s Local-Policy-Flags bf96799e-0de6-11d0-a285-00aa003049e2
location 1.2.840.113556.1.4.222 unicode s Location 09dcb79f-165f-11d0-a064-00aa006c33ed
lockoutDuration 1.2.840.113556.1.4.60 largeInteger s Lockout-Duration bf9679a5-0de6-11d0-a285-00aa003049e2
lockOutObservationWindow 1.2.840.113556.1.4.61 largeInteger s Lock-Out-Observation-Window bf9679a4-0de6-11d0-a285-00aa003049e2
lockoutThreshold 1.2.840.113556.1.4.73 integer s Lockout-Threshold bf9679a6-0de6-11d0-a285-00aa003049e2
lockoutTime 1.2.840.113556.1.4.662 largeInteger s Lockout-Time 28630ebf-41d5-11d1-a9c1-0000f80367c1
loginShell 1.3.6.1.1.1.1.4 ia5 s LoginShell a553d12c-3231-4c5e-8adf-8d189697721e
logonCount 1.2.840.113556.1.4.169 integer s Logon-Count bf9679aa-0de6-11d0-a285-00aa003049e2
logonHours 1.2.840.113556.1.4.64 octet s Logon-Hours bf9679ab-0de6-11d0-a285-00aa003049e2
logonWorkstation 1.2.840.113556.1.4.65 octet s Logon-Workstation bf9679ac-0de6-11d0-a285-00aa003049e2
lSACreationTime 1.2.840.113556.1.4.66 largeInteger s LSA-Creation-Time bf9679ad-0de6-11d0-a285-00aa003049e2
lSAModifiedCount 1.2.840.113556.1.4.67 largeInteger s LSA-Modified-Count bf9679ae-0de6-11d0-a285-00aa003049e2
machineRole 1.2.840.113556.1.4.71 enumeration s Machine-Role bf9679b2-0de6-11d0-a285-00aa003049e2
mail 0.9.2342.19200300.100.1.3 unicode s E-mail-Addresses bf967961-0de6-11d0-a285-00aa003049e2
mailAddress 1.2.840.113556.1.4.786 unicode s SMTP-Mail-Address 26d9736f-6070-11d1-a9c6-0000f80367c1
managedBy 1.2.840.113556.1.4.653 dn s Managed-By 0296c120-40da-11d1-a9c0-0000f80367c1
managedObjects 1.2.840.113556.1.4.654 dn n Managed-Objects 0296c124-40da-11d1-a9c0-0000f80367c1
manager 0.9.2342.19200300.100.1.10 dn s Manager bf9679b5-0de6-11d0-a285-00aa003049e2
mAPIID 1.2.840.113556.1.2.49 integer sn MAPI-ID bf9679b7-0de6-11d0-a285-00aa003049e2
masteredBy 1.2.840.113556.1.4.1409 dn n Mastered-By e48e64e0-12c9-11d3-9102-00c04fd91ab1
maxPwdAge 1.2.840.113556.1.4.74 largeInteger s Max-Pwd-Age bf9679bb-0de6-11d0-a285-00aa003049e2
maxStorage 1.2.840.113556.1.4.76 largeInteger s Max-Storage bf9679bd-0de6-11d0-a285-00aa003049e2
mayContain 1.2.840.113556.1.2.25 oid - May-Contain bf9679bf-0de6-11d0-a285-00aa003049e2
member 2.5.4.31 dn - Member bf9679c0-0de6-11d0-a285-00aa003049e2
memberOf 1.2.840.113556.1.2.102 dn n Is-Member-Of-DL bf967991-0de6-11d0-a285-00aa003049e2
memberUid 1.3.6.1.1.1.1.12 ia5 - MemberUid 03dab236-672e-4f61-ab64-f77d2dc2ffab
mhsORAddress 1.2.840.113556.1.4.650 unicode - MHS-OR-Address 0296c122-40da-11d1-a9c0-0000f80367c1
middleName 2.16.840.1.113730.3.1.34 unicode s Other-Name bf9679f2-0de6-11d0-a285-00aa003049e2
minPwdAge 1.2.840.113556.1.4.78 largeInteger s Min-Pwd-Age bf9679c2-0de6-11d0-a285-00aa003049e2
minPwdLength 1.2.840.113556.1.4.79 integer s Min-Pwd-Length bf9679c3-0de6-11d0-a285-00aa003049e2
mobile 0.9.2342.19200300.100.1.41 unicode sp Phone-Mobile-Primary f0f8ffa3-1191-11d0-a060-00aa006c33ed
modifiedCount 1.2.840.113556.1.4.168 largeInteger s Modified-Count bf9679c5-0de6-11d0-a285-00aa003049e2
modifiedCountAtLastProm 1.2.840.113556.1.4.81 largeInteger s Modified-Count-At-Last-Prom bf9679c6-0de6-11d0-a285-00aa003049e2
modifyTimeStamp 2.5.18.2 generalizedTime snc Modify-Time-Stamp 9a7ad94a-ca53-11d1-bbd0-0080c76670c0
mS-DS-ConsistencyChildCount 1.2.840.113556.1.4.1361 integer s MS-DS-Consistency-Child-Count 178b7bc2-b63a-11d2-90e1-00c04fd91ab1
mS-DS-ConsistencyGuid 1.2.840.113556.1.4.1360 octet s MS-DS-Consistency-Guid 23773dc2-b63a-11d2-90e1-00c04fd91ab1
mS-DS-CreatorSID 1.2.840.113556.1.4.1410 sid sn MS-DS-Creator-SID c5e60132-1480-11d3-91c1-0000f87a57d4
ms-DS-MachineAccountQuota 1.2.840.113556.1.4.1411 integer s MS-DS-Machine-Account-Quota d064fb68-1480-11d3-91c1-0000f87a57d4
msCOM-PartitionSetLink 1.2.840.113556.1.4.1424 dn n ms-COM-PartitionSetLink 67f121dc-7d02-4c7d-82f5-9ad4c950ac34
msCOM-UserLink 1.2.840.113556.1.4.1425 dn n ms-COM-UserLink 9e6f3a4d-242c-4f37-b068-36b57f9fc852
msCOM-UserPartitionSetLink 1.2.840.113556.1.4.1426 dn s ms-COM-UserPartitionSetLink 8e940c8a-e477-4367-b08d-ff2ff942dcd7
msDFSR-ComputerReferenceBL 1.2.840.113556.1.6.13.3.103 dn - ms-DFSR-ComputerReferenceBL 5eb526d7-d71b-44ae-8cc6-95460052e6ac
msDFSR-MemberReferenceBL 1.2.840.113556.1.6.13.3.102 dn - ms-DFSR-MemberReferenceBL adde62c6-1880-41ed-bd3c-30b7d25e14f0
msDRM-IdentityCertificate 1.2.840.113556.1.4.1843 octet - MS-DRM-Identity-Certificate e85e1204-3434-41ad-9b56-e2901228fff0
msDS-AdditionalDnsHostName 1.2.840.113556.1.4.1717 unicode n ms-DS-Additional-Dns-Host-Name 80863791-dbe9-4eb8-837e-7f0ab55d9ac7
msDS-AdditionalSamAccountName 1.2.840.113556.1.4.1718 unicode n ms-DS-Additional-Sam-Account-Name 975571df-a4d5-429a-9f59-cdc6581d91e6
msDS-AllowedDNSSuffixes 1.2.840.113556.1.4.1710 unicode - ms-DS-Allowed-DNS-Suffixes 8469441b-9ac4-4e45-8205-bd219dbf672d
msDS-AllowedToActOnBehalfOfOtherIdentity 1.2.840.113556.1.4.2182 securityDescriptor sn ms-DS-Allowed-To-Act-On-Behalf-Of-Other-Identity 3f78c3e5-f79a-46bd-a0b8-9d18116ddc79
msDS-AllowedToDelegateTo 1.2.840.113556.1.4.1787 unicode - ms-DS-Allowed-To-Delegate-To 800d94d7-b7a1-42a1-b14d-7cae1423d07f
msDS-AllUsersTrustQuota 1.2.840.113556.1.4.1789 integer s MS-DS-All-Users-Trust-Quota d3aa4a5c-4e03-4810-97aa-2b339e7a434b
msDS-Approx-Immed-Subordinates 1.2.840.113556.1.4.1669 integer snc ms-DS-Approx-Immed-Subordinates e185d243-f6ce-4adb-b496-b0c005d7823c
msDS-AssignedAuthNPolicy 1.2.840.113556.1.4.2295 dn s ms-DS-Assigned-AuthN-Policy b87a0ad8-54f7-49c1-84a0-e64d12853588
msDS-AssignedAuthNPolicySilo 1.2.840.113556.1.4.2285 dn s ms-DS-Assigned-AuthN-Policy-Silo b23fc141-0df5-4aea-b33d-6cf493077b3f
msDS-AuthenticatedAtDC 1.2.840.113556.1.4.1958 dn - ms-DS-AuthenticatedAt-DC 3e1ee99c-6604-4489-89d9-84798a89515a
msDS-AuthenticatedToAccountlist 1.2.840.113556.1.4.1957 dn n ms-DS-AuthenticatedTo-Accountlist e8b2c971-a6df-47bc-8d6f-62770d527aa5
msDS-AuthNPolicySiloMembersBL 1.2.840.113556.1.4.2288 dn n ms-DS-AuthN-Policy-Silo-Members-BL 11fccbc7-fbe4-4951-b4b7-addf6f9efd44
msDS-AzApplicationData 1.2.840.113556.1.4.1819 unicode s ms-DS-Az-Application-Data 503fc3e8-1cc6-461a-99a3-9eee04f402a7
msDS-AzBizRule 1.2.840.113556.1.4.1801 unicode s ms-DS-Az-Biz-Rule 33d41ea8-c0c9-4c92-9494-f104878413fd
msDS-AzBizRuleLanguage 1.2.840.113556.1.4.1802 unicode s ms-DS-Az-Biz-Rule-Language 52994b56-0e6c-4e07-aa5c-ef9d7f5a0e25
msDS-AzGenericData 1.2.840.113556.1.4.1950 unicode s ms-DS-Az-Generic-Data b5f7e349-7a5b-407c-a334-a31c3f538b98
msDS-AzLastImportedBizRulePath 1.2.840.113556.1.4.1803 unicode s ms-DS-Az-Last-Imported-Biz-Rule-Path 665acb5c-bb92-4dbc-8c59-b3638eab09b3
msDS-AzLDAPQuery 1.2.840.113556.1.4.1792 unicode s ms-DS-Az-LDAP-Query 5e53368b-fc94-45c8-9d7d-daf31ee7112d
msDS-AzObjectGuid 1.2.840.113556.1.4.1949 octet sn ms-DS-Az-Object-Guid 8491e548-6c38-4365-a732-af041569b02c
msDS-Behavior-Version 1.2.840.113556.1.4.1459 integer sn ms-DS-Behavior-Version d31a8757-2447-4545-8081-3bb610cacbf2
msDS-BridgeHeadServersUsed 1.2.840.113556.1.4.2049 dnBinary - ms-DS-BridgeHead-Servers-Used 3ced1465-7b71-2541-8780-1e1ea6243a82
msDS-Cached-Membership 1.2.840.113556.1.4.1441 octet s ms-DS-Cached-Membership 69cab008-cdd4-4bc9-bab8-0ff37efe1b20
msDS-Cached-Membership-Time-Stamp 1.2.840.113556.1.4.1442 largeInteger s ms-DS-Cached-Membership-Time-Stamp 3566bf1f-beee-4dcb-8abe-ef89fcfec6c1
msDS-ClaimSharesPossibleValuesWithBL 1.2.840.113556.1.4.2102 dn - ms-DS-Claim-Shares-Possible-Values-With-BL 54d522db-ec95-48f5-9bbd-1880ebbb2180
msDS-CloudAnchor 1.2.840.113556.1.4.2273 octet s ms-DS-Cloud-Anchor 78565e80-03d4-4fe3-afac-8c3bca2f3653
msDS-cloudExtensionAttribute1 1.2.840.113556.1.4.2214 unicode sp ms-DS-cloudExtensionAttribute1 9709eaaf-49da-4db2-908a-0446e5eab844
msDS-cloudExtensionAttribute10 1.2.840.113556.1.4.2223 unicode sp ms-DS-cloudExtensionAttribute10 670afcb3-13bd-47fc-90b3-0a527ed81ab7
msDS-cloudExtensionAttribute11 1.2.840.113556.1.4.2224 unicode sp ms-DS-cloudExtensionAttribute11 9e9ebbc8-7da5-42a6-8925-244e12a56e24
msDS-cloudExtensionAttribute12 1.2.840.113556.1.4.2225 unicode sp ms-DS-cloudExtensionAttribute12 3c01c43d-e10b-4fca-92b2-4cf615d5b09a
msDS-cloudExtensionAttribute13 1.2.840.113556.1.4.2226 unicode sp ms-DS-cloudExtensionAttribute13 28be464b-ab90-4b79-a6b0-df437431d036
msDS-cloudExtensionAttribute14 1.2.840.113556.1.4.2227 unicode sp ms-DS-cloudExtensionAttribute14 cebcb6ba-6e80-4927-8560-98feca086a9f
msDS-cloudExtensionAttribute15 1.2.840.113556.1.4.2228 unicode sp ms-DS-cloudExtensionAttribute15 aae4d537-8af0-4daa-9cc6-62eadb84ff03
msDS-cloudExtensionAttribute16 1.2.840.113556.1.4.2229 unicode sp ms-DS-cloudExtensionAttribute16 9581215b-5196-4053-a11e-6ffcafc62c4d
msDS-cloudExtensionAttribute17 1.2.840.113556.1.4.2230 unicode sp ms-DS-cloudExtensionAttribute17 3d3c6dda-6be8-4229-967e-2ff5bb93b4ce
msDS-cloudExtensionAttribute18 1.2.840.113556.1.4.2231 unicode sp ms-DS-cloudExtensionAttribute18 88e73b34-0aa6-4469-9842-6eb01b32a5b5
msDS-cloudExtensionAttribute19 1.2.840.113556.1.4.2232 unicode sp ms-DS-cloudExtensionAttribute19 0975fe99-9607-468a-8e18-c800d3387395
msDS-cloudExtensionAttribute2 1.2.840.113556.1.4.2215 unicode sp ms-DS-cloudExtensionAttribute2 f34ee0ac-c0c1-4ba9-82c9-1a90752f16a5
msDS-cloudExtensionAttribute20 1.2.840.113556.1.4.2233 unicode sp ms-DS-cloudExtensionAttribute20 f5446328-8b6e-498d-95a8-211748d5acdc
msDS-cloudExtensionAttribute3 1.2.840.113556.1.4.2216 unicode sp ms-DS-cloudExtensionAttribute3 82f6c81a-fada-4a0d-b0f7-706d46838eb5
msDS-cloudExtensionAttribute4 1.2.840.113556.1.4.2217 unicode sp ms-DS-cloudExtensionAttribute4 9cbf3437-4e6e-485b-b291-22b02554273f
msDS-cloudExtensionAttribute5 1.2.840.113556.1.4.2218 unicode sp ms-DS-cloudExtensionAttribute5 2915e85b-e347-4852-aabb-22e5a651c864
msDS-cloudExtensionAttribute6 1.2.840.113556.1.4.2219 unicode sp ms-DS-cloudExtensionAttribute6 60452679-28e1-4bec-ace3-712833361456
msDS-cloudExtensionAttribute7 1.2.840.113556.1.4.2220 unicode sp ms-DS-cloudExtensionAttribute7 4a7c1319-e34e-40c2-9d00-60ff7890f207
msDS-cloudExtensionAttribute8 1.2.840.113556.1.4.2221 unicode sp ms-DS-cloudExtensionAttribute8 3cd1c514-8449-44ca-81c0-021781800d2a
msDS-cloudExtensionAttribute9 1.2.840.113556.1.4.2222 unicode sp ms-DS-cloudExtensionAttribute9 0a63e12c-3040-4441-ae26-cd95af0d247e
msDS-DnsRootAlias 1.2.840.113556.1.4.1719 unicode s ms-DS-DnsRootAlias 2143acca-eead-4d29-b591-85fa49ce9173
msDS-EnabledFeature 1.2.840.113556.1.4.2061 dn n ms-DS-Enabled-Feature 5706aeaf-b940-4fb2-bcfc-5268683ad9fe
msDS-EnabledFeatureBL 1.2.840.113556.1.4.2069 dn n ms-DS-Enabled-Feature-BL ce5b01bc-17c6-44b8-9dc1-a9668b00901b
msDS-ExecuteScriptPassword 1.2.840.113556.1.4.1783 octet sn ms-DS-ExecuteScriptPassword 9d054a5a-d187-46c1-9d85-42dfc44a56dd
msDS-ExpirePasswordsOnSmartCardOnlyAccounts 1.2.840.113556.1.4.2344 boolean s ms-DS-Expire-Passwords-On-Smart-Card-Only-Accounts 3417ab48-df24-4fb1-80b0-0fcb367e25e3
msDS-ExternalDirectoryObjectId 1.2.840.113556.1.4.2310 unicode sp ms-DS-External-Directory-Object-Id bd29bf90-66ad-40e1-887b-10df070419a6
msDS-FailedInteractiveLogonCount 1.2.840.113556.1.4.1972 integer snp ms-DS-Failed-Interactive-Logon-Count dc3ca86f-70ad-4960-8425-a4d6313d93dd
msDS-FailedInteractiveLogonCountAtLastSuccessfulLogon 1.2.840.113556.1.4.1973 integer snp ms-DS-Failed-Interactive-Logon-Count-At-Last-Successful-Logon c5d234e5-644a-4403-a665-e26e0aef5e98
msDS-GenerationId 1.2.840.113556.1.4.2166 octet sn ms-DS-Generation-Id 1e5d393d-8cb7-4b4f-840a-973b36cc09c3
msDS-GeoCoordinatesAltitude 1.2.840.113556.1.4.2183 largeInteger sp ms-DS-GeoCoordinates-Altitude a11703b7-5641-4d9c-863e-5fb3325e74e0
msDS-GeoCoordinatesLatitude 1.2.840.113556.1.4.2184 largeInteger sp ms-DS-GeoCoordinates-Latitude dc66d44e-3d43-40f5-85c5-3c12e169927e
msDS-GeoCoordinatesLongitude 1.2.840.113556.1.4.2185 largeInteger sp ms-DS-GeoCoordinates-Longitude 94c42110-bae4-4cea-8577-af813af5da25
msDS-HABSeniorityIndex 1.2.840.113556.1.4.1997 integer s ms-DS-HAB-Seniority-Index def449f1-fd3b-4045-98cf-d9658da788b5
msDS-HasDomainNCs 1.2.840.113556.1.4.1820 dn n ms-DS-Has-Domain-NCs 6f17e347-a842-4498-b8b3-15e007da4fed
msDS-hasFullReplicaNCs 1.2.840.113556.1.4.1925 dn n ms-DS-Has-Full-Replica-NCs 1d3c2d18-42d0-4868-99fe-0eca1e6fa9f3
msDS-HasInstantiatedNCs 1.2.840.113556.1.4.1709 dnBinary n ms-DS-Has-Instantiated-NCs 11e9a5bc-4517-4049-af9c-51554fb0fc09
msDS-hasMasterNCs 1.2.840.113556.1.4.1836 dn n ms-DS-Has-Master-NCs ae2de0e2-59d7-4d47-8d47-ed4dfe4357ad
msDS-HostServiceAccount 1.2.840.113556.1.4.2056 dn p ms-DS-Host-Service-Account 80641043-15a2-40e1-92a2-8ca866f70776
msDS-HostServiceAccountBL 1.2.840.113556.1.4.2057 dn - ms-DS-Host-Service-Account-BL 79abe4eb-88f3-48e7-89d6-f4bc7e98c331
msDS-IntId 1.2.840.113556.1.4.1716 integer sn ms-DS-IntId bc60096a-1b47-4b30-8877-602c93f56532
msDS-IsDomainFor 1.2.840.113556.1.4.1933 dn n ms-DS-Is-Domain-For ff155a2a-44e5-4de0-8318-13a58988de4f
msDS-IsFullReplicaFor 1.2.840.113556.1.4.1932 dn n ms-DS-Is-Full-Replica-For c8bc72e0-a6b4-48f0-94a5-fd76a88c9987
msDS-isGC 1.2.840.113556.1.4.1959 boolean sc ms-DS-isGC 1df5cf33-0fe5-499e-90e1-e94b42718a46
msDS-IsPartialReplicaFor 1.2.840.113556.1.4.1934 dn n ms-DS-Is-Partial-Replica-For 37c94ff6-c6d4-498f-b2f9-c6f7f8647809
msDS-IsPrimaryComputerFor 1.2.840.113556.1.4.2168 dn - ms-DS-Is-Primary-Computer-For 998c06ac-3f87-444e-a5df-11b03dc8a50c
msDS-isRODC 1.2.840.113556.1.4.1960 boolean sc ms-DS-isRODC a8e8aa23-3e67-4af1-9d7a-2f1a1d633ac9
msDS-IsUserCachableAtRodc 1.2.840.113556.1.4.2025 integer sc ms-DS-Is-User-Cachable-At-Rodc fe01245a-341f-4556-951f-48c033a89050
msDS-KeyCredentialLink 1.2.840.113556.1.4.2328 dnBinary - ms-DS-Key-Credential-Link 5b47d60f-6090-40b2-9f37-2a4de88f3063
msDS-KeyPrincipalBL 1.2.840.113556.1.4.2319 dn n ms-DS-Key-Principal-BL d1328fbc-8574-4150-881d-0b1088827878
msDS-KeyVersionNumber 1.2.840.113556.1.4.1782 integer snc ms-DS-KeyVersionNumber c523e9c0-33b5-4ac8-8923-b57b927f42f6
msDS-KrbTgtLink 1.2.840.113556.1.4.1923 dn s ms-DS-KrbTgt-Link 778ff5c9-6f4e-4b74-856a-d68383313910
msDS-KrbTgtLinkBl 1.2.840.113556.1.4.1931 dn n ms-DS-KrbTgt-Link-BL 5dd68c41-bfdf-438b-9b5d-39d9618bf260
msDS-LastFailedInteractiveLogonTime 1.2.840.113556.1.4.1971 largeInteger snp ms-DS-Last-Failed-Interactive-Logon-Time c7e7dafa-10c3-4b8b-9acd-54f11063742e
msDS-LastKnownRDN 1.2.840.113556.1.4.2067 unicode sn ms-DS-Last-Known-RDN 8ab15858-683e-466d-877f-d640e1f9a611
msDS-LastSuccessfulInteractiveLogonTime 1.2.840.113556.1.4.1970 largeInteger snp ms-DS-Last-Successful-Interactive-Logon-Time 011929e6-8b5d-4258-b64a-00b0b4949747
msDS-LocalEffectiveDeletionTime 1.2.840.113556.1.4.2059 generalizedTime snc ms-DS-Local-Effective-Deletion-Time 94f2800c-531f-4aeb-975d-48ac39fd8ca4
msDS-LocalEffectiveRecycleTime 1.2.840.113556.1.4.2060 generalizedTime snc ms-DS-Local-Effective-Recycle-Time 4ad6016b-b0d2-4c9b-93b6-5964b17b968c
msDS-LogonTimeSyncInterval 1.2.840.113556.1.4.1784 integer s ms-DS-Logon-Time-Sync-Interval ad7940f8-e43a-4a42-83bc-d688e59ea605
msDs-masteredBy 1.2.840.113556.1.4.1837 dn n ms-DS-Mastered-By 60234769-4819-4615-a1b2-49d2f119acb5
msds-memberOfTransitive 1.2.840.113556.1.4.2236 dn nc ms-DS-Is-Member-Of-DL-Transitive 862166b6-c941-4727-9565-48bfff2941de
msDS-MembersForAzRoleBL 1.2.840.113556.1.4.1807 dn n ms-DS-Members-For-Az-Role-BL ececcd20-a7e0-4688-9ccf-02ece5e287f5
msDS-MembersOfResourcePropertyListBL 1.2.840.113556.1.4.2104 dn - ms-DS-Members-Of-Resource-Property-List-BL 7469b704-edb0-4568-a5a5-59f4862c75a7
msds-memberTransitive 1.2.840.113556.1.4.2238 dn nc ms-DS-Member-Transitive e215395b-9104-44d9-b894-399ec9e21dfc
msDS-NC-Replica-Locations 1.2.840.113556.1.4.1661 dn - ms-DS-NC-Replica-Locations 97de9615-b537-46bc-ac0f-10720f3909f3
msDS-NC-RO-Replica-Locations 1.2.840.113556.1.4.1967 dn - ms-DS-NC-RO-Replica-Locations 3df793df-9858-4417-a701-735a1ecebf74
msDS-NC-RO-Replica-Locations-BL 1.2.840.113556.1.4.1968 dn - ms-DS-NC-RO-Replica-Locations-BL f547511c-5b2a-44cc-8358-992a88258164
msDS-NCReplCursors 1.2.840.113556.1.4.1704 unicode c ms-DS-NC-Repl-Cursors 8a167ce4-f9e8-47eb-8d78-f7fe80abb2cc
msDS-NCReplInboundNeighbors 1.2.840.113556.1.4.1705 unicode c ms-DS-NC-Repl-Inbound-Neighbors 9edba85a-3e9e-431b-9b1a-a5b6e9eda796
msDS-NCReplOutboundNeighbors 1.2.840.113556.1.4.1706 unicode c ms-DS-NC-Repl-Outbound-Neighbors 855f2ef5-a1c5-4cc4-ba6d-32522848b61f
msDS-NcType 1.2.840.113556.1.4.2024 integer sn ms-DS-NC-Type 5a2eacd7-cc2b-48cf-9d9a-b6f1a0024de9
msDS-NeverRevealGroup 1.2.840.113556.1.4.1926 dn - ms-DS-Never-Reveal-Group 15585999-fd49-4d66-b25d-eeb96aba8174
msDS-NonMembers 1.2.840.113556.1.4.1793 dn - ms-DS-Non-Members cafcb1de-f23c-46b5-adf7-1e64957bd5db
msDS-NonMembersBL 1.2.840.113556.1.4.1794 dn n ms-DS-Non-Members-BL 2a8c68fc-3a7a-4e87-8720-fe77c51cbe74
msDS-ObjectReference 1.2.840.113556.1.4.1840 dn - ms-DS-Object-Reference 638ec2e8-22e7-409c-85d2-11b21bee72de
msDS-ObjectReferenceBL 1.2.840.113556.1.4.1841 dn n ms-DS-Object-Reference-BL 2b702515-c1f7-4b3b-b148-c0e4c6ceecb4
msDS-ObjectSoa 1.2.840.113556.1.4.2353 unicode s ms-DS-Object-SOA 34f6bdf5-2e79-4c3b-8e14-3d93b75aab89
msDS-OIDToGroupLinkBl 1.2.840.113556.1.4.2052 dn n ms-DS-OIDToGroup-Link-BL 1a3d0d20-5844-4199-ad25-0f5039a76ada
msDS-OperationsForAzRoleBL 1.2.840.113556.1.4.1813 dn n ms-DS-Operations-For-Az-Role-BL f85b6228-3734-4525-b6b7-3f3bb220902c
msDS-OperationsForAzTaskBL 1.2.840.113556.1.4.1809 dn n ms-DS-Operations-For-Az-Task-BL a637d211-5739-4ed1-89b2-88974548bc59
msDS-parentdistname 1.2.840.113556.1.4.2203 dn snc ms-DS-Parent-Dist-Name b918fe7d-971a-f404-9e21-9261abec970b
msDS-PerUserTrustQuota 1.2.840.113556.1.4.1788 integer s MS-DS-Per-User-Trust-Quota d161adf0-ca24-4993-a3aa-8b2c981302e8
msDS-PerUserTrustTombstonesQuota 1.2.840.113556.1.4.1790 integer s MS-DS-Per-User-Trust-Tombstones-Quota 8b70a6c6-50f9-4fa3-a71e-1ce03040449b
msDS-PhoneticCompanyName 1.2.840.113556.1.4.1945 unicode s ms-DS-Phonetic-Company-Name 5bd5208d-e5f4-46ae-a514-543bc9c47659
msDS-PhoneticDepartment 1.2.840.113556.1.4.1944 unicode s ms-DS-Phonetic-Department 6cd53daf-003e-49e7-a702-6fa896e7a6ef
msDS-PhoneticDisplayName 1.2.840.113556.1.4.1946 unicode s ms-DS-Phonetic-Display-Name e21a94e4-2d66-4ce5-b30d-0ef87a776ff0
msDS-PhoneticFirstName 1.2.840.113556.1.4.1942 unicode s ms-DS-Phonetic-First-Name 4b1cba4e-302f-4134-ac7c-f01f6c797843
msDS-PhoneticLastName 1.2.840.113556.1.4.1943 unicode s ms-DS-Phonetic-Last-Name f217e4ec-0836-4b90-88af-2f5d4bbda2bc
msDS-preferredDataLocation 1.2.840.113556.1.4.2366 unicode s ms-DS-Preferred-Data-Location fa0c8ade-4c94-4610-bace-180efdee2140
msDS-PrimaryComputer 1.2.840.113556.1.4.2167 dn - ms-DS-Primary-Computer a13df4e2-dbb0-4ceb-828b-8b2e143e9e81
msDS-PrincipalName 1.2.840.113556.1.4.1865 unicode sc ms-DS-Principal-Name 564e9325-d057-c143-9e3b-4f9e5ef46f93
msDS-PromotionSettings 1.2.840.113556.1.4.1962 unicode sn ms-DS-Promotion-Settings c881b4e2-43c0-4ebe-b9bb-5250aa9b434c
msDS-PSOApplied 1.2.840.113556.1.4.2021 dn n ms-DS-PSO-Applied 5e6cf031-bda8-43c8-aca4-8fee4127005b
msDS-ReplAttributeMetaData 1.2.840.113556.1.4.1707 unicode c ms-DS-Repl-Attribute-Meta-Data d7c53242-724e-4c39-9d4c-2df8c9d66c7a
msDS-Replication-Notify-First-DSA-Delay 1.2.840.113556.1.4.1663 integer s ms-DS-Replication-Notify-First-DSA-Delay 85abd4f4-0a89-4e49-bdec-6f35bb2562ba
msDS-Replication-Notify-Subsequent-DSA-Delay 1.2.840.113556.1.4.1664 integer s ms-DS-Replication-Notify-Subsequent-DSA-Delay d63db385-dd92-4b52-b1d8-0d3ecc0e86b6
msDS-ReplicationEpoch 1.2.840.113556.1.4.1720 integer s ms-DS-ReplicationEpoch 08e3aa79-eb1c-45b5-af7b-8f94246c8e41
msDS-ReplValueMetaData 1.2.840.113556.1.4.1708 unicode c ms-DS-Repl-Value-Meta-Data 2f5c8145-e1bd-410b-8957-8bfa81d5acfd
msDS-ReplValueMetaDataExt 1.2.840.113556.1.4.2235 unicode c ms-DS-Repl-Value-Meta-Data-Ext 1e02d2ef-44ad-46b2-a67d-9fd18d780bca
msDS-ResultantPSO 1.2.840.113556.1.4.2022 dn snc ms-DS-Resultant-PSO b77ea093-88d0-4780-9a98-911f8e8b1dca
msDS-RetiredReplNCSignatures 1.2.840.113556.1.4.1826 octet sn ms-DS-Retired-Repl-NC-Signatures d5b35506-19d6-4d26-9afb-11357ac99b5e
msDS-RevealedDSAs 1.2.840.113556.1.4.1930 dn n ms-DS-Revealed-DSAs 94f6f2ac-c76d-4b5e-b71f-f332c3e93c22
msDS-RevealedList 1.2.840.113556.1.4.1940 dnString nc ms-DS-Revealed-List cbdad11c-7fec-387b-6219-3a0627d9af81
msDS-RevealedListBL 1.2.840.113556.1.4.1975 dn nc ms-DS-Revealed-List-BL aa1c88fd-b0f6-429f-b2ca-9d902266e808
msDS-RevealedUsers 1.2.840.113556.1.4.1924 dnBinary n ms-DS-Revealed-Users 185c7821-3749-443a-bd6a-288899071adb
msDS-RevealOnDemandGroup 1.2.840.113556.1.4.1928 dn - ms-DS-Reveal-OnDemand-Group 303d9f4a-1dd6-4b38-8fc5-33afe8c988ad
msDs-Schema-Extensions 1.2.840.113556.1.4.1440 octet n ms-ds-Schema-Extensions b39a61be-ed07-4cab-9a4a-4963ed0141e1
msDS-SDReferenceDomain 1.2.840.113556.1.4.1711 dn s ms-DS-SD-Reference-Domain 4c51e316-f628-43a5-b06b-ffb695fcb4f3
msDS-SecondaryKrbTgtNumber 1.2.840.113556.1.4.1929 integer sn ms-DS-Secondary-KrbTgt-Number aa156612-2396-467e-ad6a-28d23fdb1865
msDS-Settings 1.2.840.113556.1.4.1697 unicode - ms-DS-Settings 0e1b47d7-40a3-4b48-8d1b-4cac0c1cdf21
msDS-Site-Affinity 1.2.840.113556.1.4.1443 octet - ms-DS-Site-Affinity c17c5602-bcb7-46f0-9656-6370ca884b72
msDS-SiteName 1.2.840.113556.1.4.1961 unicode sc ms-DS-SiteName 98a7f36d-3595-448a-9e6f-6b8965baed9c
msDS-SourceAnchor 1.2.840.113556.1.4.2352 unicode s ms-DS-Source-Anchor b002f407-1340-41eb-bca0-bd7d938e25a9
msDS-SourceObjectDN 1.2.840.113556.1.4.1879 unicode s ms-DS-Source-Object-DN 773e93af-d3b4-48d4-b3f9-06457602d3d0
msDS-SPNSuffixes 1.2.840.113556.1.4.1715 unicode - ms-DS-SPN-Suffixes 789ee1eb-8c8e-4e4c-8cec-79b31b7617b5
msDS-SupportedEncryptionTypes 1.2.840.113556.1.4.1963 integer sp ms-DS-Supported-Encryption-Types 20119867-1d04-4ab7-9371-cfc3d5df0afd
msDS-SyncServerUrl 1.2.840.113556.1.4.2276 unicode - ms-DS-SyncServerUrl b7acc3d2-2a74-4fa4-ac25-e63fe8b61218
msDS-TasksForAzRoleBL 1.2.840.113556.1.4.1815 dn n ms-DS-Tasks-For-Az-Role-BL a0dcd536-5158-42fe-8c40-c00a7ad37959
msDS-TasksForAzTaskBL 1.2.840.113556.1.4.1811 dn n ms-DS-Tasks-For-Az-Task-BL df446e52-b5fa-4ca2-a42f-13f98a526c8f
msDS-TDOEgressBL 1.2.840.113556.1.4.2194 dn n ms-DS-TDO-Egress-BL d5006229-9913-2242-8b17-83761d1e0e5b
msDS-TDOIngressBL 1.2.840.113556.1.4.2193 dn n ms-DS-TDO-Ingress-BL 5a5661a1-97c6-544b-8056-e430fe7bc554
msds-tokenGroupNames 1.2.840.113556.1.4.2345 dn nc ms-DS-Token-Group-Names 65650576-4699-4fc9-8d18-26e0cd0137a6
msds-tokenGroupNamesGlobalAndUniversal 1.2.840.113556.1.4.2346 dn nc ms-DS-Token-Group-Names-Global-And-Universal fa06d1f4-7922-4aad-b79c-b2201f54417c
msds-tokenGroupNamesNoGCAcceptable 1.2.840.113556.1.4.2347 dn nc ms-DS-Token-Group-Names-No-GC-Acceptable 523fc6c8-9af4-4a02-9cd7-3dea129eeb27
msDS-UpdateScript 1.2.840.113556.1.4.1721 unicode s ms-DS-UpdateScript 146eb639-bb9f-4fc1-a825-e29e00c77920
msDS-User-Account-Control-Computed 1.2.840.113556.1.4.1460 integer sc ms-DS-User-Account-Control-Computed 2cc4b836-b63f-4940-8d23-ea7acf06af56
msDS-UserPasswordExpiryTimeComputed 1.2.840.113556.1.4.1996 largeInteger sc ms-DS-User-Password-Expiry-Time-Computed add5cf10-7b09-4449-9ae6-2534148f8a72
msDS-USNLastSyncSuccess 1.2.840.113556.1.4.2055 largeInteger s ms-DS-USN-Last-Sync-Success 31f7b8b6-c9f8-4f2d-a37b-58a823030331
msDS-ValueTypeReferenceBL 1.2.840.113556.1.4.2188 dn n ms-DS-Value-Type-Reference-BL ab5543ad-23a1-3b45-b937-9b313d5474a8
msExchAssistantName 1.2.840.113556.1.2.444 unicode s ms-Exch-Assistant-Name a8df7394-c5ea-11d1-bbcb-0080c76670c0
msExchHouseIdentifier 1.2.840.113556.1.2.596 unicode s ms-Exch-House-Identifier a8df7407-c5ea-11d1-bbcb-0080c76670c0
msExchLabeledURI 1.2.840.113556.1.2.593 unicode - ms-Exch-LabeledURI 16775820-47f3-11d1-a9c3-0000f80367c1
msIIS-FTPDir 1.2.840.113556.1.4.1786 unicode s ms-IIS-FTP-Dir 8a5c99e9-2230-46eb-b8e8-e59d712eb9ee
msIIS-FTPRoot 1.2.840.113556.1.4.1785 unicode s ms-IIS-FTP-Root 2a7827a4-1483-49a5-9d84-52e3812156b4
msImaging-HashAlgorithm 1.2.840.113556.1.4.2181 unicode s ms-Imaging-Hash-Algorithm 8ae70db5-6406-4196-92fe-f3bb557520a7
msImaging-ThumbprintHash 1.2.840.113556.1.4.2180 octet s ms-Imaging-Thumbprint-Hash 9cdfdbc5-0304-4569-95f6-c4f663fe5ae6
mSMQDigests 1.2.840.113556.1.4.948 octet p MSMQ-Digests 9a0dc33c-c100-11d1-bbc5-0080c76670c0
mSMQDigestsMig 1.2.840.113556.1.4.966 octet - MSMQ-Digests-Mig 0f71d8e0-da3b-11d1-90a5-00c04fd91ab1
mSMQInterval1 1.2.840.113556.1.4.1308 integer s MSMQ-Interval1 8ea825aa-3b7b-11d2-90cc-00c04fd91ab1
mSMQInterval2 1.2.840.113556.1.4.1309 integer s MSMQ-Interval2 99b88f52-3b7b-11d2-90cc-00c04fd91ab1
mSMQNt4Stub 1.2.840.113556.1.4.960 integer - MSMQ-Nt4-Stub 6f914be6-d57e-11d1-90a2-00c04fd91ab1
mSMQSignCertificates 1.2.840.113556.1.4.947 octet sp MSMQ-Sign-Certificates 9a0dc33b-c100-11d1-bbc5-0080c76670c0
mSMQSignCertificatesMig 1.2.840.113556.1.4.967 octet s MSMQ-Sign-Certificates-Mig 3881b8ea-da3b-11d1-90a5-00c04fd91ab1
mSMQSiteForeign 1.2.840.113556.1.4.961 boolean - MSMQ-Site-Foreign fd129d8a-d57e-11d1-90a2-00c04fd91ab1
mSMQSiteID 1.2.840.113556.1.4.953 octet s MSMQ-Site-ID 9a0dc340-c100-11d1-bbc5-0080c76670c0
msNPAllowDialin 1.2.840.113556.1.4.1119 boolean s msNPAllowDialin db0c9085-c1f2-11d1-bbc5-0080c76670c0
msNPCallingStationID 1.2.840.113556.1.4.1124 ia5 - msNPCallingStationID db0c908a-c1f2-11d1-bbc5-0080c76670c0
msNPSavedCallingStationID 1.2.840.113556.1.4.1130 ia5 - msNPSavedCallingStationID db0c908e-c1f2-11d1-bbc5-0080c76670c0
msPKI-CredentialRoamingTokens 1.2.840.113556.1.4.2050 dnBinary - ms-PKI-Credential-Roaming-Tokens b7ff5a38-0818-42b0-8110-d3d154c97f24
msPKIAccountCredentials 1.2.840.113556.1.4.1894 dnBinary - ms-PKI-AccountCredentials b8dfa744-31dc-4ef1-ac7c-84baf7ef9da7
msPKIDPAPIMasterKeys 1.2.840.113556.1.4.1893 dnBinary - ms-PKI-DPAPIMasterKeys b3f93023-9239-4f7c-b99c-6745d87adbc2
msPKIRoamingTimeStamp 1.2.840.113556.1.4.1892 octet s ms-PKI-RoamingTimeStamp 6617e4ac-a2f1-43ab-b60c-11fbd1facf05
msRADIUS-FramedInterfaceId 1.2.840.113556.1.4.1913 ia5 s ms-RADIUS-FramedInterfaceId a6f24a23-d65c-4d65-a64f-35fb6873c2b9
msRADIUS-FramedIpv6Prefix 1.2.840.113556.1.4.1915 ia5 s ms-RADIUS-FramedIpv6Prefix f63ed610-d67c-494d-87be-cd1e24359a38
msRADIUS-FramedIpv6Route 1.2.840.113556.1.4.1917 ia5 - ms-RADIUS-FramedIpv6Route 5a5aa804-3083-4863-94e5-018a79a22ec0
msRADIUS-SavedFramedInterfaceId 1.2.840.113556.1.4.1914 ia5 s ms-RADIUS-SavedFramedInterfaceId a4da7289-92a3-42e5-b6b6-dad16d280ac9
msRADIUS-SavedFramedIpv6Prefix 1.2.840.113556.1.4.1916 ia5 s ms-RADIUS-SavedFramedIpv6Prefix 0965a062-b1e1-403b-b48d-5c0eb0e952cc
msRADIUS-SavedFramedIpv6Route 1.2.840.113556.1.4.1918 ia5 - ms-RADIUS-SavedFramedIpv6Route 9666bb5c-df9d-4d41-b437-2eec7e27c9b3
msRADIUSCallbackNumber 1.2.840.113556.1.4.1145 ia5 s msRADIUSCallbackNumber db0c909c-c1f2-11d1-bbc5-0080c76670c0
msRADIUSFramedIPAddress 1.2.840.113556.1.4.1153 integer s msRADIUSFramedIPAddress db0c90a4-c1f2-11d1-bbc5-0080c76670c0
msRADIUSFramedRoute 1.2.840.113556.1.4.1158 ia5 - msRADIUSFramedRoute db0c90a9-c1f2-11d1-bbc5-0080c76670c0
msRADIUSServiceType 1.2.840.113556.1.4.1171 integer s msRADIUSServiceType db0c90b6-c1f2-11d1-bbc5-0080c76670c0
msRASSavedCallbackNumber 1.2.840.113556.1.4.1189 ia5 s msRASSavedCallbackNumber db0c90c5-c1f2-11d1-bbc5-0080c76670c0
msRASSavedFramedIPAddress 1.2.840.113556.1.4.1190 integer s msRASSavedFramedIPAddress db0c90c6-c1f2-11d1-bbc5-0080c76670c0
msRASSavedFramedRoute 1.2.840.113556.1.4.1191 ia5 - msRASSavedFramedRoute db0c90c7-c1f2-11d1-bbc5-0080c76670c0
msSFU30Aliases 1.2.840.113556.1.6.18.1.323 ia5 - msSFU-30-Aliases 20ebf171-c69a-4c31-b29d-dcb837d8912d
msSFU30Name 1.2.840.113556.1.6.18.1.309 ia5 s msSFU-30-Name 16c5d1d3-35c2-4061-a870-a5cefda804f0
msSFU30NisDomain 1.2.840.113556.1.6.18.1.339 ia5 s msSFU-30-Nis-Domain 9ee3b2e3-c7f3-45f8-8c9f-1382be4984d2
msSFU30PosixMember 1.2.840.113556.1.6.18.1.346 dn - msSFU-30-Posix-Member c875d82d-2848-4cec-bb50-3c5486d09d57
msSFU30PosixMemberOf 1.2.840.113556.1.6.18.1.347 dn - msSFU-30-Posix-Member-Of 7bd76b92-3244-438a-ada6-24f5ea34381e
msTPM-OwnerInformation 1.2.840.113556.1.4.1966 unicode s ms-TPM-OwnerInformation aa4e1a6d-550d-4e05-8c35-4afcb917a9fe
msTPM-TpmInformationForComputer 1.2.840.113556.1.4.2109 dn s ms-TPM-Tpm-Information-For-Computer ea1b7b93-5e48-46d5-bc6c-4df4fda78a35
msTSAllowLogon 1.2.840.113556.1.4.1979 boolean s ms-TS-Allow-Logon 3a0cd464-bc54-40e7-93ae-a646a6ecc4b4
msTSBrokenConnectionAction 1.2.840.113556.1.4.1985 boolean s ms-TS-Broken-Connection-Action 1cf41bba-5604-463e-94d6-1a1287b72ca3
msTSConnectClientDrives 1.2.840.113556.1.4.1986 boolean s ms-TS-Connect-Client-Drives 23572aaf-29dd-44ea-b0fa-7e8438b9a4a3
msTSConnectPrinterDrives 1.2.840.113556.1.4.1987 boolean s ms-TS-Connect-Printer-Drives 8ce6a937-871b-4c92-b285-d99d4036681c
msTSDefaultToMainPrinter 1.2.840.113556.1.4.1988 boolean s ms-TS-Default-To-Main-Printer c0ffe2bd-cacf-4dc7-88d5-61e9e95766f6
msTSEndpointData 1.2.840.113556.1.4.2070 unicode s ms-TS-Endpoint-Data 40e1c407-4344-40f3-ab43-3625a34a63a2
msTSEndpointPlugin 1.2.840.113556.1.4.2072 unicode s ms-TS-Endpoint-Plugin 3c08b569-801f-4158-b17b-e363d6ae696a
msTSEndpointType 1.2.840.113556.1.4.2071 integer s ms-TS-Endpoint-Type 377ade80-e2d8-46c5-9bcd-6d9dec93b35e
msTSExpireDate 1.2.840.113556.1.4.1993 generalizedTime s MS-TS-ExpireDate 70004ef5-25c3-446a-97c8-996ae8566776
msTSExpireDate2 1.2.840.113556.1.4.2000 generalizedTime s MS-TS-ExpireDate2 54dfcf71-bc3f-4f0b-9d5a-4b2476bb8925
msTSExpireDate3 1.2.840.113556.1.4.2003 generalizedTime s MS-TS-ExpireDate3 41bc7f04-be72-4930-bd10-1f3439412387
msTSExpireDate4 1.2.840.113556.1.4.2006 generalizedTime s MS-TS-ExpireDate4 5e11dc43-204a-4faf-a008-6863621c6f5f
msTSHomeDirectory 1.2.840.113556.1.4.1977 unicode s ms-TS-Home-Directory 5d3510f0-c4e7-4122-b91f-a20add90e246
msTSHomeDrive 1.2.840.113556.1.4.1978 unicode s ms-TS-Home-Drive 5f0a24d9-dffa-4cd9-acbf-a0680c03731e
msTSInitialProgram 1.2.840.113556.1.4.1990 unicode s ms-TS-Initial-Program 9201ac6f-1d69-4dfb-802e-d95510109599
msTSLicenseVersion 1.2.840.113556.1.4.1994 unicode s MS-TS-LicenseVersion 0ae94a89-372f-4df2-ae8a-c64a2bc47278
msTSLicenseVersion2 1.2.840.113556.1.4.2001 unicode s MS-TS-LicenseVersion2 4b0df103-8d97-45d9-ad69-85c3080ba4e7
msTSLicenseVersion3 1.2.840.113556.1.4.2004 unicode s MS-TS-LicenseVersion3 f8ba8f81-4cab-4973-a3c8-3a6da62a5e31
msTSLicenseVersion4 1.2.840.113556.1.4.2007 unicode s MS-TS-LicenseVersion4 70ca5d97-2304-490a-8a27-52678c8d2095
msTSLSProperty01 1.2.840.113556.1.4.2009 unicode - MS-TSLS-Property01 87e53590-971d-4a52-955b-4794d15a84ae
msTSLSProperty02 1.2.840.113556.1.4.2010 unicode - MS-TSLS-Property02 47c77bb0-316e-4e2f-97f1-0d4c48fca9dd
msTSManagingLS 1.2.840.113556.1.4.1995 unicode s MS-TS-ManagingLS f3bcc547-85b0-432c-9ac0-304506bf2c83
msTSManagingLS2 1.2.840.113556.1.4.2002 unicode s MS-TS-ManagingLS2 349f0757-51bd-4fc8-9d66-3eceea8a25be
msTSManagingLS3 1.2.840.113556.1.4.2005 unicode s MS-TS-ManagingLS3 fad5dcc1-2130-4c87-a118-75322cd67050
msTSManagingLS4 1.2.840.113556.1.4.2008 unicode s MS-TS-ManagingLS4 f7a3b6a0-2107-4140-b306-75cb521731e5
msTSMaxConnectionTime 1.2.840.113556.1.4.1982 integer s ms-TS-Max-Connection-Time 1d960ee2-6464-4e95-a781-e3b5cd5f9588
msTSMaxDisconnectionTime 1.2.840.113556.1.4.1981 integer s ms-TS-Max-Disconnection-Time 326f7089-53d8-4784-b814-46d8535110d2
msTSMaxIdleTime 1.2.840.113556.1.4.1983 integer s ms-TS-Max-Idle-Time ff739e9c-6bb7-460e-b221-e250f3de0f95
msTSPrimaryDesktop 1.2.840.113556.1.4.2073 dn s ms-TS-Primary-Desktop 29259694-09e4-4237-9f72-9306ebe63ab2
msTSPrimaryDesktopBL 1.2.840.113556.1.4.2074 dn n ms-TS-Primary-Desktop-BL 9daadc18-40d1-4ed1-a2bf-6b9bf47d3daa
msTSProfilePath 1.2.840.113556.1.4.1976 unicode s ms-TS-Profile-Path e65c30db-316c-4060-a3a0-387b083f09cd
msTSProperty01 1.2.840.113556.1.4.1991 unicode - MS-TS-Property01 faaea977-9655-49d7-853d-f27bb7aaca0f
msTSProperty02 1.2.840.113556.1.4.1992 unicode - MS-TS-Property02 3586f6ac-51b7-4978-ab42-f936463198e7
msTSReconnectionAction 1.2.840.113556.1.4.1984 boolean s ms-TS-Reconnection-Action 366ed7ca-3e18-4c7f-abae-351a01e4b4f7
msTSRemoteControl 1.2.840.113556.1.4.1980 integer s ms-TS-Remote-Control 15177226-8642-468b-8c48-03ddfd004982
msTSSecondaryDesktopBL 1.2.840.113556.1.4.2078 dn n ms-TS-Secondary-Desktop-BL 34b107af-a00a-455a-b139-dd1a1b12d8af
msTSSecondaryDesktops 1.2.840.113556.1.4.2075 dn - ms-TS-Secondary-Desktops f63aa29a-bb31-48e1-bfab-0a6c5a1d39c2
msTSWorkDirectory 1.2.840.113556.1.4.1989 unicode s ms-TS-Work-Directory a744f666-3d3c-4cc8-834b-9d4f6f687b8b
mustContain 1.2.840.113556.1.2.24 oid - Must-Contain bf9679d3-0de6-11d0-a285-00aa003049e2
name 1.2.840.113556.1.4.1 unicode sn RDN bf967a0e-0de6-11d0-a285-00aa003049e2
nCName 1.2.840.113556.1.2.16 dn sn NC-Name bf9679d6-0de6-11d0-a285-00aa003049e2
nETBIOSName 1.2.840.113556.1.4.87 unicode s NETBIOS-Name bf9679d8-0de6-11d0-a285-00aa003049e2
netbootDUID 1.2.840.113556.1.4.2234 octet s Netboot-DUID 532570bd-3d77-424f-822f-0d636dc6daad
netbootGUID 1.2.840.113556.1.4.359 octet s Netboot-GUID 3e978921-8c01-11d0-afda-00c04fd930c9
netbootInitialization 1.2.840.113556.1.4.358 unicode s Netboot-Initialization 3e978920-8c01-11d0-afda-00c04fd930c9
netbootMachineFilePath 1.2.840.113556.1.4.361 unicode s Netboot-Machine-File-Path 3e978923-8c01-11d0-afda-00c04fd930c9
netbootMirrorDataFile 1.2.840.113556.1.4.1241 unicode - Netboot-Mirror-Data-File 2df90d85-009f-11d2-aa4c-00c04fd7d83a
netbootSCPBL 1.2.840.113556.1.4.864 dn n netboot-SCP-BL 07383082-91df-11d1-aebc-0000f80367c1
netbootSIFFile 1.2.840.113556.1.4.1240 unicode - Netboot-SIF-File 2df90d84-009f-11d2-aa4c-00c04fd7d83a
networkAddress 1.2.840.113556.1.2.459 teletex - Network-Address bf9679d9-0de6-11d0-a285-00aa003049e2
nextRid 1.2.840.113556.1.4.88 integer s Next-Rid bf9679db-0de6-11d0-a285-00aa003049e2
nisMapName 1.3.6.1.1.1.1.26 ia5 s NisMapName 969d3c79-0e9a-4d95-b0ac-bdde7ff8f3a1
nonSecurityMember 1.2.840.113556.1.4.530 dn - Non-Security-Member 52458018-ca6a-11d0-afff-0000f80367c1
nonSecurityMemberBL 1.2.840.113556.1.4.531 dn n Non-Security-Member-BL 52458019-ca6a-11d0-afff-0000f80367c1
notificationList 1.2.840.113556.1.4.303 dn s Notification-List 19195a56-6da0-11d0-afd3-00c04fd930c9
nTGroupMembers 1.2.840.113556.1.4.89 octet - NT-Group-Members bf9679df-0de6-11d0-a285-00aa003049e2
nTMixedDomain 1.2.840.113556.1.4.357 integer s NT-Mixed-Domain 3e97891f-8c01-11d0-afda-00c04fd930c9
ntPwdHistory 1.2.840.113556.1.4.94 octet - Nt-Pwd-History bf9679e2-0de6-11d0-a285-00aa003049e2
nTSecurityDescriptor 1.2.840.113556.1.2.281 securityDescriptor s NT-Security-Descriptor bf9679e3-0de6-11d0-a285-00aa003049e2
o 2.5.4.10 unicode - Organization-Name bf9679ef-0de6-11d0-a285-00aa003049e2
objectCategory 1.2.840.113556.1.4.782 dn s Object-Category 26d97369-6070-11d1-a9c6-0000f80367c1
objectClass 2.5.4.0 oid n Object-Class bf9679e5-0de6-11d0-a285-00aa003049e2
objectClassCategory 1.2.840.113556.1.2.370 enumeration sn Object-Class-Category bf9679e6-0de6-11d0-a285-00aa003049e2
objectClasses 2.5.21.6 unicode nc Object-Classes 9a7ad94b-ca53-11d1-bbd0-0080c76670c0
objectGUID 1.2.840.113556.1.4.2 octet sn Object-Guid bf9679e7-0de6-11d0-a285-00aa003049e2
objectSid 1.2.840.113556.1.4.146 sid sn Object-Sid bf9679e8-0de6-11d0-a285-00aa003049e2
objectVersion 1.2.840.113556.1.2.76 integer s Object-Version 16775848-47f3-11d1-a9c3-0000f80367c1
oEMInformation 1.2.840.113556.1.4.151 unicode s OEM-Information bf9679ea-0de6-11d0-a285-00aa003049e2
oMObjectClass 1.2.840.113556.1.2.218 octet sn OM-Object-Class bf9679ec-0de6-11d0-a285-00aa003049e2
oMSyntax 1.2.840.113556.1.2.231 integer sn OM-Syntax bf9679ed-0de6-11d0-a285-00aa003049e2
operatingSystem 1.2.840.113556.1.4.363 unicode s Operating-System 3e978925-8c01-11d0-afda-00c04fd930c9
operatingSystemHotfix 1.2.840.113556.1.4.415 unicode s Operating-System-Hotfix bd951b3c-9c96-11d0-afdd-00c04fd930c9
operatingSystemServicePack 1.2.840.113556.1.4.365 unicode s Operating-System-Service-Pack 3e978927-8c01-11d0-afda-00c04fd930c9
operatingSystemVersion 1.2.840.113556.1.4.364 unicode s Operating-System-Version 3e978926-8c01-11d0-afda-00c04fd930c9
operatorCount 1.2.840.113556.1.4.144 integer s Operator-Count bf9679ee-0de6-11d0-a285-00aa003049e2
options 1.2.840.113556.1.4.307 integer s Options 19195a53-6da0-11d0-afd3-00c04fd930c9
otherFacsimileTelephoneNumber 1.2.840.113556.1.4.646 unicode p Phone-Fax-Other 0296c11d-40da-11d1-a9c0-0000f80367c1
otherHomePhone 1.2.840.113556.1.2.277 unicode p Phone-Home-Other f0f8ffa2-1191-11d0-a060-00aa006c33ed
otherIpPhone 1.2.840.113556.1.4.722 unicode p Phone-Ip-Other 4d146e4b-48d4-11d1-a9c3-0000f80367c1
otherLoginWorkstations 1.2.840.113556.1.4.91 unicode - Other-Login-Workstations bf9679f1-0de6-11d0-a285-00aa003049e2
otherMailbox 1.2.840.113556.1.4.651 unicode - Other-Mailbox 0296c123-40da-11d1-a9c0-0000f80367c1
otherMobile 1.2.840.113556.1.4.647 unicode p Phone-Mobile-Other 0296c11e-40da-11d1-a9c0-0000f80367c1
otherPager 1.2.840.113556.1.2.118 unicode p Phone-Pager-Other f0f8ffa4-1191-11d0-a060-00aa006c33ed
otherTelephone 1.2.840.113556.1.2.18 unicode p Phone-Office-Other f0f8ffa5-1191-11d0-a060-00aa006c33ed
otherWellKnownObjects 1.2.840.113556.1.4.1359 dnBinary - Other-Well-Known-Objects 1ea64e5d-ac0f-11d2-90df-00c04fd91ab1
ou 2.5.4.11 unicode - Organizational-Unit-Name bf9679f0-0de6-11d0-a285-00aa003049e2
ownerBL 1.2.840.113556.1.2.104 dn n ms-Exch-Owner-BL bf9679f4-0de6-11d0-a285-00aa003049e2
pager 0.9.2342.19200300.100.1.42 unicode sp Phone-Pager-Primary f0f8ffa6-1191-11d0-a060-00aa006c33ed
partialAttributeDeletionList 1.2.840.113556.1.4.663 octet sn Partial-Attribute-Deletion-List 28630ec0-41d5-11d1-a9c1-0000f80367c1
partialAttributeSet 1.2.840.113556.1.4.640 octet sn Partial-Attribute-Set 19405b9e-3cfa-11d1-a9c0-0000f80367c1
pekKeyChangeInterval 1.2.840.113556.1.4.866 largeInteger s Pek-Key-Change-Interval 07383084-91df-11d1-aebc-0000f80367c1
pekList 1.2.840.113556.1.4.865 octet s Pek-List 07383083-91df-11d1-aebc-0000f80367c1
personalTitle 1.2.840.113556.1.2.615 unicode sp Personal-Title 16775858-47f3-11d1-a9c3-0000f80367c1
photo 0.9.2342.19200300.100.1.7 octet - photo 9c979768-ba1a-4c08-9632-c6a5c1ed649a
physicalDeliveryOfficeName 2.5.4.19 unicode sp Physical-Delivery-Office-Name bf9679f7-0de6-11d0-a285-00aa003049e2
physicalLocationObject 1.2.840.113556.1.4.514 dn s Physical-Location-Object b7b13119-b82e-11d0-afee-0000f80367c1
policyReplicationFlags 1.2.840.113556.1.4.633 integer s Policy-Replication-Flags 19405b96-3cfa-11d1-a9c0-0000f80367c1
possibleInferiors 1.2.840.113556.1.4.915 oid nc Possible-Inferiors 9a7ad94c-ca53-11d1-bbd0-0080c76670c0
possSuperiors 1.2.840.113556.1.2.8 oid - Poss-Superiors bf9679fa-0de6-11d0-a285-00aa003049e2
postalAddress 2.5.4.16 unicode p Postal-Address bf9679fc-0de6-11d0-a285-00aa003049e2
postalCode 2.5.4.17 unicode sp Postal-Code bf9679fd-0de6-11d0-a285-00aa003049e2
postOfficeBox 2.5.4.18 unicode p Post-Office-Box bf9679fb-0de6-11d0-a285-00aa003049e2
preferredDeliveryMethod 2.5.4.28 enumeration p Preferred-Delivery-Method bf9679fe-0de6-11d0-a285-00aa003049e2
preferredLanguage 2.16.840.1.113730.3.1.39 unicode s preferredLanguage 856be0d0-18e7-46e1-8f5f-7ee4d9020e0d
preferredOU 1.2.840.113556.1.4.97 dn s Preferred-OU bf9679ff-0de6-11d0-a285-00aa003049e2
prefixMap 1.2.840.113556.1.4.538 octet sn Prefix-Map 52458022-ca6a-11d0-afff-0000f80367c1
primaryGroupID 1.2.840.113556.1.4.98 integer s Primary-Group-ID bf967a00-0de6-11d0-a285-00aa003049e2
primaryGroupToken 1.2.840.113556.1.4.1412 integer snc Primary-Group-Token c0ed8738-7efd-4481-84d9-66d2db8be369
primaryInternationalISDNNumber 1.2.840.113556.1.4.649 unicode sp Phone-ISDN-Primary 0296c11f-40da-11d1-a9c0-0000f80367c1
primaryTelexNumber 1.2.840.113556.1.4.648 unicode sp Telex-Primary 0296c121-40da-11d1-a9c0-0000f80367c1
privateKey 1.2.840.113556.1.4.101 octet s Private-Key bf967a03-0de6-11d0-a285-00aa003049e2
profilePath 1.2.840.113556.1.4.139 unicode s Profile-Path bf967a05-0de6-11d0-a285-00aa003049e2
proxiedObjectName 1.2.840.113556.1.4.1249 dnBinary sn Proxied-Object-Name e1aea402-cd5b-11d0-afff-0000f80367c1
proxyAddresses 1.2.840.113556.1.2.210 unicode - Proxy-Addresses bf967a06-0de6-11d0-a285-00aa003049e2
pwdHistoryLength 1.2.840.113556.1.4.95 integer s Pwd-History-Length bf967a09-0de6-11d0-a285-00aa003049e2
pwdLastSet 1.2.840.113556.1.4.96 largeInteger s Pwd-Last-Set bf967a0a-0de6-11d0-a285-00aa003049e2
pwdProperties 1.2.840.113556.1.4.93 integer s Pwd-Properties bf967a0b-0de6-11d0-a285-00aa003049e2
queryPolicyBL 1.2.840.113556.1.4.608 dn n Query-Policy-BL e1aea404-cd5b-11d0-afff-0000f80367c1
queryPolicyObject 1.2.840.113556.1.4.607 dn s Query-Policy-Object e1aea403-cd5b-11d0-afff-0000f80367c1
rangeLower 1.2.840.113556.1.2.34 integer s Range-Lower bf967a0c-0de6-11d0-a285-00aa003049e2
rangeUpper 1.2.840.113556.1.2.35 integer s Range-Upper bf967a0d-0de6-11d0-a285-00aa003049e2
rDNAttID 1.2.840.113556.1.2.26 oid sn RDN-Att-ID bf967a0f-0de6-11d0-a285-00aa003049e2
registeredAddress 2.5.4.26 octet p Registered-Address bf967a10-0de6-11d0-a285-00aa003049e2
replicaSource 1.2.840.113556.1.4.109 unicode sn Replica-Source bf967a18-0de6-11d0-a285-00aa003049e2
replPropertyMetaData 1.2.840.113556.1.4.3 octet sn Repl-Property-Meta-Data 281416c0-1968-11d0-a28f-00aa003049e2
replUpToDateVector 1.2.840.113556.1.4.4 octet sn Repl-UpToDate-Vector bf967a16-0de6-11d0-a285-00aa003049e2
repsFrom 1.2.840.113556.1.2.91 replicaLink n Reps-From bf967a1d-0de6-11d0-a285-00aa003049e2
repsTo 1.2.840.113556.1.2.83 replicaLink n Reps-To bf967a1e-0de6-11d0-a285-00aa003049e2
retiredReplDSASignatures 1.2.840.113556.1.4.673 octet sn Retired-Repl-DSA-Signatures 7bfdcb7f-4807-11d1-a9c3-0000f80367c1
revision 1.2.840.113556.1.4.145 integer s Revision bf967a21-0de6-11d0-a285-00aa003049e2
rid 1.2.840.113556.1.4.153 integer s Rid bf967a22-0de6-11d0-a285-00aa003049e2
rIDManagerReference 1.2.840.113556.1.4.368 dn sn RID-Manager-Reference 66171886-8f3c-11d0-afda-00c04fd930c9
rIDSetReferences 1.2.840.113556.1.4.669 dn n RID-Set-References 7bfdcb7b-4807-11d1-a9c3-0000f80367c1
roomNumber 0.9.2342.19200300.100.1.6 unicode - roomNumber 81d7f8c2-e327-4a0d-91c6-b42d4009115f
rootTrust 1.2.840.113556.1.4.674 dn - Root-Trust 7bfdcb80-4807-11d1-a9c3-0000f80367c1
sAMAccountName 1.2.840.113556.1.4.221 unicode s SAM-Account-Name 3e0abfd0-126a-11d0-a060-00aa006c33ed
sAMAccountType 1.2.840.113556.1.4.302 integer s SAM-Account-Type 6e7b626c-64f2-11d0-afd2-00c04fd930c9
schemaFlagsEx 1.2.840.113556.1.4.120 integer sn Schema-Flags-Ex bf967a2b-0de6-11d0-a285-00aa003049e2
schemaIDGUID 1.2.840.113556.1.4.148 octet sn Schema-ID-GUID bf967923-0de6-11d0-a285-00aa003049e2
schemaInfo 1.2.840.113556.1.4.1358 octet n Schema-Info f9fb64ae-93b4-11d2-9945-0000f87a57d4
schemaUpdate 1.2.840.113556.1.4.481 generalizedTime s Schema-Update 1e2d06b4-ac8f-11d0-afe3-00c04fd930c9
schemaVersion 1.2.840.113556.1.2.471 integer - Schema-Version bf967a2c-0de6-11d0-a285-00aa003049e2
scriptPath 1.2.840.113556.1.4.62 unicode s Script-Path bf9679a8-0de6-11d0-a285-00aa003049e2
sDRightsEffective 1.2.840.113556.1.4.1304 integer sc SD-Rights-Effective c3dbafa6-33df-11d2-98b2-0000f87a57d4
searchFlags 1.2.840.113556.1.2.334 enumeration s Search-Flags bf967a2d-0de6-11d0-a285-00aa003049e2
searchGuide 2.5.4.14 octet - Search-Guide bf967a2e-0de6-11d0-a285-00aa003049e2
secretary 0.9.2342.19200300.100.1.21 dn - secretary 01072d9a-98ad-4a53-9744-e83e287278fb
securityIdentifier 1.2.840.113556.1.4.121 sid s Security-Identifier bf967a2f-0de6-11d0-a285-00aa003049e2
seeAlso 2.5.4.34 dn - See-Also bf967a31-0de6-11d0-a285-00aa003049e2
serialNumber 2.5.4.5 printable - Serial-Number bf967a32-0de6-11d0-a285-00aa003049e2
serverReference 1.2.840.113556.1.4.515 dn s Server-Reference 26d9736d-6070-11d1-a9c6-0000f80367c1
serverReferenceBL 1.2.840.113556.1.4.516 dn n Server-Reference-BL 26d9736e-6070-11d1-a9c6-0000f80367c1
serverRole 1.2.840.113556.1.4.157 integer s Server-Role bf967a33-0de6-11d0-a285-00aa003049e2
serverState 1.2.840.113556.1.4.154 integer s Server-State bf967a34-0de6-11d0-a285-00aa003049e2
servicePrincipalName 1.2.840.113556.1.4.771 unicode - Service-Principal-Name f3a64788-5306-11d1-a9c5-0000f80367c1
shadowExpire 1.3.6.1.1.1.1.10 integer s ShadowExpire 75159a00-1fff-4cf4-8bff-4ef2695cf643
shadowFlag 1.3.6.1.1.1.1.11 integer s ShadowFlag 8dfeb70d-c5db-46b6-b15e-a4389e6cee9b
shadowInactive 1.3.6.1.1.1.1.9 integer s ShadowInactive 86871d1f-3310-4312-8efd-af49dcfb2671
shadowLastChange 1.3.6.1.1.1.1.5 integer s ShadowLastChange f8f2689c-29e8-4843-8177-e8b98e15eeac
shadowMax 1.3.6.1.1.1.1.7 integer s ShadowMax f285c952-50dd-449e-9160-3b880d99988d
shadowMin 1.3.6.1.1.1.1.6 integer s ShadowMin a76b8737-e5a1-4568-b057-dc12e04be4b2
shadowWarning 1.3.6.1.1.1.1.8 integer s ShadowWarning 7ae89c9c-2976-4a46-bb8a-340f88560117
showInAddressBook 1.2.840.113556.1.4.644 dn - Show-In-Address-Book 3e74f60e-3e73-11d1-a9c0-0000f80367c1
showInAdvancedViewOnly 1.2.840.113556.1.2.169 boolean s Show-In-Advanced-View-Only bf967984-0de6-11d0-a285-00aa003049e2
sIDHistory 1.2.840.113556.1.4.609 sid - SID-History 17eb4278-d167-11d0-b002-0000f80367c1
siteGUID 1.2.840.113556.1.4.362 octet s Site-GUID 3e978924-8c01-11d0-afda-00c04fd930c9
siteObjectBL 1.2.840.113556.1.4.513 dn n Site-Object-BL 3e10944d-c354-11d0-aff8-0000f80367c1
sn 2.5.4.4 unicode s Surname bf967a41-0de6-11d0-a285-00aa003049e2
st 2.5.4.8 unicode sp State-Or-Province-Name bf967a39-0de6-11d0-a285-00aa003049e2
street 2.5.4.9 unicode sp Street-Address bf967a3a-0de6-11d0-a285-00aa003049e2
streetAddress 1.2.840.113556.1.2.256 unicode sp Address f0f8ff84-1191-11d0-a060-00aa006c33ed
structuralObjectClass 2.5.21.9 oid c Structural-Object-Class 3860949f-f6a8-4b38-9950-81ecb6bc2982
subClassOf 1.2.840.113556.1.2.21 oid sn Sub-Class-Of bf967a3b-0de6-11d0-a285-00aa003049e2
subRefs 1.2.840.113556.1.2.7 dn n Sub-Refs bf967a3c-0de6-11d0-a285-00aa003049e2
subSchemaSubEntry 2.5.18.10 dn nc SubSchemaSubEntry 9a7ad94d-ca53-11d1-bbd0-0080c76670c0
superiorDNSRoot 1.2.840.113556.1.4.532 unicode s Superior-DNS-Root 5245801d-ca6a-11d0-afff-0000f80367c1
supplementalCredentials 1.2.840.113556.1.4.125 octet - Supplemental-Credentials bf967a3f-0de6-11d0-a285-00aa003049e2
systemAuxiliaryClass 1.2.840.113556.1.4.198 oid n System-Auxiliary-Class bf967a43-0de6-11d0-a285-00aa003049e2
systemFlags 1.2.840.113556.1.4.375 integer sn System-Flags e0fa1e62-9b45-11d0-afdd-00c04fd930c9
systemMayContain 1.2.840.113556.1.4.196 oid n System-May-Contain bf967a44-0de6-11d0-a285-00aa003049e2
systemMustContain 1.2.840.113556.1.4.197 oid n System-Must-Contain bf967a45-0de6-11d0-a285-00aa003049e2
systemOnly 1.2.840.113556.1.4.170 boolean sn System-Only bf967a46-0de6-11d0-a285-00aa003049e2
systemPossSuperiors 1.2.840.113556.1.4.195 oid n System-Poss-Superiors bf967a47-0de6-11d0-a285-00aa003049e2
telephoneNumber 2.5.4.20 unicode sp Telephone-Number bf967a49-0de6-11d0-a285-00aa003049e2
teletexTerminalIdentifier 2.5.4.22 octet p Teletex-Terminal-Identifier bf967a4a-0de6-11d0-a285-00aa003049e2
telexNumber 2.5.4.21 octet p Telex-Number bf967a4b-0de6-11d0-a285-00aa003049e2
terminalServer 1.2.840.113556.1.4.885 octet s Terminal-Server 6db69a1c-9422-11d1-aebd-0000f80367c1
textEncodedORAddress 0.9.2342.19200300.100.1.2 unicode s Text-Encoded-OR-Address a8df7489-c5ea-11d1-bbcb-0080c76670c0
thumbnailLogo 2.16.840.1.113730.3.1.36 octet s Logo bf9679a9-0de6-11d0-a285-00aa003049e2
thumbnailPhoto 2.16.840.1.113730.3.1.35 octet sp Picture 8d3bca50-1d7e-11d0-a081-00aa006c33ed
title 2.5.4.12 unicode s Title bf967a55-0de6-11d0-a285-00aa003049e2
tokenGroups 1.2.840.113556.1.4.1301 sid c Token-Groups b7c69e6d-2cc7-11d2-854e-00a0c983f608
tokenGroupsGlobalAndUniversal 1.2.840.113556.1.4.1418 sid c Token-Groups-Global-And-Universal 46a9b11d-60ae-405a-b7e8-ff8a58d456d2
tokenGroupsNoGCAcceptable 1.2.840.113556.1.4.1303 sid c Token-Groups-No-GC-Acceptable 040fc392-33df-11d2-98b2-0000f87a57d4
treeName 1.2.840.113556.1.4.660 unicode sn Tree-Name 28630ebd-41d5-11d1-a9c1-0000f80367c1
trustParent 1.2.840.113556.1.4.471 dn s Trust-Parent b000ea7a-a086-11d0-afdd-00c04fd930c9
uASCompat 1.2.840.113556.1.4.155 integer s UAS-Compat bf967a61-0de6-11d0-a285-00aa003049e2
uid 0.9.2342.19200300.100.1.1 unicode - uid 0bb0fca0-1e89-429f-901a-1413894d9f59
uidNumber 1.3.6.1.1.1.1.0 integer s UidNumber 850fcc8f-9c6b-47e1-b671-7c654be4d5b3
unicodePwd 1.2.840.113556.1.4.90 octet s Unicode-Pwd bf9679e1-0de6-11d0-a285-00aa003049e2
unixHomeDirectory 1.3.6.1.1.1.1.3 ia5 s UnixHomeDirectory bc2dba12-000f-464d-bf1d-0808465d8843
unixUserPassword 1.2.840.113556.1.4.1910 octet - UnixUserPassword 612cb747-c0e8-4f92-9221-fdd5f15b550d
uPNSuffixes 1.2.840.113556.1.4.890 unicode - UPN-Suffixes 032160bf-9824-11d1-aec0-0000f80367c1
url 1.2.840.113556.1.4.749 unicode w WWW-Page-Other 9a9a0221-4a5b-11d1-a9c3-0000f80367c1
userAccountControl 1.2.840.113556.1.4.8 integer s User-Account-Control bf967a68-0de6-11d0-a285-00aa003049e2
userCert 1.2.840.113556.1.4.645 octet sp User-Cert bf967a69-0de6-11d0-a285-00aa003049e2
userCertificate 2.5.4.36 octet p X509-Cert bf967a7f-0de6-11d0-a285-00aa003049e2
userParameters 1.2.840.113556.1.4.138 unicode s User-Parameters bf967a6d-0de6-11d0-a285-00aa003049e2
userPassword 2.5.4.35 octet - User-Password bf967a6e-0de6-11d0-a285-00aa003049e2
userPKCS12 2.16.840.1.113730.3.1.216 octet - userPKCS12 23998ab5-70f8-4007-a4c1-a84a38311f9a
userPrincipalName 1.2.840.113556.1.4.656 unicode s User-Principal-Name 28630ebb-41d5-11d1-a9c1-0000f80367c1
userSharedFolder 1.2.840.113556.1.4.751 unicode sp User-Shared-Folder 9a9a021f-4a5b-11d1-a9c3-0000f80367c1
userSharedFolderOther 1.2.840.113556.1.4.752 unicode p User-Shared-Folder-Other 9a9a0220-4a5b-11d1-a9c3-0000f80367c1
userSMIMECertificate 2.16.840.1.113730.3.140 octet p User-SMIME-Certificate e16a9db2-403c-11d1-a9c0-0000f80367c1
userWorkstations 1.2.840.113556.1.4.86 unicode s User-Workstations bf9679d7-0de6-11d0-a285-00aa003049e2
uSNChanged 1.2.840.113556.1.2.120 largeInteger sn USN-Changed bf967a6f-0de6-11d0-a285-00aa003049e2
uSNCreated 1.2.840.113556.1.2.19 largeInteger sn USN-Created bf967a70-0de6-11d0-a285-00aa003049e2
uSNDSALastObjRemoved 1.2.840.113556.1.2.267 largeInteger sn USN-DSA-Last-Obj-Removed bf967a71-0de6-11d0-a285-00aa003049e2
USNIntersite 1.2.840.113556.1.2.469 integer s USN-Intersite a8df7498-c5ea-11d1-bbcb-0080c76670c0
uSNLastObjRem 1.2.840.113556.1.2.121 largeInteger sn USN-Last-Obj-Rem bf967a73-0de6-11d0-a285-00aa003049e2
uSNSource 1.2.840.113556.1.4.896 largeInteger s USN-Source 167758ad-47f3-11d1-a9c3-0000f80367c1
volumeCount 1.2.840.113556.1.4.507 integer s Volume-Count 34aaa217-b699-11d0-afee-0000f80367c1
wbemPath 1.2.840.113556.1.4.301 unicode - Wbem-Path 244b2970-5abd-11d0-afd2-00c04fd930c9
wellKnownObjects 1.2.840.113556.1.4.618 dnBinary n Well-Known-Objects 05308983-7688-11d1-aded-00c04fd8d5cd
whenChanged 1.2.840.113556.1.2.3 generalizedTime sn When-Changed bf967a77-0de6-11d0-a285-00aa003049e2
whenCreated 1.2.840.113556.1.2.2 generalizedTime sn When-Created bf967a78-0de6-11d0-a285-00aa003049e2
wWWHomePage 1.2.840.113556.1.2.464 unicode sw WWW-Home-Page bf967a7a-0de6-11d0-a285-00aa003049e2
x121Address 2.5.4.24 numeric p X121-Address bf967a7b-0de6-11d0-a285-00aa003049e2
x500uniqueIdentifier 2.5.4.45 octet - x500uniqueIdentifier d07da11f-8a3d-42b6-b0aa-76c962be719a
`;

export const CLASS_ROWS: {
  name: string; cn: string; oid: string; guid: string; sup: string; kind: 'structural' | 'abstract' | 'auxiliary'; category: string;
  must: string; may: string; aux: string; possSuperiors: string;
}[] = [
  {
    name: 'top', cn: 'Top', oid: '2.5.6.0', guid: 'bf967ab7-0de6-11d0-a285-00aa003049e2', sup: '', kind: 'abstract', category: 'Top',
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
    name: 'domain', cn: 'Domain', oid: '1.2.840.113556.1.5.66', guid: '19195a5a-6da0-11d0-afd3-00c04fd930c9', sup: 'top', kind: 'abstract', category: 'Domain-DNS',
    must: 'dc',
    may: '',
    aux: '', possSuperiors: 'domain organization',
  },
  {
    name: 'domainDNS', cn: 'Domain-DNS', oid: '1.2.840.113556.1.5.67', guid: '19195a5b-6da0-11d0-afd3-00c04fd930c9', sup: 'domain', kind: 'structural', category: 'Domain-DNS',
    must: '',
    may: `
      msDS-ExpirePasswordsOnSmartCardOnlyAccounts msDS-EnabledFeature msDS-USNLastSyncSuccess msDS-Behavior-Version
      msDS-AllowedDNSSuffixes managedBy
    `,
    aux: 'samDomain', possSuperiors: 'domainDNS',
  },
  {
    name: 'samDomain', cn: 'Sam-Domain', oid: '1.2.840.113556.1.5.3', guid: 'bf967a90-0de6-11d0-a285-00aa003049e2', sup: 'top', kind: 'auxiliary', category: 'Sam-Domain',
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
    name: 'samDomainBase', cn: 'Sam-Domain-Base', oid: '1.2.840.113556.1.5.2', guid: 'bf967a91-0de6-11d0-a285-00aa003049e2', sup: 'top', kind: 'auxiliary', category: 'Sam-Domain-Base',
    must: '',
    may: `
      uASCompat serverState serverRole revision pwdProperties pwdHistoryLength oEMInformation objectSid nTSecurityDescriptor
      nextRid modifiedCountAtLastProm modifiedCount minPwdLength minPwdAge maxPwdAge lockoutThreshold lockoutDuration
      lockOutObservationWindow forceLogoff domainReplica creationTime
    `,
    aux: '', possSuperiors: '',
  },
  {
    name: 'container', cn: 'Container', oid: '1.2.840.113556.1.3.23', guid: 'bf967a8b-0de6-11d0-a285-00aa003049e2', sup: 'top', kind: 'structural', category: 'Container',
    must: 'cn',
    may: 'msDS-ObjectReference schemaVersion defaultClassStore',
    aux: '', possSuperiors: `
      msDS-AzScope msDS-AzApplication msDS-AzAdminManager subnet server nTDSService domainDNS organization configuration
      container organizationalUnit
    `,
  },
  {
    name: 'organizationalUnit', cn: 'Organizational-Unit', oid: '2.5.6.5', guid: 'bf967aa5-0de6-11d0-a285-00aa003049e2', sup: 'top', kind: 'structural', category: 'Organizational-Unit',
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
    name: 'group', cn: 'Group', oid: '1.2.840.113556.1.5.8', guid: 'bf967a9c-0de6-11d0-a285-00aa003049e2', sup: 'top', kind: 'structural', category: 'Group',
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
    name: 'mailRecipient', cn: 'Mail-Recipient', oid: '1.2.840.113556.1.3.46', guid: 'bf967aa1-0de6-11d0-a285-00aa003049e2', sup: 'top', kind: 'auxiliary', category: 'Mail-Recipient',
    must: 'cn',
    may: `
      msDS-ExternalDirectoryObjectId msDS-GeoCoordinatesLongitude msDS-GeoCoordinatesLatitude msDS-GeoCoordinatesAltitude
      msDS-PhoneticDisplayName userSMIMECertificate secretary msExchLabeledURI msExchAssistantName labeledURI userCertificate
      userCert textEncodedORAddress telephoneNumber showInAddressBook legacyExchangeDN garbageCollPeriod info
    `,
    aux: '', possSuperiors: 'container',
  },
  {
    name: 'securityPrincipal', cn: 'Security-Principal', oid: '1.2.840.113556.1.5.6', guid: 'bf967ab0-0de6-11d0-a285-00aa003049e2', sup: 'top', kind: 'auxiliary', category: 'Security-Principal',
    must: 'sAMAccountName objectSid',
    may: `
      supplementalCredentials sIDHistory securityIdentifier sAMAccountType rid msds-tokenGroupNamesNoGCAcceptable
      msds-tokenGroupNamesGlobalAndUniversal msds-tokenGroupNames tokenGroupsNoGCAcceptable tokenGroupsGlobalAndUniversal
      tokenGroups nTSecurityDescriptor msDS-KeyVersionNumber altSecurityIdentities accountNameHistory
    `,
    aux: '', possSuperiors: '',
  },
  {
    name: 'posixGroup', cn: 'PosixGroup', oid: '1.3.6.1.1.1.2.2', guid: '2a9350b8-062c-4ed0-9903-dde10d06deba', sup: 'top', kind: 'auxiliary', category: 'PosixGroup',
    must: '',
    may: 'memberUid gidNumber description unixUserPassword userPassword cn',
    aux: '', possSuperiors: '',
  },
  {
    name: 'person', cn: 'Person', oid: '2.5.6.6', guid: 'bf967aa7-0de6-11d0-a285-00aa003049e2', sup: 'top', kind: 'structural', category: 'Person',
    must: 'cn',
    may: 'attributeCertificateAttribute userPassword telephoneNumber sn serialNumber seeAlso',
    aux: '', possSuperiors: 'organizationalUnit container',
  },
  {
    name: 'organizationalPerson', cn: 'Organizational-Person', oid: '2.5.6.7', guid: 'bf967aa4-0de6-11d0-a285-00aa003049e2', sup: 'person', kind: 'structural', category: 'Person',
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
    name: 'user', cn: 'User', oid: '1.2.840.113556.1.5.9', guid: 'bf967aba-0de6-11d0-a285-00aa003049e2', sup: 'organizationalPerson', kind: 'structural', category: 'Person',
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
    name: 'msDS-CloudExtensions', cn: 'ms-DS-Cloud-Extensions', oid: '1.2.840.113556.1.5.283', guid: '641e87a4-8326-4771-ba2d-c706df35e35a', sup: 'top', kind: 'auxiliary', category: 'ms-DS-Cloud-Extensions',
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
    name: 'shadowAccount', cn: 'ShadowAccount', oid: '1.3.6.1.1.1.2.1', guid: '5b6d8467-1a18-4174-b350-9cc6e7b4ac8d', sup: 'top', kind: 'auxiliary', category: 'ShadowAccount',
    must: '',
    may: `
      shadowFlag shadowExpire shadowInactive shadowWarning shadowMax shadowMin shadowLastChange description userPassword uid
    `,
    aux: '', possSuperiors: '',
  },
  {
    name: 'posixAccount', cn: 'PosixAccount', oid: '1.3.6.1.1.1.2.0', guid: 'ad44bb41-67d5-4d88-b575-7b20674e76d8', sup: 'top', kind: 'auxiliary', category: 'PosixAccount',
    must: '',
    may: `
      description gecos loginShell unixUserPassword userPassword homeDirectory unixHomeDirectory gidNumber uidNumber cn uid
    `,
    aux: '', possSuperiors: '',
  },
  {
    name: 'computer', cn: 'Computer', oid: '1.2.840.113556.1.3.30', guid: 'bf967a86-0de6-11d0-a285-00aa003049e2', sup: 'user', kind: 'structural', category: 'Computer',
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
    name: 'ipHost', cn: 'IpHost', oid: '1.3.6.1.1.1.2.6', guid: 'ab911646-8827-4f95-8780-5a8f008eb68f', sup: 'top', kind: 'auxiliary', category: 'IpHost',
    must: '',
    may: 'manager l uid ipHostNumber description cn',
    aux: '', possSuperiors: '',
  },
  {
    name: 'foreignSecurityPrincipal', cn: 'Foreign-Security-Principal', oid: '1.2.840.113556.1.5.76', guid: '89e31c12-8530-11d0-afda-00c04fd930c9', sup: 'top', kind: 'structural', category: 'Foreign-Security-Principal',
    must: 'objectSid',
    may: 'foreignIdentifier',
    aux: '', possSuperiors: 'container',
  },
  {
    name: 'builtinDomain', cn: 'Builtin-Domain', oid: '1.2.840.113556.1.5.4', guid: 'bf967a81-0de6-11d0-a285-00aa003049e2', sup: 'top', kind: 'structural', category: 'Builtin-Domain',
    must: '',
    may: '',
    aux: 'samDomainBase', possSuperiors: 'domainDNS',
  },
  {
    name: 'configuration', cn: 'Configuration', oid: '1.2.840.113556.1.5.12', guid: 'bf967a87-0de6-11d0-a285-00aa003049e2', sup: 'top', kind: 'structural', category: 'Configuration',
    must: 'cn',
    may: 'msDS-USNLastSyncSuccess gPOptions gPLink',
    aux: '', possSuperiors: 'domainDNS',
  },
  {
    name: 'dMD', cn: 'DMD', oid: '1.2.840.113556.1.3.9', guid: 'bf967a8f-0de6-11d0-a285-00aa003049e2', sup: 'top', kind: 'structural', category: 'DMD',
    must: 'cn',
    may: 'msDS-USNLastSyncSuccess schemaUpdate schemaInfo prefixMap msDs-Schema-Extensions msDS-IntId dmdName',
    aux: '', possSuperiors: 'configuration',
  },
  {
    name: 'subSchema', cn: 'SubSchema', oid: '2.5.20.1', guid: '5a8b3261-c38d-11d1-bbc9-0080c76670c0', sup: 'top', kind: 'structural', category: 'SubSchema',
    must: '',
    may: 'objectClasses modifyTimeStamp extendedClassInfo extendedAttributeInfo dITContentRules attributeTypes',
    aux: '', possSuperiors: 'dMD',
  },
  {
    name: 'crossRefContainer', cn: 'Cross-Ref-Container', oid: '1.2.840.113556.1.5.7000.53', guid: 'ef9e60e0-56f7-11d1-a9c6-0000f80367c1', sup: 'top', kind: 'structural', category: 'Cross-Ref-Container',
    must: '',
    may: `
      msDS-EnabledFeature msDS-SPNSuffixes uPNSuffixes msDS-UpdateScript msDS-ExecuteScriptPassword msDS-Behavior-Version
    `,
    aux: '', possSuperiors: 'configuration',
  },
  {
    name: 'crossRef', cn: 'Cross-Ref', oid: '1.2.840.113556.1.3.11', guid: 'bf967a8d-0de6-11d0-a285-00aa003049e2', sup: 'top', kind: 'structural', category: 'Cross-Ref',
    must: 'nCName dnsRoot cn',
    may: `
      trustParent superiorDNSRoot rootTrust nTMixedDomain nETBIOSName Enabled msDS-SDReferenceDomain
      msDS-Replication-Notify-Subsequent-DSA-Delay msDS-Replication-Notify-First-DSA-Delay msDS-NC-RO-Replica-Locations
      msDS-NC-Replica-Locations msDS-DnsRootAlias msDS-Behavior-Version
    `,
    aux: '', possSuperiors: 'crossRefContainer',
  },
  {
    name: 'sitesContainer', cn: 'Sites-Container', oid: '1.2.840.113556.1.5.107', guid: '7a4117da-cd67-11d0-afff-0000f80367c1', sup: 'top', kind: 'structural', category: 'Sites-Container',
    must: '',
    may: '',
    aux: '', possSuperiors: 'configuration',
  },
  {
    name: 'site', cn: 'Site', oid: '1.2.840.113556.1.5.31', guid: 'bf967ab3-0de6-11d0-a285-00aa003049e2', sup: 'top', kind: 'structural', category: 'Site',
    must: '',
    may: `
      msDS-BridgeHeadServersUsed notificationList mSMQSiteID mSMQSiteForeign mSMQNt4Stub mSMQInterval2 mSMQInterval1 managedBy
      location gPOptions gPLink
    `,
    aux: '', possSuperiors: 'sitesContainer',
  },
  {
    name: 'serversContainer', cn: 'Servers-Container', oid: '1.2.840.113556.1.5.7000.48', guid: 'f780acc0-56f0-11d1-a9c6-0000f80367c1', sup: 'top', kind: 'structural', category: 'Servers-Container',
    must: '',
    may: '',
    aux: '', possSuperiors: 'site',
  },
  {
    name: 'server', cn: 'Server', oid: '1.2.840.113556.1.5.17', guid: 'bf967a92-0de6-11d0-a285-00aa003049e2', sup: 'top', kind: 'structural', category: 'Server',
    must: '',
    may: `
      msDS-IsUserCachableAtRodc msDS-SiteName msDS-isRODC msDS-isGC mailAddress serverReference serialNumber managedBy
      dNSHostName bridgeheadTransportList
    `,
    aux: '', possSuperiors: 'serversContainer',
  },
  {
    name: 'applicationSettings', cn: 'Application-Settings', oid: '1.2.840.113556.1.5.7000.49', guid: 'f780acc1-56f0-11d1-a9c6-0000f80367c1', sup: 'top', kind: 'abstract', category: 'Application-Settings',
    must: '',
    may: 'notificationList msDS-Settings applicationName',
    aux: '', possSuperiors: 'server',
  },
  {
    name: 'nTDSDSA', cn: 'NTDS-DSA', oid: '1.2.840.113556.1.5.7000.47', guid: 'f0f8ffab-1191-11d0-a060-00aa006c33ed', sup: 'applicationSettings', kind: 'structural', category: 'NTDS-DSA',
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
    name: 'attributeSchema', cn: 'Attribute-Schema', oid: '1.2.840.113556.1.3.14', guid: 'bf967a80-0de6-11d0-a285-00aa003049e2', sup: 'top', kind: 'structural', category: 'Attribute-Schema',
    must: 'schemaIDGUID oMSyntax lDAPDisplayName isSingleValued cn attributeSyntax attributeID',
    may: `
      systemOnly searchFlags schemaFlagsEx rangeUpper rangeLower oMObjectClass msDs-Schema-Extensions msDS-IntId mAPIID linkID
      isMemberOfPartialAttributeSet isEphemeral isDefunct extendedCharsAllowed classDisplayName attributeSecurityGUID
    `,
    aux: '', possSuperiors: 'dMD',
  },
  {
    name: 'classSchema', cn: 'Class-Schema', oid: '1.2.840.113556.1.3.13', guid: 'bf967a83-0de6-11d0-a285-00aa003049e2', sup: 'top', kind: 'structural', category: 'Class-Schema',
    must: 'subClassOf schemaIDGUID objectClassCategory governsID defaultObjectCategory cn',
    may: `
      systemPossSuperiors systemOnly systemMustContain systemMayContain systemAuxiliaryClass schemaFlagsEx rDNAttID
      possSuperiors mustContain msDs-Schema-Extensions msDS-IntId mayContain lDAPDisplayName isDefunct
      defaultSecurityDescriptor defaultHidingValue classDisplayName auxiliaryClass
    `,
    aux: '', possSuperiors: 'dMD',
  },
];
