// Policy documents: grammar and validation (D:reference_policies_grammar.html), compiled into matchers once.
import { compileCondition } from './conditions.ts';
import { findDuplicateKey } from './duplicate-keys.ts';
import { PolicyParseError } from './errors.ts';
import { splitArn } from './glob.ts';
import { compileActions, compileResources } from './matchers.ts';
import { compilePrincipal } from './principal.ts';
import type { Statement } from './statement.ts';
import type { CompiledPolicy, PolicyKind } from './types.ts';

/** Largest document the engine compiles, in characters without whitespace (AWS counts sizes that way). Storage quotas
 * (6,144 for a managed policy, 2,048 for a trust policy …) are enforced where policies are stored. */
export const MAX_POLICY_SIZE = 131072;

export interface CompileOptions {
  maxSize?: number;
}

const TOP_FIELDS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_FIELDS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const PRINCIPAL_KINDS = new Set<PolicyKind>(['resource', 'trust']);

const fail = (message: string, path: string): never => {
  throw new PolicyParseError(message, path);
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function nonWhitespaceLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) n++;
  }
  return n;
}

function stringList(v: unknown, path: string): string[] {
  const list = Array.isArray(v) ? v : [v];
  list.forEach((x, i) => {
    if (typeof x !== 'string') fail('Syntax errors in policy.', Array.isArray(v) ? `${path}[${i}]` : path);
  });
  return list as string[];
}

function checkAction(a: string, path: string): void {
  if (a === '*') return;
  const colon = a.indexOf(':');
  if (colon <= 0) fail('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.', path);
  if (a.indexOf(':', colon + 1) >= 0) fail('Actions/Condition can contain only one colon.', path);
  const vendor = a.slice(0, colon);
  if (/[*?]/.test(vendor)) fail(`Vendor ${vendor} is not valid`, path);
  if (!/^[A-Za-z0-9-]+$/.test(vendor)) fail(`Vendor ${vendor} is not valid`, path);
  if (colon === a.length - 1) fail(`Action ${a} is not valid`, path);
}

function checkResource(r: string, path: string): void {
  if (r !== '*' && !/^arn:[^:]*:[^:]*:/.test(r)) fail(`Resource ${r} must be in ARN format or "*".`, path);
  if (r !== '*' && /[*?]/.test(splitArn(r)[2])) fail(`Resource ${r} can not contain a wildcard in the service segment.`, path);
}

function compileStatement(raw: unknown, index: number, kind: PolicyKind, variables: boolean, policyId: string | undefined, path: string): Statement {
  if (!isObject(raw)) return fail('Syntax errors in policy.', path);
  for (const k of Object.keys(raw)) if (!STATEMENT_FIELDS.has(k)) fail(`Unknown field ${k}`, `${path}.${k}`);
  const sid = raw.Sid as string | undefined;
  if (sid !== undefined && typeof sid !== 'string') fail('Syntax errors in policy.', `${path}.Sid`);
  if (typeof sid === 'string' && kind !== 'resource' && !/^[0-9A-Za-z]*$/.test(sid)) {
    fail('Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*', `${path}.Sid`);
  }
  if (raw.Effect === undefined) fail('Missing required field Effect', `${path}.Effect`);
  if (raw.Effect !== 'Allow' && raw.Effect !== 'Deny') fail(`Invalid effect: ${typeof raw.Effect === 'string' ? raw.Effect : JSON.stringify(raw.Effect)}`, `${path}.Effect`);
  const effect = raw.Effect as 'Allow' | 'Deny';

  const hasPrincipal = raw.Principal !== undefined || raw.NotPrincipal !== undefined;
  if (raw.Principal !== undefined && raw.NotPrincipal !== undefined) fail('Statement can not have both Principal and NotPrincipal', path);
  if (!PRINCIPAL_KINDS.has(kind) && hasPrincipal) fail('Policy document should not specify a principal.', `${path}.${raw.Principal !== undefined ? 'Principal' : 'NotPrincipal'}`);
  if (PRINCIPAL_KINDS.has(kind) && !hasPrincipal) fail('Missing required field Principal', `${path}.Principal`);
  if (kind === 'trust' && raw.NotPrincipal !== undefined) fail('Has prohibited field NotPrincipal', `${path}.NotPrincipal`);
  if (raw.NotPrincipal !== undefined && effect === 'Allow') fail('NotPrincipal is supported only with "Effect": "Deny".', `${path}.NotPrincipal`);
  const principal = hasPrincipal ? compilePrincipal(raw.Principal ?? raw.NotPrincipal, `${path}.${raw.Principal !== undefined ? 'Principal' : 'NotPrincipal'}`) : undefined;

  if (raw.Action !== undefined && raw.NotAction !== undefined) fail('Statement can not have both Action and NotAction', path);
  const actionField = raw.Action !== undefined ? 'Action' : 'NotAction';
  const actionsRaw = raw.Action ?? raw.NotAction;
  if (actionsRaw === undefined) fail('Policy statement must contain actions.', `${path}.Action`);
  const actions = stringList(actionsRaw, `${path}.${actionField}`);
  if (actions.length === 0) fail('Policy statement must contain actions.', `${path}.${actionField}`);
  actions.forEach((a, i) => checkAction(a, `${path}.${actionField}[${i}]`));

  if (raw.Resource !== undefined && raw.NotResource !== undefined) fail('Statement can not have both Resource and NotResource', path);
  const resourceField = raw.Resource !== undefined ? 'Resource' : 'NotResource';
  const resourcesRaw = raw.Resource ?? raw.NotResource;
  if (kind === 'trust' && resourcesRaw !== undefined) fail(`Has prohibited field ${resourceField}`, `${path}.${resourceField}`);
  let resources: string[] | undefined;
  if (resourcesRaw === undefined) {
    if (kind !== 'resource' && kind !== 'trust') fail('Policy statement must contain resources.', `${path}.Resource`);
  } else {
    resources = stringList(resourcesRaw, `${path}.${resourceField}`);
    if (resources.length === 0) fail('Policy statement must contain resources.', `${path}.${resourceField}`);
    resources.forEach((r, i) => checkResource(r, `${path}.${resourceField}[${i}]`));
  }

  const conditions = raw.Condition === undefined ? [] : compileCondition(raw.Condition, variables, `${path}.Condition`);
  return {
    index,
    sid,
    effect,
    actions: compileActions(actions),
    notAction: raw.NotAction !== undefined,
    resources: resources && compileResources(resources, variables),
    notResource: raw.NotResource !== undefined,
    principal,
    notPrincipal: raw.NotPrincipal !== undefined,
    conditions,
    report: { ...(policyId !== undefined ? { policyId } : {}), policyKind: kind, ...(sid !== undefined ? { sid } : {}), effect, index },
  };
}

