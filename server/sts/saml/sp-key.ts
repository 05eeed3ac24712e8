// The broker's SAML service-provider key pair (decrypts EncryptedAssertion, signs AuthnRequests, published in
// the SP metadata). Kept in the Store so every replica has it; the private key is sealed with the key ring.
import type { Store } from '../../contracts/store.ts';
import type { KeyRing } from '../../keys/keyring.ts';

export const SAML_SP_KEY = 'saml-sp-key';
const KEY = 'default';
const AAD = 'idbroker saml sp private key';

export interface SpKeyPair {
  /** PEM private key (PKCS#8 or PKCS#1). */
  privateKey: string;
  /** PEM X.509 certificate for the same key. */
  certificate: string;
}

interface Stored {
  certificate: string;
  sealedPrivateKey: string;
}

/** Stores (or replaces) the SP key pair. */
export async function saveSpKeyPair(store: Store, keys: KeyRing, pair: SpKeyPair): Promise<void> {
  const data: Stored = { certificate: pair.certificate, sealedPrivateKey: keys.seal(pair.privateKey, AAD) };
  await store.entities.upsert({ account: '', kind: SAML_SP_KEY, key: KEY, data });
}

/** The SP key pair, or undefined when none was configured. */
export async function loadSpKeyPair(store: Store, keys: KeyRing): Promise<SpKeyPair | undefined> {
  const rec = await store.entities.get<Stored>('', SAML_SP_KEY, KEY);
  if (!rec) return undefined;
  return { certificate: rec.data.certificate, privateKey: keys.open(rec.data.sealedPrivateKey, AAD) };
}
