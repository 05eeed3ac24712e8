// Shared helpers for the config tests.
import assert from 'node:assert/strict';
import { ConfigError, parseConfig, type Config } from '../../config/load.ts';

/** The smallest valid config, with extra YAML appended. */
export const minimal = (extra = '') => `accounts: [{ id: "111122223333" }]\n${extra}`;

export function parse(yaml: string, env: NodeJS.ProcessEnv = {}): Config {
  return parseConfig(yaml, env, 'test.yaml');
}

/** The problem list a config fails with; fails the test if it loads. */
export function problemsOf(yaml: string, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    parseConfig(yaml, env, 'test.yaml');
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
    assert.equal(err.message, err.problems.join('\n'));
    return err.problems;
  }
  assert.fail('expected the config to be refused');
}
