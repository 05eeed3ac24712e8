// The Query API through the full path (HTTP → SigV4 → store → policy engine → XML), against a bare Koa
// handler on the same machine, same client, same run: IAM GetRole, STS GetCallerIdentity and AssumeRole.
// Each request is signed once and replayed (valid for 15 minutes, as with AWS), so the client's cost is the
// same for every target.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { startTestBroker, ADMIN_KEY } from '../test/helpers/broker.ts';
import { signQuery } from '../test/helpers/aws-signer.ts';
import { client, TRUST } from '../test/contracts/iam-api.ts';
import { fmt, load, type LoadResult } from './http-load.ts';

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 4000);
const CONCURRENCY = 8;

async function bareKoa(): Promise<{ url: string; server: Server }> {
  const app = new Koa();
  app.use((ctx) => {
    ctx.body = '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult/></GetCallerIdentityResponse>\n';
    ctx.set('Content-Type', 'text/xml');
  });
  const server = createServer(app.callback());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

export default async function run(): Promise<void> {
  const broker = await startTestBroker();
  const iam = client(broker);
  await iam.send(new CreateRoleCommand({ RoleName: 'BenchRole', AssumeRolePolicyDocument: TRUST }));
  await iam.send(new PutRolePolicyCommand({ RoleName: 'BenchRole', PolicyName: 'p', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/${aws:username}/*' }] }) }));
  iam.destroy();
  const bare = await bareKoa();
  const target = async (body: string, service: string) => {
    const headers = await signQuery(broker.httpUrl, body, ADMIN_KEY, { service });
    delete headers.host;
    return { method: 'POST', headers, body, total: TOTAL, concurrency: CONCURRENCY };
  };
  try {
    const getRole = await target('Action=GetRole&Version=2010-05-08&RoleName=BenchRole', 'iam');
    const gci = await target('Action=GetCallerIdentity&Version=2011-06-15', 'sts');
    const assume = await target('Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FBenchRole&RoleSessionName=bench', 'sts');
    const url = broker.httpUrl + '/';
    for (const o of [getRole, gci, assume]) await load(url, { ...o, total: 300 }); // warm-up
    await load(bare.url, { ...gci, total: 300 });
    const results: Array<[string, LoadResult]> = [];
    results.push(['bare Koa handler', await load(bare.url, gci)]);
    results.push(['iam:GetRole', await load(url, getRole)]);
    results.push(['sts:GetCallerIdentity', await load(url, gci)]);
    results.push(['sts:AssumeRole', await load(url, { ...assume, total: Math.floor(TOTAL / 2) })]);
    const base = results[0][1].rps;
    console.log(`Query API through HTTP + SigV4 (SQLite store, ${CONCURRENCY} connections, ${TOTAL} requests), vs a bare Koa handler`);
    for (const [name, r] of results) console.log(`  ${name.padEnd(24)} ${fmt(r)}  ratio ${(r.rps / base).toFixed(2)}`);
  } finally {
    bare.server.close();
    await broker.destroy();
  }
}
