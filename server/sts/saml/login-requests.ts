// The AuthnRequests the broker sent (SP-initiated browser logins), in the Store so that any replica can take the
// response: request ID → provider ARN and time. Single use; older than the TTL means the login took too long.
import { AwsError } from '../../contracts/errors.ts';
import type { Store } from '../../contracts/store.ts';

export const SAML_LOGIN_REQUEST = 'saml-login-request';
export const SAML_LOGIN_TTL_MS = 10 * 60_000;

export interface PendingSamlRequest {
  provider: string;
  createdAt: number; // epoch ms
}

export interface SamlRequests {
  save(id: string, providerArn: string, now: Date): Promise<void>;
  peek(id: string): Promise<PendingSamlRequest | undefined>;
  /** Uses the request up; throws AWS's error when it is unknown, used, for another provider or too old. */
  take(id: string, providerArn: string, now: Date): Promise<void>;
}

export function storeSamlRequests(store: Store, ttlMs = SAML_LOGIN_TTL_MS): SamlRequests {
  const valid = (id: string) => id.length > 0 && id.length <= 256;
  return {
    async save(id, provider, now) {
      // kept a second TTL in the Store, so that a late answer is told it took too long rather than unknown
      const expiresAt = new Date(now.getTime() + 2 * ttlMs);
      await store.entities.insert({ account: '', kind: SAML_LOGIN_REQUEST, key: id, data: { provider, createdAt: now.getTime() } satisfies PendingSamlRequest, expiresAt });
    },
    async peek(id) {
      return valid(id) ? (await store.entities.get<PendingSamlRequest>('', SAML_LOGIN_REQUEST, id))?.data : undefined;
    },
    async take(id, provider, now) {
      const rec = valid(id) ? await store.entities.get<PendingSamlRequest>('', SAML_LOGIN_REQUEST, id) : undefined;
      // Deleting decides between two replicas taking the same response at once.
      if (!rec || rec.data.provider !== provider || !(await store.entities.delete('', SAML_LOGIN_REQUEST, id))) {
        throw new AwsError('InvalidIdentityToken', 'The SAML response answers no sign-in started here (unknown or already used InResponseTo)');
      }
      if (now.getTime() - rec.data.createdAt > ttlMs) throw new AwsError('ExpiredTokenException', 'The sign-in took too long (more than 10 minutes). Start it again.');
    },
  };
}
