// Header size limit of the HTTP listener: Node's http parser refuses request headers over 16 KiB
// (--max-http-header-size) with 431 before any handler runs; the broker keeps serving.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';

let b: TestBroker;
before(async () => {
  b = await startTestBroker();
});
after(async () => b.destroy());

function statusWithHeader(url: string, bytes: number): Promise<number> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: '/', method: 'POST', headers: { 'x-padding': 'a'.repeat(bytes), 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end('Action=GetCallerIdentity&Version=2011-06-15');
  });
}

it('request headers over 16 KiB are refused with 431; the broker keeps serving', async () => {
  assert.equal(await statusWithHeader(b.httpUrl, 32 * 1024), 431);
  assert.equal((await sendQuery(b.httpUrl, 'Action=GetCallerIdentity&Version=2011-06-15', ADMIN_KEY, { service: 'sts' })).status, 200);
});
