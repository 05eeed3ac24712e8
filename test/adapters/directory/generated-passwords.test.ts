// Generated passwords (the Administrator's on first start, `idbroker directories reset-password`) are pasted
// into shells: each must come back unchanged from an unquoted shell word, and still pass AD complexity.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePassword, policyViolation, SHELL_SAFE_SYMBOLS } from '../../../adapters/directory/simple-ad/passwords.ts';

const STRICT = { minLength: 20, complexity: true, history: 0, maxAgeDays: 0 };

/** The shells a user pastes into: bash and sh scripts, and an interactive bash (history expansion on). */
const SHELLS: [string, string[], boolean][] = [['bash', ['-c'], false], ['sh', ['-c'], false], ['bash', ['--norc', '--noprofile', '-i'], true]];

/** Runs `echo WORD` for each word, unquoted, in each shell, in a directory with files a glob could match. */
function echoUnquoted(words: string[]): string[][] {
  const cwd = mkdtempSync(join(tmpdir(), 'idbroker-pw-'));
  try {
    for (const f of ['Axb', 'Abx', 'Axxb', 'Ax1', 'Ab', '-n']) writeFileSync(join(cwd, f), '');
    const script = words.map((w) => `echo ${w}`).join('\n') + '\n';
    return SHELLS.map(([shell, args, stdin]) => {
      const r = spawnSync(shell, stdin ? args : [...args, script], { cwd, input: stdin ? script : undefined, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: cwd } });
      return r.status === 0 ? r.stdout.trimEnd().split('\n') : [`exit ${r.status}: ${r.stderr}`];
    });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

it('each symbol of generated passwords needs no quoting in bash or sh', () => {
  for (const c of SHELL_SAFE_SYMBOLS) {
    const words = [`A${c}b`, `Ab${c}`, `A${c}${c}b`, `A${c}1`];
    for (const out of echoUnquoted(words)) assert.deepEqual(out, words, `symbol ${JSON.stringify(c)}`);
  }
  // the check can fail: characters that do need quoting are caught
  for (const c of ['!', '?', '*', '$', ';', '&', '(', '<', '"', "'", '|', '`', '\\']) {
    const words = [`A${c}b`, `Ab${c}`, `A${c}1`];
    assert.ok(echoUnquoted(words).some((out) => JSON.stringify(out) !== JSON.stringify(words)), `${c} should need quoting`);
  }
});

it('generated passwords survive an unquoted shell round trip and pass AD complexity', () => {
  const batch = Array.from({ length: 200 }, () => generatePassword());
  assert.equal(new Set(batch).size, batch.length);
  for (const pw of batch) {
    assert.ok(pw.length >= 20, pw);
    assert.match(pw, /^[A-Za-z]/, 'starts with a letter (no leading - or =)');
    assert.equal(policyViolation(pw, STRICT, { sam: 'Administrator' }), undefined, pw);
    for (const c of pw) assert.ok(/[A-Za-z0-9]/.test(c) || SHELL_SAFE_SYMBOLS.includes(c), `${JSON.stringify(c)} in ${pw}`);
  }
  for (const out of echoUnquoted(batch)) assert.deepEqual(out, batch);
});
