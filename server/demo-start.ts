// `idbroker start --demo`: the broker with the demo data (config.ts), then the guide (guide.ts) on stdout.
import { startBroker, type Broker } from './main.ts';
import { loadDemoConfig } from './demo/config.ts';
import { demoGuide } from './demo/guide.ts';

export async function startDemo(path: string, env: NodeJS.ProcessEnv, opts: { configFlag?: string; print?: (line: string) => void } = {}): Promise<Broker> {
  const print = opts.print ?? ((line: string) => process.stdout.write(line + '\n'));
  const { config, directory } = loadDemoConfig(path, env);
  const broker = await startBroker({ config, print, env });
  const running = broker.directories.running.find((d) => d.id === directory.id);
  for (const line of demoGuide({ config, directory, url: broker.publicUrl, ldapUrl: running?.ldapUrl, ldapsUrl: running?.ldapsUrl, configFlag: opts.configFlag })) print(line);
  return broker;
}
