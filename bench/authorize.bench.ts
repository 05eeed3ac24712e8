// POST /authorize decisions per second with a resource policy (a bucket-style policy in the request), against a bare
// Koa handler on the same machine, same client, same run: the relying service's call verified (SigV4), its
// idbroker:Authorize checked, the forwarded request verified for the service and host, the signer's policies and the
// resource policy evaluated. Both calls are signed once and replayed (valid 15 minutes). Each server runs in its own
// process (bench/support/broker-process.ts); beside each rate the server's CPU µs per decision. Goal: ratio ≥ 0.5.
import { fmt, load } from './http-load.ts';
import { startBareProcess, startBrokerProcess, type ServerProcess } from './support/broker-process.ts';
import { combine, measure, type LoadOptions as Options, type Measured } from './support/measure.ts';
import { signRequest } from '../server/sts/sigv4/index.ts';

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 4000);
const CONCURRENCY = 8;
const ROUNDS = 3;
const BOB = { accessKeyId: 'AKIABOBBOBBOBBOBBOB2', secretAccessKey: 'bobSecretKeyForTestsOnly0000000000000000' };
const FILES = { accessKeyId: 'AKIAFILESVCFILESVC02', secretAccessKey: 'filesServiceSecretForTestsOnly0000000000' };
const YAML = `
users:
  - name: bob
    accessKeys: [{ id: ${BOB.accessKeyId}, secret: ${BOB.secretAccessKey} }]
    inlinePolicies:
      own: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "files:List*", Resource: "*" }] }
  - name: filesvc
    accessKeys: [{ id: ${FILES.accessKeyId}, secret: ${FILES.secretAccessKey} }]
    inlinePolicies:
      relying: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "idbroker:Authorize", Resource: "arn:aws:idbroker::111122223333:service/files/*" }] }
`;
const BUCKET_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/bob' }, Action: ['files:GetObject', 'files:PutObject'], Resource: 'arn:aws:files:::reports/*' },
    { Effect: 'Deny', Principal: '*', Action: 'files:*', Resource: 'arn:aws:files:::reports/secret/*' },
  ],
};

export default async function run(): Promise<void> {
  const broker = await startBrokerProcess({ yaml: YAML });
  const bare = await startBareProcess('{"allowed":true}');
  try {
    const host = 'files.internal.example';
    const target = new URL(`http://${host}/reports/q3.txt`);
    const fwd = signRequest({ method: 'GET', url: target, headers: {}, body: '' }, BOB, { region: 'us-east-1', service: 'files', now: new Date() });
    const body = JSON.stringify({
      expect: { service: 'files', host },
      request: { method: 'GET', path: target.pathname, query: '', headers: { ...fwd, host }, body: '' },
      action: 'files:GetObject',
      resource: 'arn:aws:files:::reports/q3.txt',
      resourcePolicy: BUCKET_POLICY,
    });
    const url = new URL(`${broker.url}/authorize`);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    Object.assign(headers, signRequest({ method: 'POST', url, headers, body }, FILES, { region: 'us-east-1', service: 'idbroker', now: new Date() }));
    const o: Options = { method: 'POST', headers, body, total: TOTAL, concurrency: CONCURRENCY };
    const check = await fetch(url, { method: 'POST', headers, body });
    const answer = (await check.json()) as { allowed?: boolean };
    if (!answer.allowed) throw new Error(`the bench request is not allowed: ${JSON.stringify(answer)}`);
    const w = await load(url.href, { ...o, total: 300 });
    if (w.errors) throw new Error(`warm-up: ${w.errors} requests failed`);
    await load(bare.url + '/authorize', { ...o, total: 300 });
    const targets: Array<[string, ServerProcess]> = [
      ['bare Koa handler', bare],
      ['/authorize + resource policy', broker],
    ];
    const parts = targets.map(() => [] as Measured[]);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [k, [, server]] of targets.entries()) parts[k].push(await measure(server, '/authorize', { ...o, total: Math.floor(TOTAL / ROUNDS) }));
    }
    const results = targets.map(([name], k) => [name, combine(parts[k])] as const);
    const base = results[0][1];
    console.log(`POST /authorize decisions with a bucket policy (SQLite store, ${CONCURRENCY} connections, ${TOTAL} requests in ${ROUNDS} alternating slices; each server in its own process), vs a bare Koa handler (goal: ratio ≥ 0.5)`);
    for (const [name, { r, cpu }] of results) {
      console.log(`  ${name.padEnd(30)} ${fmt(r)}  server CPU ${cpu.toFixed(0).padStart(5)} µs/req  ratio ${(r.rps / base.r.rps).toFixed(2)}  CPU ratio ${(base.cpu / cpu).toFixed(2)}`);
    }
  } finally {
    await bare.close();
    await broker.close();
  }
}
