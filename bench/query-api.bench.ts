// The Query API through the full path (HTTP → SigV4 → store → policy engine → XML), against a bare Koa
// handler on the same machine, same client, same run: IAM GetRole, STS GetCallerIdentity and AssumeRole.
// Each request is signed once and replayed (valid for 15 minutes, as with AWS), so the client's cost is the
// same for every target. The broker and the bare handler each run in their own process
// (bench/support/broker-process.ts); beside each rate the bench prints that process's CPU time per request
// (process.cpuUsage in the child over the measured window, user + system), the figure to compare across runs
// since the ratio of rates moves with the machine's load.
import { IAMClient, CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { ADMIN_KEY } from '../test/helpers/broker.ts';
import { signQuery } from '../test/helpers/aws-signer.ts';
import { TRUST } from '../test/contracts/iam-api.ts';
import { fmt, load } from './http-load.ts';
import { startBareProcess, startBrokerProcess, type ServerProcess } from './support/broker-process.ts';
import { combine, measure, type LoadOptions as Options, type Measured } from './support/measure.ts';

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 4000);
const CONCURRENCY = 8;
const ROUNDS = 3;
const BARE_BODY = '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult/></GetCallerIdentityResponse>\n';

export default async function run(): Promise<void> {
  const broker = await startBrokerProcess();
  const bare = await startBareProcess(BARE_BODY);
  try {
    const iam = new IAMClient({ endpoint: broker.url, region: 'us-east-1', credentials: ADMIN_KEY, maxAttempts: 1 });
    await iam.send(new CreateRoleCommand({ RoleName: 'BenchRole', AssumeRolePolicyDocument: TRUST }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'BenchRole', PolicyName: 'p', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/${aws:username}/*' }] }) }));
    iam.destroy();
    const target = async (body: string, service: string): Promise<Options> => {
      const headers = await signQuery(broker.url, body, ADMIN_KEY, { service });
      delete headers.host;
      return { method: 'POST', headers, body, total: TOTAL, concurrency: CONCURRENCY };
    };
    const getRole = await target('Action=GetRole&Version=2010-05-08&RoleName=BenchRole', 'iam');
    const gci = await target('Action=GetCallerIdentity&Version=2011-06-15', 'sts');
    const assume = await target('Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FBenchRole&RoleSessionName=bench', 'sts');
    for (const o of [getRole, gci, assume]) {
      const w = await load(broker.url + '/', { ...o, total: 300 }); // warm-up
      if (w.errors) throw new Error(`warm-up: ${w.errors} requests failed`);
    }
    await load(bare.url + '/', { ...gci, total: 300 });
    // The targets take turns, ROUNDS times, so that a burst of other work on the machine falls on all alike.
    const targets: Array<[string, ServerProcess, Options]> = [
      ['bare Koa handler', bare, gci],
      ['iam:GetRole', broker, getRole],
      ['sts:GetCallerIdentity', broker, gci],
      ['sts:AssumeRole', broker, { ...assume, total: TOTAL / 2 }],
    ];
    const parts = targets.map(() => [] as Measured[]);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [k, [, server, o]] of targets.entries()) parts[k].push(await measure(server, '/', { ...o, total: Math.floor(o.total / ROUNDS) }));
    }
    const results = targets.map(([name], k) => [name, combine(parts[k])] as const);
    const base = results[0][1];
    console.log(`Query API through HTTP + SigV4 (SQLite store, ${CONCURRENCY} connections, ${TOTAL} requests in ${ROUNDS} alternating slices; each server in its own process), vs a bare Koa handler`);
    for (const [name, { r, cpu }] of results) {
      // CPU ratio: the bare handler's CPU per request over this target's, the rate ratio two servers would show
      // each alone on a core; steadier than the rate ratio when the load generator and others share the cores.
      console.log(`  ${name.padEnd(24)} ${fmt(r)}  server CPU ${cpu.toFixed(0).padStart(5)} µs/req  ratio ${(r.rps / base.r.rps).toFixed(2)}  CPU ratio ${(base.cpu / cpu).toFixed(2)}`);
    }
  } finally {
    await bare.close();
    await broker.close();
  }
}
