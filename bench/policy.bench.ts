// Policy evaluation: our engine (policies compiled once) vs @cloud-copilot/iam-simulate on the same role and the same
// requests, in the same run. The role: 5 policies, 40 statements, with conditions and policy variables.
// iam-simulate (AGPL-3.0) is a dev dependency used only as a black-box baseline here.
import { runSimulation, runUnsafeSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { compilePolicy, evaluate, type EvaluationInput } from '../server/policy/index.ts';

const ACCT = '111122223333';
const ROLE = `arn:aws:iam::${ACCT}:role/app/Deployer`;
const SESSION = `arn:aws:sts::${ACCT}:assumed-role/Deployer/ci-42`;
const Allow = 'Allow';
const Deny = 'Deny';
const st = (Effect: string, Action: string | string[], Resource: string | string[], Condition?: object) => ({ Effect, Action, Resource, ...(Condition ? { Condition } : {}) });
const team = { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } };
const office = { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.0/24', '2001:db8::/32'] } };
const tls = { Bool: { 'aws:SecureTransport': 'true' } };
const regions = { StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } };

/** Five policies, eight statements each. */
export const ROLE_POLICIES: object[] = [
  {
    Version: '2012-10-17',
    Statement: [
      st(Allow, ['s3:GetObject', 's3:GetObjectVersion'], 'arn:aws:s3:::artifacts-${aws:PrincipalTag/team}/*', tls),
      st(Allow, 's3:PutObject', 'arn:aws:s3:::artifacts-${aws:PrincipalTag/team}/builds/*', { ...tls, StringEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } }),
      st(Allow, 's3:ListBucket', 'arn:aws:s3:::artifacts-${aws:PrincipalTag/team}', { StringLike: { 's3:prefix': ['builds/*', 'releases/*'] } }),
      st(Allow, ['s3:GetBucketLocation', 's3:ListAllMyBuckets'], '*'),
      st(Deny, 's3:DeleteBucket', '*'),
      st(Deny, 's3:*', 'arn:aws:s3:::audit-logs/*', { StringNotEquals: { 'aws:PrincipalTag/role': 'auditor' } }),
      st(Allow, 's3:GetObject', 'arn:aws:s3:::shared-config/${aws:PrincipalTag/team}/*'),
      st(Deny, 's3:PutObject', '*', { Null: { 's3:x-amz-server-side-encryption': 'true' } }),
    ],
  },
  {
    Version: '2012-10-17',
    Statement: [
      st(Allow, ['ec2:StartInstances', 'ec2:StopInstances', 'ec2:RebootInstances'], `arn:aws:ec2:*:${ACCT}:instance/*`, { ...team, ...regions }),
      st(Allow, 'ec2:Describe*', '*', regions),
      st(Allow, 'ec2:CreateTags', `arn:aws:ec2:*:${ACCT}:instance/*`, { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env', 'owner'] }, StringEquals: { 'aws:RequestTag/team': '${aws:PrincipalTag/team}' } }),
      st(Deny, 'ec2:TerminateInstances', '*', { StringNotEquals: { 'aws:ResourceTag/env': 'dev' } }),
      st(Allow, 'ec2:TerminateInstances', `arn:aws:ec2:*:${ACCT}:instance/*`, team),
      st(Deny, 'ec2:*', '*', { StringNotEqualsIfExists: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } }),
      st(Allow, ['ec2:RunInstances'], [`arn:aws:ec2:*:${ACCT}:instance/*`, 'arn:aws:ec2:*::image/ami-*'], { StringLike: { 'ec2:InstanceType': ['t3.*', 'm5.large'] } }),
      st(Deny, 'ec2:DeleteVpc', '*'),
    ],
  },
  {
    Version: '2012-10-17',
    Statement: [
      st(Allow, ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage'], `arn:aws:sqs:*:${ACCT}:\${aws:PrincipalTag/team}-*`),
      st(Allow, 'sqs:GetQueueAttributes', `arn:aws:sqs:*:${ACCT}:*`),
      st(Allow, ['sns:Publish'], `arn:aws:sns:*:${ACCT}:deploy-events`, tls),
      st(Allow, 'dynamodb:GetItem', `arn:aws:dynamodb:*:${ACCT}:table/deployments`, { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:PrincipalTag/team}'] } }),
      st(Allow, ['dynamodb:PutItem', 'dynamodb:UpdateItem'], `arn:aws:dynamodb:*:${ACCT}:table/deployments`, { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:PrincipalTag/team}'] } }),
      st(Deny, 'dynamodb:DeleteTable', '*'),
      st(Allow, 'logs:PutLogEvents', `arn:aws:logs:*:${ACCT}:log-group:/app/\${aws:PrincipalTag/team}*`),
      st(Allow, ['logs:CreateLogStream', 'logs:DescribeLogStreams'], `arn:aws:logs:*:${ACCT}:log-group:/app/*`),
    ],
  },
  {
    Version: '2012-10-17',
    Statement: [
      st(Allow, 'iam:PassRole', `arn:aws:iam::${ACCT}:role/app/*`, { StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com', 'lambda.amazonaws.com'] } }),
      st(Allow, ['iam:GetRole', 'iam:ListRoles', 'iam:ListAttachedRolePolicies'], '*'),
      st(Deny, ['iam:CreateUser', 'iam:CreateAccessKey', 'iam:AttachUserPolicy'], '*'),
      st(Deny, 'iam:*', '*', { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' }, StringNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCT}:role/app/*` } }),
      st(Allow, 'sts:AssumeRole', `arn:aws:iam::*:role/deploy-target-*`, { StringEquals: { 'aws:PrincipalTag/team': ['blue', 'green'] } }),
      st(Allow, 'kms:Decrypt', `arn:aws:kms:*:${ACCT}:key/*`, { StringLike: { 'kms:ViaService': 's3.*.amazonaws.com' } }),
      st(Allow, 'kms:GenerateDataKey', `arn:aws:kms:*:${ACCT}:key/*`, { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } }),
      st(Deny, 'kms:ScheduleKeyDeletion', '*'),
    ],
  },
  {
    Version: '2012-10-17',
    Statement: [
      st(Deny, '*', '*', { DateGreaterThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } }),
      st(Deny, '*', '*', { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.0/24', '2001:db8::/32', '10.0.0.0/8'] }, Bool: { 'aws:ViaAWSService': 'false' } }),
      st(Allow, ['cloudwatch:PutMetricData', 'cloudwatch:GetMetricData'], '*', office),
      st(Allow, 'lambda:InvokeFunction', `arn:aws:lambda:*:${ACCT}:function:\${aws:PrincipalTag/team}-*`),
      st(Allow, ['lambda:UpdateFunctionCode', 'lambda:GetFunction'], `arn:aws:lambda:*:${ACCT}:function:*`, team),
      st(Allow, 'secretsmanager:GetSecretValue', `arn:aws:secretsmanager:*:${ACCT}:secret:\${aws:PrincipalTag/team}/*`, { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }),
      st(Allow, 'ssm:GetParameter*', `arn:aws:ssm:*:${ACCT}:parameter/\${aws:PrincipalTag/team}/*`),
      st(Deny, 'ssm:DeleteParameter*', '*'),
    ],
  },
];

const BASE_CONTEXT: Record<string, string | string[]> = {
  'aws:PrincipalArn': ROLE,
  'aws:PrincipalAccount': ACCT,
  'aws:PrincipalType': 'AssumedRole',
  'aws:userid': 'AROADEPLOYEREXAMPLE1:ci-42',
  'aws:PrincipalTag/team': 'blue',
  'aws:SourceIp': '203.0.113.10',
  'aws:SecureTransport': 'true',
  'aws:CurrentTime': '2026-11-28T12:00:00Z',
  'aws:EpochTime': '1795867200',
  'aws:RequestedRegion': 'us-east-1',
  'aws:MultiFactorAuthPresent': 'true',
  'aws:MultiFactorAuthAge': '300',
  'aws:ViaAWSService': 'false',
};

/** Requests: [action, resource, extra context]. */
export const REQUESTS: Array<[string, string, Record<string, string | string[]>]> = [
  ['s3:GetObject', 'arn:aws:s3:::artifacts-blue/builds/1.zip', {}],
  ['s3:GetObject', 'arn:aws:s3:::artifacts-red/builds/1.zip', {}],
  ['s3:PutObject', 'arn:aws:s3:::artifacts-blue/builds/2.zip', { 's3:x-amz-server-side-encryption': 'aws:kms' }],
  ['s3:PutObject', 'arn:aws:s3:::artifacts-blue/builds/3.zip', {}],
  ['s3:ListBucket', 'arn:aws:s3:::artifacts-blue', { 's3:prefix': 'releases/2026' }],
  ['s3:DeleteBucket', 'arn:aws:s3:::artifacts-blue', {}],
  ['ec2:StartInstances', `arn:aws:ec2:us-east-1:${ACCT}:instance/i-0abc`, { 'aws:ResourceTag/team': 'blue' }],
  ['ec2:StopInstances', `arn:aws:ec2:us-east-1:${ACCT}:instance/i-0def`, { 'aws:ResourceTag/team': 'red' }],
  ['ec2:TerminateInstances', `arn:aws:ec2:us-east-1:${ACCT}:instance/i-0abc`, { 'aws:ResourceTag/team': 'blue', 'aws:ResourceTag/env': 'prod' }],
  ['ec2:DescribeInstances', '*', {}],
  ['ec2:CreateTags', `arn:aws:ec2:us-east-1:${ACCT}:instance/i-0abc`, { 'aws:TagKeys': ['team', 'env'], 'aws:RequestTag/team': 'blue' }],
  ['sqs:SendMessage', `arn:aws:sqs:us-east-1:${ACCT}:blue-jobs`, {}],
  ['sqs:SendMessage', `arn:aws:sqs:us-east-1:${ACCT}:red-jobs`, {}],
  ['dynamodb:PutItem', `arn:aws:dynamodb:us-east-1:${ACCT}:table/deployments`, { 'dynamodb:LeadingKeys': ['blue'] }],
  ['logs:PutLogEvents', `arn:aws:logs:us-east-1:${ACCT}:log-group:/app/blue-api:log-stream:x`, {}],
  ['iam:PassRole', `arn:aws:iam::${ACCT}:role/app/Worker`, { 'iam:PassedToService': 'ec2.amazonaws.com' }],
  ['iam:CreateUser', `arn:aws:iam::${ACCT}:user/mallory`, {}],
  ['sts:AssumeRole', `arn:aws:iam::444455556666:role/deploy-target-prod`, {}],
  ['lambda:InvokeFunction', `arn:aws:lambda:us-east-1:${ACCT}:function:blue-handler`, {}],
  ['secretsmanager:GetSecretValue', `arn:aws:secretsmanager:us-east-1:${ACCT}:secret:blue/db-AbCdEf`, {}],
  ['ssm:GetParameter', `arn:aws:ssm:us-east-1:${ACCT}:parameter/blue/url`, {}],
  ['cloudwatch:PutMetricData', '*', {}],
];

function ours(): Array<() => string> {
  const identityPolicies = ROLE_POLICIES.map((d, i) => compilePolicy(d, 'identity', `policy-${i}`));
  const principal = { arn: SESSION, account: ACCT, type: 'AssumedRole' as const, id: 'AROADEPLOYEREXAMPLE1:ci-42', roleArn: ROLE };
  return REQUESTS.map(([action, resource, extra]) => {
    const input: EvaluationInput = { action, resource, principal, context: { ...BASE_CONTEXT, ...extra }, identityPolicies };
    return () => evaluate(input).decision;
  });
}

function simulation(action: string, resource: string, extra: Record<string, string | string[]>): Simulation {
  const accountId = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(resource)?.[1] ?? ACCT;
  return {
    request: { principal: SESSION, action, resource: { resource, accountId }, contextVariables: { ...BASE_CONTEXT, ...extra } },
    identityPolicies: ROLE_POLICIES.map((policy, i) => ({ name: `policy-${i}`, policy })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  };
}

const NAMES: Record<string, string> = { Allowed: 'allowed', ExplicitlyDenied: 'explicitDeny', ImplicitlyDenied: 'implicitDeny' };

/** Runs `fn` over the requests round-robin for about `ms` milliseconds; evaluations per second. */
async function rate(fns: Array<() => unknown>, ms: number): Promise<number> {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (const f of fns) await f();
    n += fns.length;
    now = performance.now();
  }
  return n / ((now - start) / 1000);
}

function syncRate(fns: Array<() => unknown>, ms: number): number {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let k = 0; k < 50; k++) for (const f of fns) f();
    n += 50 * fns.length;
    now = performance.now();
  }
  return n / ((now - start) / 1000);
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

export default async function run(): Promise<void> {
  const mine = ours();
  const safe = REQUESTS.map((r) => async () => {
    const res = await runSimulation(simulation(...r), {});
    return res.resultType === 'error' ? 'error' : NAMES[res.overallResult];
  });
  const unsafe = REQUESTS.map((r) => () => NAMES[runUnsafeSimulation(simulation(...r), {}) as unknown as string]);

  // Same cases, same answers?
  let agree = 0;
  const differ: string[] = [];
  for (let i = 0; i < REQUESTS.length; i++) {
    const a = mine[i]();
    const b = await safe[i]();
    if (a === b) agree++;
    else differ.push(`${REQUESTS[i][0]} ${REQUESTS[i][1]}: ours ${a}, iam-simulate ${b}`);
  }
  console.log(`role: ${ROLE_POLICIES.length} policies, ${ROLE_POLICIES.reduce((n, p) => n + (p as { Statement: unknown[] }).Statement.length, 0)} statements; ${REQUESTS.length} requests; decisions agree on ${agree}/${REQUESTS.length}`);
  for (const d of differ) console.log(`  differs: ${d}`);

  syncRate(mine, 200); // warm-up
  await rate(safe, 100);
  syncRate(unsafe, 100);
  const r1 = syncRate(mine, 800);
  const r2 = await rate(safe, 800);
  const r3 = syncRate(unsafe, 800);
  console.log(`idbroker policy engine (compiled once):           ${fmt(r1)} evaluations/s`);
  console.log(`iam-simulate runSimulation (validating):          ${fmt(r2)} evaluations/s   ratio ${(r1 / r2).toFixed(1)}x`);
  console.log(`iam-simulate runUnsafeSimulation (no validation): ${fmt(r3)} evaluations/s   ratio ${(r1 / r3).toFixed(1)}x`);
}
