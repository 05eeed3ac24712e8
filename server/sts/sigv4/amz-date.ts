// SigV4 timestamps: the compact ISO-8601 "basic format" (20261128T042909Z) that X-Amz-Date carries,
// and the RFC 7231 IMF-fixdate that a Date header may carry instead.

const BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const IMF = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number): Date | undefined {
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const date = new Date(t);
  // Reject out-of-range fields (month 13, 31 February, 25:00) instead of letting Date roll them over.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  if (date.getUTCHours() !== h || date.getUTCMinutes() !== mi || date.getUTCSeconds() !== s) return undefined;
  return date;
}

/** Parses `YYYYMMDDTHHMMSSZ`; undefined when the text is not exactly that or names no real instant. */
export function parseAmzDate(text: string): Date | undefined {
  const m = BASIC.exec(text);
  if (!m) return undefined;
  return utc(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6]);
}

/** Parses a Date header: the basic format or an IMF-fixdate (`Sat, 28 Nov 2026 04:29:09 GMT`). */
export function parseHttpDate(text: string): Date | undefined {
  const basic = parseAmzDate(text);
  if (basic) return basic;
  const m = IMF.exec(text);
  if (!m) return undefined;
  return utc(+m[3], MONTHS.indexOf(m[2]) / 3 + 1, +m[1], +m[4], +m[5], +m[6]);
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Formats an instant as `YYYYMMDDTHHMMSSZ` (whole seconds, UTC). */
export function formatAmzDate(date: Date): string {
  return (
    String(date.getUTCFullYear()).padStart(4, '0') +
    two(date.getUTCMonth() + 1) +
    two(date.getUTCDate()) +
    'T' +
    two(date.getUTCHours()) +
    two(date.getUTCMinutes()) +
    two(date.getUTCSeconds()) +
    'Z'
  );
}
