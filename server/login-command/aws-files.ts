// Writes one profile into the AWS shared files without disturbing anything else in them: other profiles,
// comments, blank lines and key order stay as they were; the profile's keys are replaced or appended.
// Paths follow the SDKs: AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE, else ~/.aws/credentials and ~/.aws/config.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface AwsPaths {
  credentials: string;
  config: string;
}

export function awsPaths(env: NodeJS.ProcessEnv = process.env, home = homedir()): AwsPaths {
  return {
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
    config: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
  };
}

const HEADER = /^\s*\[\s*([^\]]+?)\s*\]\s*(?:[#;].*)?$/;
const KEY = /^\s*([^=\s#;][^=]*?)\s*=/;

/** The text with `section`'s keys set to `values` (undefined values removed); everything else unchanged. */
export function setIniSection(text: string, section: string, values: Record<string, string | undefined>): string {
  const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
  let start = -1;
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const h = HEADER.exec(lines[i]);
    if (!h) continue;
    if (start >= 0) {
      end = i;
      break;
    }
    if (h[1] === section) start = i;
  }
  const pending = new Map(Object.entries(values));
  if (start < 0) {
    const add = [...pending].filter(([, v]) => v !== undefined).map(([k, v]) => `${k} = ${v}`);
    const sep = lines.length > 0 && lines[lines.length - 1].trim() !== '' ? [''] : [];
    return [...lines, ...sep, `[${section}]`, ...add].join('\n') + '\n';
  }
  const body: string[] = [];
  for (const line of lines.slice(start + 1, end)) {
    const k = KEY.exec(line)?.[1];
    if (k !== undefined && pending.has(k)) {
      const v = pending.get(k);
      pending.delete(k);
      if (v !== undefined) body.push(`${k} = ${v}`);
      continue;
    }
    body.push(line);
  }
  let last = body.length;
  while (last > 0 && body[last - 1].trim() === '') last--;
  const added = [...pending].filter(([, v]) => v !== undefined).map(([k, v]) => `${k} = ${v}`);
  const section2 = [...body.slice(0, last), ...added, ...body.slice(last)];
  return [...lines.slice(0, start + 1), ...section2, ...lines.slice(end)].join('\n') + '\n';
}

/** Updates one section of an INI file in place (atomically: a temp file renamed over it), mode 0600. */
export function updateIniFile(path: string, section: string, values: Record<string, string | undefined>): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const tmp = `${path}.idbroker-${process.pid}.tmp`;
  writeFileSync(tmp, setIniSection(before, section, values), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/** The config file's section name for a profile: `default`, else `profile NAME`. */
export const configSection = (profile: string): string => (profile === 'default' ? 'default' : `profile ${profile}`);

/** One section of an INI file as key → value (the last occurrence wins), or undefined when absent. */
export function readIniSection(path: string, section: string): Record<string, string> | undefined {
  if (!existsSync(path)) return undefined;
  let inside = false;
  let found = false;
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const h = HEADER.exec(line);
    if (h) {
      inside = h[1] === section;
      found ||= inside;
      continue;
    }
    if (!inside) continue;
    const i = line.indexOf('=');
    if (i > 0 && !/^\s*[#;]/.test(line)) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return found ? out : undefined;
}
