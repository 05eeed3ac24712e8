// The child side of bench/support/broker-process.ts: starts a test broker or a bare Koa handler on loopback,
// reports { url, publicUrl } over IPC, answers { op: 'cpu' } with its process.cpuUsage() and exits on
// { op: 'close' }.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { startTestBroker } from '../../test/helpers/broker.ts';
import type { ChildSpec } from './broker-process.ts';

const spec = JSON.parse(process.argv[2]) as ChildSpec;
let close: () => Promise<void>;
if (spec.kind === 'broker') {
  const broker = await startTestBroker(spec.options);
  close = () => broker.destroy();
  process.send!({ url: broker.httpUrl, publicUrl: broker.publicUrl });
} else {
  const app = new Koa();
  app.use((ctx) => {
    ctx.body = spec.body;
    ctx.set('Content-Type', 'text/xml');
  });
  const server = createServer(app.callback());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  process.send!({ url, publicUrl: url });
}

process.on('message', (m: { op: string }) => {
  if (m.op === 'cpu') process.send!({ cpu: process.cpuUsage() });
  else if (m.op === 'close') void close().then(() => process.exit(0));
});
