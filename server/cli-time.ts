// Times given on the command line (`idbroker audit --since`, `sessions revoke --before`): an ISO 8601 time
// (2026-12-01, 2026-12-01T10:00:00Z), epoch seconds, or a duration back from now — 30s, 15m, 2h, 7d, 1w.
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export const CLI_TIME_HELP = 'an ISO 8601 time, epoch seconds, or a duration back from now (30s, 15m, 2h, 7d, 1w)';

/** The time `v` names, or undefined when it names none. */
export function parseCliTime(v: string, now: Date): Date | undefined {
  const ago = /^(\d{1,9})([smhdw])$/.exec(v.trim());
  if (ago) return new Date(now.getTime() - Number(ago[1]) * UNIT_MS[ago[2]]);
  if (/^\d{9,11}$/.test(v)) return new Date(Number(v) * 1000);
  if (!/^\d{4}-\d{2}-\d{2}/.test(v)) return undefined; // Date.parse takes too much ("1", "May 5")
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t);
}
