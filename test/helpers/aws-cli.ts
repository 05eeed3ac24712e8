// Runs Debian's AWS CLI v2 (/usr/bin/aws, unchanged) against a broker: JSON output parsed, or the CLI's error
// line ("An error occurred (Code) when calling the Op operation: message") returned as code and message.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const AWS_CLI = '/usr/bin/aws';

export interface CliTarget {
  endpoint: string;
  home: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

export type CliResult = { ok: true; json: unknown } | { ok: false; code: string; message: string; stderr: string };

export async function awsCli(t: CliTarget, ...args: string[]): Promise<CliResult> {
  const env = { PATH: process.env.PATH, HOME: t.home, AWS_ACCESS_KEY_ID: t.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: t.credentials.secretAccessKey, AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '' };
  try {
    const { stdout } = await run(AWS_CLI, [...args, '--endpoint-url', t.endpoint, '--output', 'json'], { env, encoding: 'utf8' });
    return { ok: true, json: stdout.trim() ? JSON.parse(stdout) : undefined };
  } catch (err) {
    const stderr = String((err as { stderr?: string }).stderr ?? err);
    const m = /An error occurred \(([^)]+)\) when calling the \w+ operation: (.*)/.exec(stderr);
    return { ok: false, code: m?.[1] ?? '', message: m?.[2]?.trim() ?? '', stderr };
  }
}

/** The JSON of a call that must succeed. */
export async function awsCliOk<T = unknown>(t: CliTarget, ...args: string[]): Promise<T> {
  const r = await awsCli(t, ...args);
  if (!r.ok) throw new Error(`aws ${args.join(' ')} failed: ${r.stderr}`);
  return r.json as T;
}
