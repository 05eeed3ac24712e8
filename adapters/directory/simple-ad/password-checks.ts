// Every verification of a user's password against the stored hash (binds, and the old password of a change)
// passes here, so it can be observed: the lockout's guarantee — at most `threshold` verifications per window,
// however many attempts arrive at once — is a number that tests (and operators' probes) can count.
import { verifyPassword } from './passwords.ts';

const observers = new Set<() => void>();

/** Calls `fn` on each password verification in this process; returns the function that stops it. */
export function observePasswordChecks(fn: () => void): () => void {
  observers.add(fn);
  return () => observers.delete(fn);
}

/** verifyPassword, observed. */
export function checkPassword(password: string, stored: string): Promise<boolean> {
  for (const fn of observers) fn();
  return verifyPassword(password, stored);
}
