// Doc tests: the README's quick starts are run as written. `readmeSection` extracts the fenced code blocks of one
// section (by its heading); `DocShell` runs a section's `sh` blocks in one bash process (set -euo pipefail, so an
// export in one block holds in the next), in a directory that looks like a fresh clone: every top-level entry of
// the repository is symlinked into a temporary folder except `data/`, so `npx idbroker …` resolves as it does in
// the clone and `./data` starts empty. HOME is a folder of its own (~/.aws is the test's).
//
// A line whose comment is `# in another terminal` starts in the background, in its own process group, and the
// script waits for it as a person would: until the broker it started answers /readyz (its "HTTP …: URL" line).
// Everything the background processes print is kept (`backgroundOutput`), e.g. for a key printed at first start.
// `run(…, { inheritEnv: true })` starts from the variables the previous run exported (a quick start that says
// "with the administrator's key exported"). Only `sh` blocks run; `text`, `yaml`, `ini`, `toml` … blocks are shown to the reader and may be read by a test.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');

export interface CodeBlock {
  lang: string;
  code: string;
}

/** The fenced blocks of the README section whose heading (any level) starts with `heading`, up to the next heading of the same or a higher level. */
export function readmeSection(heading: string, file = join(REPO, 'README.md')): CodeBlock[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((l) => /^#{1,6} /.test(l) && l.replace(/^#+ /, '').startsWith(heading));
  if (start < 0) throw new Error(`README has no section "${heading}"`);
  const level = /^#+/.exec(lines[start])![0].length;
  const blocks: CodeBlock[] = [];
  let fence: CodeBlock | undefined;
  for (const line of lines.slice(start + 1)) {
    if (!fence) {
      const h = /^(#{1,6}) /.exec(line);
      if (h && h[1].length <= level) break;
      const open = /^```(\S*)/.exec(line);
      if (open) fence = { lang: open[1], code: '' };
    } else if (line.startsWith('```')) {
      blocks.push({ ...fence, code: fence.code });
      fence = undefined;
    } else fence.code += `${line}\n`;
  }
  if (blocks.length === 0) throw new Error(`README section "${heading}" has no code blocks`);
  return blocks;
}

/** The `sh` blocks of a section, joined. `substitute` replaces placeholder text a reader would replace (an IdP's URL). */
export function shellScript(blocks: CodeBlock[], substitute: Record<string, string> = {}): string {
  let text = blocks.filter((b) => b.lang === 'sh').map((b) => b.code).join('\n');
  for (const [from, to] of Object.entries(substitute)) {
    if (!text.includes(from)) throw new Error(`placeholder "${from}" is not in the section's commands`);
    text = text.split(from).join(to);
  }
  return text
    .split('\n')
    .map((line) => {
      const m = /^(.*?)\s+# in another terminal\s*$/.exec(line);
      return m ? `__background ${shellQuote(m[1])}` : line;
    })
    .join('\n');
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const PRELUDE = String.raw`
__background() {
  local n log pid url
  n=$(cat "$DOCTEST_DIR/background-count" 2>/dev/null || echo 0)
  echo $((n + 1)) > "$DOCTEST_DIR/background-count"
  log="$DOCTEST_DIR/background-$n.log"
  setsid bash -c "$1" >"$log" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" >> "$DOCTEST_DIR/pids"
  url=
  for _ in $(seq 1 1200); do
    kill -0 "$pid" 2>/dev/null || { echo "background command exited: $1" >&2; cat "$log" >&2; return 1; }
    url=$(grep -o 'HTTP (IAM and STS Query API): http://[^ ]*' "$log" | head -1 | awk '{print $NF}') || true
    if [ -n "$url" ] && curl -sf "$url/readyz" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  echo "background command never became ready: $1" >&2; cat "$log" >&2; return 1
}
`;

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

export class DocShell {
  readonly dir: string;
  readonly cwd: string;
  readonly home: string;
  private children: ChildProcess[] = [];

  constructor(readonly env: Record<string, string> = {}) {
    this.dir = mkdtempSync(join(tmpdir(), 'idbroker-doctest-'));
    this.cwd = join(this.dir, 'idbroker');
    this.home = join(this.dir, 'home');
    mkdirSync(this.cwd);
    mkdirSync(this.home);
    for (const name of readdirSync(REPO)) if (name !== 'data' && name !== '.git') symlinkSync(join(REPO, name), join(this.cwd, name));
  }

  /** Runs `script` with bash; `onOutput` sees stdout and stderr as they come (e.g. to act as the person in a browser). */
  run(script: string, o: { inheritEnv?: boolean; onOutput?: (chunk: string, all: string) => void } = {}): Promise<RunResult> {
    const onOutput = o.onOutput;
    const saved = join(this.dir, 'env.sh');
    const load = o.inheritEnv ? `[ -f ${shellQuote(saved)} ] && . ${shellQuote(saved)}\n` : '';
    const save = `trap 'export -p | grep -v -E "^declare -x (OLDPWD|PWD|SHLVL|_)=" > ${shellQuote(saved)}' EXIT\n`;
    const child = spawn('bash', ['-c', `set -euo pipefail\n${PRELUDE}\n${load}${save}${script}`], {
      cwd: this.cwd,
      env: {
        // Debian's packages first (the AWS CLI v2 of /usr/bin, not a pip-installed v1 a user may have earlier on PATH)
        PATH: `/usr/bin:/bin:${process.env.PATH ?? ''}`,
        HOME: this.home,
        LANG: 'C.UTF-8',
        AWS_PAGER: '',
        AWS_EC2_METADATA_DISABLED: 'true',
        DOCTEST_DIR: this.dir,
        npm_config_update_notifier: 'false',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      onOutput?.(c, stdout + stderr);
    });
    child.stderr!.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      onOutput?.(c, stdout + stderr);
    });
    return new Promise((resolve) => child.on('close', (code) => resolve({ status: code ?? 1, stdout, stderr })));
  }

  /** What the section's background commands printed so far (e.g. a broker's first-start output). */
  backgroundOutput(): string {
    return readdirSync(this.dir)
      .filter((f) => /^background-\d+\.log$/.test(f))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
      .map((f) => readFileSync(join(this.dir, f), 'utf8'))
      .join('\n');
  }

  /** Stops every background process group (SIGTERM, as a person's Ctrl-C would) and removes the folder. */
  async close(): Promise<void> {
    let pids: number[] = [];
    try {
      pids = readFileSync(join(this.dir, 'pids'), 'utf8').split('\n').filter(Boolean).map(Number);
    } catch {
      /* nothing ran in the background */
    }
    for (const pid of pids) signalGroup(pid, 'SIGTERM');
    for (let i = 0; i < 100 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
    for (const pid of pids) signalGroup(pid, 'SIGKILL');
    for (const c of this.children) if (c.exitCode === null) c.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
