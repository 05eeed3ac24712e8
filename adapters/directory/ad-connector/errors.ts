// What an upstream failure means. An LDAP result from the DC (ldapts ResultCodeError) is an
// answer: it goes back to the client with the DC's result code and diagnostic unchanged. Anything
// else (refused, reset, TLS, timeout) means that DC could not answer: the caller fails over.
import { ResultCodeError } from 'ldapts';
import { type AdBindCode, LdapError, ResultCode, type ResultCodeName } from '../../../server/contracts/directory.ts';

const NAME_OF = new Map<number, ResultCodeName>(Object.entries(ResultCode).map(([n, c]) => [c, n as ResultCodeName]));

/** An LDAP result relayed from an upstream DC. `adCode` is the `data XXX` of an AD bind failure
 *  (`52e` when the DC is not AD-like and says nothing), for callers that want a BindResult. */
export class UpstreamLdapError extends LdapError {
  readonly upstreamResultCode: number;
  readonly adCode?: AdBindCode;
  constructor(resultCode: number, diagnostic: string, cause?: unknown) {
    super(NAME_OF.get(resultCode) ?? 'other', diagnostic, { cause });
    this.name = 'UpstreamLdapError';
    this.upstreamResultCode = resultCode;
    if (resultCode === ResultCode.invalidCredentials) {
      this.adCode = (/\bdata ([0-9a-f]{3}),/i.exec(diagnostic)?.[1]?.toLowerCase() as AdBindCode | undefined) ?? '52e';
    }
  }
}

export const isLdapAnswer = (e: unknown): e is ResultCodeError => e instanceof ResultCodeError;

/** The DC's diagnosticMessage: ldapts appends ` Code: 0x<code>` to it, which is removed here. */
export function diagnosticOf(e: ResultCodeError): string {
  const suffix = ` Code: 0x${e.code.toString(16)}`;
  return e.message.endsWith(suffix) ? e.message.slice(0, -suffix.length) : e.message;
}

export function relay(e: ResultCodeError): UpstreamLdapError {
  return new UpstreamLdapError(e.code, diagnosticOf(e), e);
}

/** When no DC can answer: unavailable (52), or busy (51) when they answer but every pooled
 *  connection is taken. Never carries a credential or an upstream address. */
export const unavailable = (why: string) => new LdapError('unavailable', why);
export const busy = (why: string) => new LdapError('busy', why);

/** A short, credential-free description of a transport error for logs. */
export function describe(e: unknown): string {
  if (e instanceof Error) return `${(e as NodeJS.ErrnoException).code ?? e.name}: ${e.message.split('\n')[0]}`;
  return String(e);
}
