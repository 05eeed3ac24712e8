// The seam for a directory's external MFA server (RADIUS today, adapters/mfa/radius): a user name and the
// one-time code they typed → accepted or not. A wrong code is a result; a server that cannot answer (timeout,
// answers that do not verify under the shared secret) throws MfaUnavailableError.

export type OneTimeCodeResult = { ok: true } | { ok: false; reason: 'rejected' | 'challenge'; /** the server's Reply-Message */ message?: string };

export interface OneTimeCodeVerifier {
  readonly kind: 'radius';
  verify(userName: string, code: string): Promise<OneTimeCodeResult>;
}

/** The MFA server could not give an answer. The message says why (never the code or the shared secret). */
export class MfaUnavailableError extends Error {
  override readonly name = 'MfaUnavailableError';
  constructor(
    message: string,
    readonly reason: 'timeout' | 'bad-response' | 'network',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
