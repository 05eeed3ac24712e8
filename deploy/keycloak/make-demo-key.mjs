#!/usr/bin/env node
// Regenerates the demo realm's SAML/OIDC signing key: a new RSA key pair and self-signed certificate (openssl)
// go into realm-idbroker.json (the "rsa-demo" key provider Keycloak imports) and the certificate into
// saml-idp-metadata.xml (the IdP metadata the broker reads from identityProviders.saml). Keeping both in this
// repository is what lets `docker compose up` work without a step that fetches Keycloak's metadata.
// DEMO ONLY: the private key is public. Usage: node deploy/keycloak/make-demo-key.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ISSUER = 'http://keycloak.localhost:8180/realms/idbroker'; // KC_HOSTNAME in docker-compose.yml + the realm name
const tmp = mkdtempSync(join(tmpdir(), 'kc-demo-key-'));
try {
  const key = join(tmp, 'key.pem');
  const cert = join(tmp, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '3650', '-subj', '/CN=idbroker-demo-keycloak', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const body = (file) => readFileSync(file, 'utf8').replace(/-----[A-Z ]+-----|\s/g, '');
  const realmFile = join(here, 'realm-idbroker.json');
  const realm = JSON.parse(readFileSync(realmFile, 'utf8'));
  const providers = (realm.components['org.keycloak.keys.KeyProvider'] ??= []);
  const rest = providers.filter((p) => p.name !== 'rsa-demo');
  const rsa = {
    name: 'rsa-demo',
    providerId: 'rsa',
    subComponents: {},
    config: { privateKey: [body(key)], certificate: [body(cert)], priority: ['200'], enabled: ['true'], active: ['true'], algorithm: ['RS256'], keyUse: ['SIG'] },
  };
  realm.components['org.keycloak.keys.KeyProvider'] = [rsa, ...rest];
  writeFileSync(realmFile, JSON.stringify(realm, null, 2) + '\n');
  const metadata = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Keycloak realm "idbroker" as a SAML IdP (what ${ISSUER}/protocol/saml/descriptor serves), written by make-demo-key.mjs. -->
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${ISSUER}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo>
        <ds:X509Data>
          <ds:X509Certificate>${body(cert)}</ds:X509Certificate>
        </ds:X509Data>
      </ds:KeyInfo>
    </md:KeyDescriptor>
    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${ISSUER}/protocol/saml"/>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</md:NameIDFormat>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${ISSUER}/protocol/saml"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ISSUER}/protocol/saml"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
`;
  writeFileSync(join(here, 'saml-idp-metadata.xml'), metadata);
  process.stdout.write('wrote the rsa-demo key provider in realm-idbroker.json and saml-idp-metadata.xml\n');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