/** Validates and compiles a policy document. Throws PolicyParseError with AWS's MalformedPolicyDocument message. */
export function compilePolicy(document: string | object, kind: PolicyKind, id?: string, options: CompileOptions = {}): CompiledPolicy {
  const maxSize = options.maxSize ?? MAX_POLICY_SIZE;
  let doc: unknown = document;
  if (typeof document === 'string') {
    if (nonWhitespaceLength(document) > maxSize) fail(`Cannot exceed quota for PolicySize: ${maxSize}`, '');
    try {
      doc = JSON.parse(document);
    } catch {
      fail('Syntax errors in policy.', '');
    }
    const dup = findDuplicateKey(document);
    if (dup !== undefined) fail('Syntax errors in policy.', dup);
  } else {
    let text: string | undefined;
    try {
      text = JSON.stringify(document);
    } catch {
      fail('Syntax errors in policy.', '');
    }
    if (text === undefined) fail('Syntax errors in policy.', '');
    else if (nonWhitespaceLength(text) > maxSize) fail(`Cannot exceed quota for PolicySize: ${maxSize}`, '');
  }
  if (!isObject(doc)) return fail('Syntax errors in policy.', '');
  for (const k of Object.keys(doc)) if (!TOP_FIELDS.has(k)) fail(`Unknown field ${k}`, k);
  const v = doc.Version;
  if (v !== undefined && v !== '2012-10-17' && v !== '2008-10-17') fail('The policy failed legacy parsing', 'Version');
  if (doc.Id !== undefined && typeof doc.Id !== 'string') fail('Syntax errors in policy.', 'Id');
  if (doc.Id !== undefined && kind !== 'resource' && kind !== 'trust') fail('Has prohibited field Id', 'Id');
  if (doc.Statement === undefined) fail('Missing required field Statement', 'Statement');
  const raw = doc.Statement;
  if (!isObject(raw) && !Array.isArray(raw)) fail('Syntax errors in policy.', 'Statement');
  const list: unknown[] = Array.isArray(raw) ? raw : [raw];
  const variables = v === '2012-10-17';
  const statements = list.map((s, i) => compileStatement(s, i, kind, variables, id, Array.isArray(raw) ? `Statement[${i}]` : 'Statement'));
  const sids = new Set<string>();
  for (const s of statements) {
    if (s.sid === undefined || s.sid === '') continue;
    if (sids.has(s.sid)) fail('Statement IDs (SID) in a single policy must be unique.', `Statement[${s.index}].Sid`);
    sids.add(s.sid);
  }
  return { id, kind, version: v === '2012-10-17' ? '2012-10-17' : '2008-10-17', explicitVersion: v !== undefined, statements };
}
