import type { Logger } from 'pino';
import type { DirectoryConfig } from '../../../../config/schema.ts';
import { openAdConnector } from '../../../../adapters/directory/ad-connector/index.ts';
export async function wire(cfg: DirectoryConfig, deps: { logger: Logger }) {
  const c = await openAdConnector({ config: cfg, logger: deps.logger });
  return { backend: c.backend, close: c.close };
}
