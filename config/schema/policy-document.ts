// IAM policy documents in the config: checked enough to name the exact faulty element, kept as
// the plain objects the user wrote (a document may also be given as JSON text).
import { z } from 'zod';
import { always, expecting, matching } from '../../server/contracts/config-fields.ts';

export type PolicyKind = 'identity' | 'trust';

const stringOrList = <T extends z.ZodType<string>>(item: T) =>
  z.union([item, z.array(item).min(1)], expecting('expected a string or a list of strings'));

const action = () =>
  matching(/^(\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+)$/, 'expected an action like "s3:GetObject", "s3:Get*" or "*"');

const conditionValue = z.union(
  [z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()])).min(1)],
  expecting('expected a string, number, boolean or a list of them'),
);

const condition = z.record(
  z.string().min(1),
  z.record(z.string().min(1), conditionValue, expecting('expected a mapping of condition keys to values')),
  expecting('expected a mapping of condition operators'),
);

const principalMap = z.strictObject({
  AWS: stringOrList(z.string().min(1)).optional(),
  Service: stringOrList(z.string().min(1)).optional(),
  Federated: stringOrList(z.string().min(1)).optional(),
  CanonicalUser: stringOrList(z.string().min(1)).optional(),
});

const principal = z.union(
  [z.literal('*'), principalMap],
  expecting('expected "*" or a mapping with AWS, Service, Federated or CanonicalUser'),
);

function statement(kind: PolicyKind) {
  const notAllowed = (what: string) => z.never({ error: `not allowed in ${what}` }).optional();
  const shape = {
    Sid: matching(/^[A-Za-z0-9]*$/, 'expected letters and digits only').optional(),
    Effect: z.enum(['Allow', 'Deny'], expecting('expected "Allow" or "Deny"')),
    Action: stringOrList(action()).optional(),
    NotAction: stringOrList(action()).optional(),
    Condition: condition.optional(),
    ...(kind === 'trust'
      ? {
          Principal: principal.optional(),
          NotPrincipal: principal.optional(),
          Resource: notAllowed('a trust policy'),
          NotResource: notAllowed('a trust policy'),
        }
      : {
          Principal: notAllowed('an identity policy'),
          NotPrincipal: notAllowed('an identity policy'),
          Resource: stringOrList(z.string().min(1)).optional(),
          NotResource: stringOrList(z.string().min(1)).optional(),
        }),
  };
  const pairs: [string, string][] =
    kind === 'trust' ? [['Action', 'NotAction'], ['Principal', 'NotPrincipal']] : [['Action', 'NotAction'], ['Resource', 'NotResource']];
  return z.strictObject(shape).superRefine((s, ctx) => {
    if (s === null || typeof s !== 'object') return;
    for (const [a, b] of pairs) {
      const has = [a, b].filter((k) => (s as Record<string, unknown>)[k] !== undefined);
      if (has.length === 0) ctx.addIssue({ code: 'custom', message: `expected ${a} or ${b}`, path: [] });
      if (has.length === 2) ctx.addIssue({ code: 'custom', message: `expected only one of ${a} or ${b}`, path: [b] });
    }
  }, always);
}

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: '*' | Record<string, string | string[]>;
  NotPrincipal?: '*' | Record<string, string | string[]>;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

export interface PolicyDocument {
  Version?: '2012-10-17' | '2008-10-17';
  Id?: string;
  Statement: PolicyStatement | PolicyStatement[];
}

function parseJsonText(v: unknown, ctx: { issues: z.core.$ZodRawIssue[] }): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch (err) {
    ctx.issues.push({ code: 'custom', input: v, message: `expected a policy document: invalid JSON (${(err as Error).message})` });
    return z.NEVER;
  }
}

/** A policy document (mapping or JSON text) of the given kind. */
export function policyDocument(kind: PolicyKind): z.ZodType<PolicyDocument, unknown> {
  const stmt = statement(kind);
  const doc = z.strictObject(
    {
      Version: z.enum(['2012-10-17', '2008-10-17'], expecting('expected "2012-10-17" or "2008-10-17"')).optional(),
      Id: z.string().optional(),
      Statement: z.union([stmt, z.array(stmt).min(1)], expecting('expected a statement or a list of statements')),
    },
    expecting('expected a policy document (a mapping, or JSON text)'),
  );
  return z.preprocess(parseJsonText, doc) as unknown as z.ZodType<PolicyDocument, unknown>;
}
