// Where to send the browser after a federated sign-in: only a path on this broker (`/roles`, `/x?y`), never another
// origin (`//evil`, `/\evil`, `https://…`), never control characters; anything else means the default.
const SAFE = /^\/(?![/\\])[\x21-\x7e]{0,512}$/;

export function safeRelayState(v: unknown): string | undefined {
  if (typeof v !== 'string' || !SAFE.test(v) || v.includes('\\')) return undefined;
  return v;
}
