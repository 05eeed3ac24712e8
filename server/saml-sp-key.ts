// The broker's SAML SP key pair: generated once (RSA 2048, self-signed, 10 years) into the Store, sealed with
// the key ring, so every replica signs AuthnRequests and decrypts assertions with the same key.
import selfsigned from 'selfsigned';
import type { Store } from './contracts/store.ts';
import type { KeyRing } from './keys/keyring.ts';
import { loadSpKeyPair, saveSpKeyPair, type SpKeyPair } from './sts/saml/sp-key.ts';

export async function ensureSpKeyPair(store: Store, keys: KeyRing, commonName: string): Promise<SpKeyPair> {
  const have = await loadSpKeyPair(store, keys);
  if (have) return have;
  const notAfter = new Date();
  notAfter.setFullYear(notAfter.getFullYear() + 10);
  const pems = await selfsigned.generate([{ name: 'commonName', value: commonName }], { keyType: 'rsa', keySize: 2048, algorithm: 'sha256', notAfterDate: notAfter });
  const pair = { privateKey: pems.private, certificate: pems.cert };
  // Several replicas may start at once: the first one's pair wins, the others read it back.
  const won = await store.transaction(async (tx) => tx.meta.setIfAbsent('saml-sp-key', new Date().toISOString()));
  if (won) await saveSpKeyPair(store, keys, pair);
  for (let i = 0; i < 50; i++) {
    const stored = await loadSpKeyPair(store, keys);
    if (stored) return stored;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the SAML SP key pair was not stored by the replica that generated it');
}
