// A SAML provider's metadata as AssumeRoleWithSAML and the ACS read it on every response: parsed once per
// distinct document (the provider record carries the XML; parsing it cost as much as verifying a signature).
import { parseSamlMetadata, type SamlIdpMetadata } from '../../iam/saml-metadata.ts';

const parsed = new Map<string, Readonly<SamlIdpMetadata>>();
const LIMIT = 256;

/** parseSamlMetadata(xml), remembered for the last few hundred distinct documents; throws as it does. */
export function providerMetadata(xml: string): Readonly<SamlIdpMetadata> {
  let md = parsed.get(xml);
  if (!md) {
    md = Object.freeze(parseSamlMetadata(xml));
    if (parsed.size >= LIMIT) parsed.delete(parsed.keys().next().value!);
    parsed.set(xml, md);
  }
  return md;
}
