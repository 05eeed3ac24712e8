// The broker's side of the directory bench, in its own process as a deployed broker would be (slapd runs
// in its own process too; the load generator must not share the server's event loop):
//   node --import tsx bench/support/directory-server.ts CONFIG.yaml STORE.db
// Serves the config's first directory (any type, through the registry) over LDAP on a free loopback port and reports { port, loadMs } on
// the IPC channel; answers { op: 'groupsOf', name } with the median of 20 timed groupsOf calls and { op: 'cpu' }
// with its process.cpuUsage() (the server's CPU time per operation, beside the rates).
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { openSqliteStore } from '../../adapters/store/sqlite/index.ts';
import { parseConfig } from '../../config/load.ts';
import { createLdapListener } from '../../server/ldap/index.ts';
import { openDirectory } from '../../server/registry.ts';

const [configPath, dbPath] = process.argv.slice(2);
const config = parseConfig(readFileSync(configPath, 'utf8'), {}, configPath);
const store = await openSqliteStore(dbPath);
const t0 = Date.now();
const opened = await openDirectory(config.directories[0], { store, logger: pino({ level: 'silent' }) });
if (!opened) throw new Error(`cannot serve a ${config.directories[0].type} directory`);
const { backend } = opened;
const loadMs = Date.now() - t0;
const listener = await createLdapListener({ backend, host: '127.0.0.1', port: 0 });

process.on('message', (m: { op: string; name?: string; password?: string }) => {
  void (async () => {
    if (m.op === 'groupsOf') {
      const bound = await backend.bind(m.name!, m.password!);
      if (!bound.ok) throw new Error(`bind ${m.name}: ${bound.adCode}`);
      const times: number[] = [];
      let groups = 0;
      for (let i = 0; i < 20; i++) {
        const s = process.hrtime.bigint();
        groups = (await backend.groupsOf(bound.principal)).length;
        times.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
      process.send!({ groupsOfMs: times.sort((a, b) => a - b)[10], groups, dn: bound.principal.dn });
    } else if (m.op === 'cpu') {
      process.send!({ cpu: process.cpuUsage() });
    } else if (m.op === 'close') {
      await listener.close();
      await opened.close?.();
      await store.close();
      process.exit(0);
    }
  })();
});
process.send!({ port: listener.address().port, loadMs });
