// EncryptedAssertion → Assertion XML, with xml-encryption (the library @node-saml uses), refusing RSA 1.5 / 3DES.
import { XMLSerializer } from '@xmldom/xmldom';
import xmlenc from 'xml-encryption';
import { AwsError } from '../../contracts/errors.ts';
import { NS, onlyChild } from './dom.ts';

const failed = (cause?: unknown) => new AwsError('InvalidIdentityToken', 'Unable to decrypt the EncryptedAssertion', cause ? { cause } : undefined);

export async function decryptAssertion(encrypted: Element, privateKeyPem: string | undefined): Promise<string> {
  if (!privateKeyPem) throw new AwsError('InvalidIdentityToken', 'The response has an EncryptedAssertion but no SP decryption key is configured');
  const data = onlyChild(encrypted, NS.xenc, 'EncryptedData');
  if (!data) throw failed();
  const xml = new XMLSerializer().serializeToString(data);
  try {
    return await new Promise<string>((resolve, reject) =>
      xmlenc.decrypt(xml, { key: privateKeyPem, disallowDecryptionWithInsecureAlgorithm: true, warnInsecureAlgorithm: false }, (err, out) => (err ? reject(err) : resolve(out))),
    );
  } catch (err) {
    throw failed(err);
  }
}
