// Single use of an assertion ID, across replicas: an entity per (issuer, ID) in the Store, kept until the
// assertion's NotOnOrAfter (the record's expiry in the Store). A second use finds the record (ConflictError) and
// is refused.
import { createHash } from 'node:crypto';
import { AwsError, ConflictError } from '../../contracts/errors.ts';
import type { Store } from '../../contracts/store.ts';

export const SAML_REPLAY = 'saml-replay';

interface ReplayRecord {
  expiresAt: string;
}

/** Records the assertion as used; throws InvalidIdentityToken when it was used before (and has not expired). */
export async function useAssertionOnce(store: Store, issuer: string, assertionId: string, expiresAt: Date, now: Date): Promise<void> {
  const key = createHash('sha256').update(`${issuer}\n${assertionId}`).digest('hex');
  const record = { account: '', kind: SAML_REPLAY, key, data: { expiresAt: expiresAt.toISOString() } satisfies ReplayRecord, expiresAt };
  try {
    await store.entities.insert(record);
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
    const have = await store.entities.get<ReplayRecord>('', SAML_REPLAY, key);
    // A stale record (its assertion expired long ago) cannot shadow a new one; the window check ran first.
    if (have && Date.parse(have.data.expiresAt) <= now.getTime()) {
      await store.entities.upsert(record);
      return;
    }
    throw new AwsError('InvalidIdentityToken', 'The SAML assertion has already been used (replay)', { cause: err });
  }
}

