// docker-compose.yml parses, and the broker's configuration under compose's environment is valid.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { loadConfig, DEFAULT_CONFIG_PATH } from '../../config/load.ts';
import { ROOT } from '../helpers/process.ts';

it('docker-compose.yml declares the broker and PostgreSQL, and the broker config passes validation with its environment', () => {
  const compose = YAML.parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, { environment?: Record<string, string>; image?: string; build?: unknown }> };
  assert.ok(compose.services.broker?.build, 'broker is built from the Dockerfile');
  assert.match(compose.services.postgres?.image ?? '', /^postgres:/);
  const env = compose.services.broker.environment ?? {};
  const config = loadConfig(DEFAULT_CONFIG_PATH, env);
  assert.equal(config.store.kind, 'postgres');
  assert.equal(config.http.host, '0.0.0.0');
  assert.equal(config.directories[0].ldap?.host, '0.0.0.0');
});
