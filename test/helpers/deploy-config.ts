// deploy/idbroker.yaml (the docker compose demo's broker config) with the container addresses swapped for loopback
// ones, and the compose environment of a broker service: for tests that run the demo's config without Docker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { parseConfig, type Config } from '../../config/load.ts';
import { freePort, ROOT } from './process.ts';

export const composeFile = () =>
  YAML.parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, { environment?: Record<string, string> }> };

export interface LocalDeployOptions {
  /** Replaces ldap://openldap:389 (the openldap service). */
  upstreamUrl: string;
  dataDir: string;
  /** A postgres:// URL; absent: SQLite in dataDir. */
  postgres?: string;
  /** Which broker service's environment (default broker1). */
  service?: string;
}

/** The config, with free loopback ports for the listeners (HTTP: port 0); `ports` maps each listener port of the file to the one used. */
export async function localDeployConfig(o: LocalDeployOptions): Promise<{ config: Config; ports: Map<number, number> }> {
  const text = readFileSync(join(ROOT, 'deploy/idbroker.yaml'), 'utf8');
  const ports = new Map<number, number>();
  for (const m of text.matchAll(/port: (\d{4})\b/g)) if (Number(m[1]) !== 8080) ports.set(Number(m[1]), await freePort());
  const local = text
    .replaceAll('ldap://openldap:389', o.upstreamUrl)
    .replaceAll('0.0.0.0', '127.0.0.1')
    .replace(/port: (\d{4})\b/g, (_, p: string) => `port: ${Number(p) === 8080 ? 0 : ports.get(Number(p))}`)
    .replace('dataDir: /data', `dataDir: ${JSON.stringify(o.dataDir)}`)
    .replace(/store:\n {2}postgres: .*\n/, o.postgres ? `store:\n  postgres: ${JSON.stringify(o.postgres)}\n` : 'store: {}\n')
    .replace('/etc/idbroker/keycloak-saml-metadata.xml', join(ROOT, 'deploy/keycloak/saml-idp-metadata.xml'));
  const env = { ...composeFile().services[o.service ?? 'broker1'].environment, IDBROKER_LOG_LEVEL: 'silent' };
  return { config: parseConfig(local, env, 'deploy/idbroker.yaml'), ports };
}
