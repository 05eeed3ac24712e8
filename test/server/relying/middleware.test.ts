// idbroker/authorize: a Koa and an Express-style service accept broker credentials with one middleware, over real
// sockets: a request signed by bob for the service is allowed where his policy or the bucket policy allows, refused
// (403 AccessDenied) elsewhere, and a request signed for another service is refused.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { expressAuthorize, koaAuthorize, type AuthorizeQuestion, type RelyingServiceOptions } from '../../../server/relying/index.ts';
import { signRequest } from '../../../server/sts/sigv4/index.ts';

const BOB = { accessKeyId: 'AKIABOBBOBBOBBOBBOB2', secretAccessKey: 'bobSecretKeyForTestsOnly0000000000000000' };
const FILES = { accessKeyId: 'AKIAFILESVCFILESVC02', secretAccessKey: 'filesServiceSecretForTestsOnly0000000000' };
const YAML = `
users:
  - name: bob
    accessKeys: [{ id: ${BOB.accessKeyId}, secret: ${BOB.secretAccessKey} }]
    inlinePolicies:
      own: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "files:GetObject", Resource: "arn:aws:files:::home/bob/*" }] }
  - name: filesvc
    accessKeys: [{ id: ${FILES.accessKeyId}, secret: ${FILES.secretAccessKey} }]
    inlinePolicies:
      relying: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "idbroker:Authorize", Resource: "arn:aws:idbroker::111122223333:service/files/*" }] }
`;
// the bucket "shared" lets bob read it by its policy alone
const SHARED = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/bob' }, Action: 'files:GetObject', Resource: 'arn:aws:files:::shared/*' }] };
const question = (path: string): AuthorizeQuestion => ({ action: 'files:GetObject', resource: `arn:aws:files:::${path.slice(1)}`, ...(path.startsWith('/shared/') ? { resourcePolicy: SHARED } : {}) });

const listen = async (s: Server): Promise<string> => {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
};

describe('idbroker/authorize middleware', () => {
  let b: TestBroker;
  const servers: Server[] = [];
  let koaUrl = '';
  let expressUrl = '';
  before(async () => {
    b = await startTestBroker({ yaml: YAML });
    const opts: RelyingServiceOptions = { brokerUrl: b.httpUrl, credentials: FILES, service: 'files' };
    const app = new Koa();
    app.use(koaAuthorize(opts, (ctx) => question(ctx.path)));
    app.use((ctx) => {
      ctx.body = { hello: (ctx.state.principal as { arn: string }).arn };
    });
    servers.push(createServer(app.callback()));
    koaUrl = await listen(servers[0]);
    const mw = expressAuthorize(opts, (req) => question(new URL(req.url!, 'http://x').pathname));
    servers.push(
      createServer((req, res) =>
        mw(req, res, (err) => {
          res.writeHead(err ? 500 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(err ? { err: String(err) } : { hello: (req as { principal?: { arn: string } }).principal?.arn }));
        }),
      ),
    );
    expressUrl = await listen(servers[1]);
  });
  after(async () => {
    for (const s of servers) await new Promise((r) => s.close(r));
    await b.destroy();
  });

  async function get(base: string, path: string, service = 'files') {
    const url = new URL(path, base);
    const headers = signRequest({ method: 'GET', url, headers: {}, body: '' }, BOB, { region: 'us-east-1', service, now: new Date() });
    const res = await fetch(url, { headers });
    return { status: res.status, json: (await res.json()) as Record<string, string> };
  }

  for (const [name, base] of [['Koa', () => koaUrl], ['Express-style', () => expressUrl]] as const) {
    it(`${name}: allowed by the identity policy or the bucket policy, 403 elsewhere or for another service's signature`, async () => {
      assert.deepEqual(await get(base(), '/home/bob/a.txt'), { status: 200, json: { hello: 'arn:aws:iam::111122223333:user/bob' } });
      assert.deepEqual(await get(base(), '/shared/b.txt'), { status: 200, json: { hello: 'arn:aws:iam::111122223333:user/bob' } });
      const other = await get(base(), '/home/alice/a.txt');
      assert.equal(other.status, 403);
      assert.equal(other.json.Code, 'AccessDenied');
      const sts = await get(base(), '/home/bob/a.txt', 'sts');
      assert.equal(sts.status, 403);
      assert.equal(sts.json.Code, 'SignatureDoesNotMatch');
    });
  }
});
