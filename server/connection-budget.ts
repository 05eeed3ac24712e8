// The process-wide connection budget: every accepted connection costs a file descriptor, so the listeners' connection
// limits together must stay below the process's RLIMIT_NOFILE, minus a reserve for everything else (the store, the
// upstream directory and IdP connections, log and key files). When the configured limits do not fit, each listener
// gets a share proportional to its limit, so that a flood on one listener (HTTP) can never take the descriptors
// another one (LDAP) needs to accept and vice versa.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Assumed when the limit cannot be read (the most common default soft limit). */
export const FALLBACK_OPEN_FILES = 1024;

/**
 * The process's soft RLIMIT_NOFILE (Node raises it to the hard limit at start-up): /proc/self/limits on Linux,
 * `ulimit -n` through /bin/sh elsewhere (a child inherits the limit), else FALLBACK_OPEN_FILES. Infinity when unlimited.
 */
export function openFileLimit(): { limit: number; source: string } {
  try {
    const m = /^Max open files\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    if (m) return { limit: m[1] === 'unlimited' ? Infinity : Number(m[1]), source: '/proc/self/limits' };
  } catch {
    // not Linux
  }
  try {
    const out = execFileSync('/bin/sh', ['-c', 'ulimit -n'], { encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (out === 'unlimited') return { limit: Infinity, source: 'ulimit -n' };
    if (/^\d+$/.test(out)) return { limit: Number(out), source: 'ulimit -n' };
  } catch {
    // no shell
  }
  return { limit: FALLBACK_OPEN_FILES, source: 'default' };
}

export interface ListenerDemand {
  /** e.g. "http", "https", "ldap d-1234567890" */
  name: string;
  /** Its configured connection limit. */
  maxConnections: number;
}

export interface ConnectionBudget {
  openFiles: number;
  reserve: number;
  /** Descriptors the listeners may use together: openFiles − reserve. */
  budget: number;
  /** Each listener's effective limit, by name. */
  caps: Map<string, number>;
  /** True when the configured limits did not fit and were scaled down. */
  scaled: boolean;
}

/** Fits the listeners' limits into openFiles − reserve, proportionally; every listener keeps at least 1. */
export function planConnectionBudget(demands: ListenerDemand[], openFiles: number, reserve: number): ConnectionBudget {
  const budget = Math.max(demands.length, openFiles - reserve);
  const total = demands.reduce((n, d) => n + d.maxConnections, 0);
  const scaled = Number.isFinite(budget) && total > budget;
  const caps = new Map(demands.map((d) => [d.name, scaled ? Math.max(1, Math.floor((d.maxConnections * budget) / total)) : d.maxConnections]));
  return { openFiles, reserve, budget, caps, scaled };
}

/** The warning to log when the limits were scaled down: what each listener gets and how to fix it. */
export function budgetWarning(plan: ConnectionBudget, demands: ListenerDemand[]): string {
  const list = demands.map((d) => `${d.name} ${plan.caps.get(d.name)} (configured ${d.maxConnections})`).join(', ');
  return (
    `connection limits lowered to fit ${plan.openFiles} open files (RLIMIT_NOFILE) minus ${plan.reserve} reserved (limits.fileDescriptorReserve): ${list}. ` +
    'Raise the open-file limit (ulimit -n, LimitNOFILE=, docker --ulimit nofile=) or lower http.maxConnections and directories[].ldapLimits.maxConnections.'
  );
}
