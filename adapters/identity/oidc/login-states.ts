// Pending OIDC logins (PKCE verifier, nonce, relay state) keyed by the `state` parameter, single use, with a
// TTL. Store-backed so that any replica can finish a login another one started; a memory variant for tests and
// single-process use.
import type { LoginStates, PendingLogin } from '../../../server/contracts/login-providers.ts';
import type { Store } from '../../../server/contracts/store.ts';

export const OIDC_LOGIN = 'oidc-login-state';

export type { LoginStates, PendingLogin };

export const LOGIN_TTL_MS = 10 * 60_000;

export function storeLoginStates(store: Store, ttlMs = LOGIN_TTL_MS, now: () => number = Date.now): LoginStates {
  return {
    async put(state, login) {
      await store.entities.insert({ account: '', kind: OIDC_LOGIN, key: state, data: login, expiresAt: new Date(login.createdAt + ttlMs) });
    },
    async take(state) {
      const rec = await store.entities.get<PendingLogin>('', OIDC_LOGIN, state);
      if (!rec || !(await store.entities.delete('', OIDC_LOGIN, state))) return undefined; // a concurrent take won
      return now() - rec.data.createdAt > ttlMs ? undefined : rec.data;
    },
    async peek(state) {
      return state.length > 200 ? undefined : (await store.entities.get<PendingLogin>('', OIDC_LOGIN, state))?.data;
    },
  };
}

export function memoryLoginStates(ttlMs = LOGIN_TTL_MS, now: () => number = Date.now): LoginStates {
  const m = new Map<string, PendingLogin>();
  return {
    async put(state, login) {
      for (const [k, v] of m) if (now() - v.createdAt > ttlMs) m.delete(k);
      m.set(state, login);
    },
    async take(state) {
      const v = m.get(state);
      m.delete(state);
      return v && now() - v.createdAt <= ttlMs ? v : undefined;
    },
    async peek(state) {
      return m.get(state);
    },
  };
}
