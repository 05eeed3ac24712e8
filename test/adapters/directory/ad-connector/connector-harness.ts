// Test helper: an ad-connector directory config for the slapd "on-prem" tree, and the connector
// served by a real broker LDAP listener on 127.0.0.1.
import type { DirectoryConfig } from '../../../../config/schema.ts';
import { directorySchema } from '../../../../config/schema/directories.ts';
import { type AdConnector, openAdConnector, type OpenAdConnectorOptions } from '../../../../adapters/directory/ad-connector/index.ts';
import { createLdapListener } from '../../../../server/ldap/index.ts';
import { ONPREM_PASSWORDS, ONPREM_SERVICE_DN } from '../../../helpers/slapd.ts';

export function connectorConfig(urls: string[], upstream: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): DirectoryConfig {
  // urls may come in `upstream` instead (TLS tests)
  return directorySchema.parse({
    type: 'ad-connector',
    id: 'd-00000000c1',
    dnsName: 'onprem.example.com',
    netbiosName: 'ONPREM',
    upstream: { urls, serviceAccount: { username: ONPREM_SERVICE_DN, password: ONPREM_PASSWORDS['svc-idbroker'] }, timeoutMs: 1000, ...upstream },
    ...extra,
  }) as DirectoryConfig;
}

export interface Served {
  connector: AdConnector;
  url: string;
  logs: string[];
  close(): Promise<void>;
}

export async function serveConnector(config: DirectoryConfig, opts: Omit<OpenAdConnectorOptions, 'config'> = {}): Promise<Served> {
  const logs: string[] = [];
  const log = (level: string) => (o: object, m?: string) => logs.push(`${level} ${m ?? ''} ${JSON.stringify(o)}`);
  const logger = { info: log('info'), warn: log('warn'), error: log('error') };
  const connector = await openAdConnector({ config, logger, healthCheckIntervalMs: 0, ...opts });
  const listener = await createLdapListener({ backend: connector.backend, host: '127.0.0.1', port: 0, logger });
  const a = listener.address() as { port: number };
  return {
    connector,
    url: `ldap://127.0.0.1:${a.port}`,
    logs,
    async close() {
      await listener.close();
      await connector.close();
    },
  };
}
