// Best-practice checks (issue 3 item 8): what the IAM best practices warn against, on top of validation errors.
import { parseOperator } from './conditions.ts';
import { PolicyParseError } from './errors.ts';
import { compileActions, matchAction } from './matchers.ts';
import { compilePolicy } from './parse.ts';
import type { PolicyKind } from './types.ts';

export interface LintFinding {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  path: string;
}

const MULTIVALUED = new Set(['aws:tagkeys', 'aws:principalorgpaths', 'aws:principalservicenameslist', 'aws:calledvia', 'sts:transitivetagkeys']);
const SINGLE_TAG = /^aws:(requesttag|resourcetag|principaltag)\//i;

const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function lintPolicy(document: string | object, kind: PolicyKind): LintFinding[] {
  try {
    compilePolicy(document, kind);
  } catch (err) {
    if (err instanceof PolicyParseError) return [{ severity: 'error', code: 'MalformedPolicyDocument', message: err.message, path: err.path }];
    throw err;
  }
  const doc = (typeof document === 'string' ? JSON.parse(document) : document) as Record<string, unknown>;
  const out: LintFinding[] = [];
  const warn = (code: string, message: string, path: string) => out.push({ severity: 'warning', code, message, path });
  if (doc.Version === undefined) warn('MissingVersion', 'No Version element: policy variables are not resolved. Use "Version": "2012-10-17".', 'Version');
  else if (doc.Version === '2008-10-17' && JSON.stringify(doc.Statement).includes('${')) {
    warn('VariablesNotResolved', 'Version 2008-10-17 does not resolve policy variables: "${…}" is literal text here.', 'Version');
  }
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  statements.forEach((raw, i) => {
    const s = raw as Record<string, unknown>;
    const path = Array.isArray(doc.Statement) ? `Statement[${i}]` : 'Statement';
    const allow = s.Effect === 'Allow';
    const actions = list(s.Action).map(String);
    const resources = list(s.Resource).map(String);
    const allResources = resources.includes('*');
    if (allow && allResources && actions.includes('*')) warn('FullAccess', 'Allows every action on every resource ("Action": "*" with "Resource": "*"). Grant only the permissions needed.', `${path}.Action`);
    else if (allow && allResources) {
      for (const a of actions) if (/^[^:]+:\*$/.test(a)) warn('ServiceWideAccess', `Allows every action of a service ("${a}") on every resource.`, `${path}.Action`);
    }
    if (allow && s.NotAction !== undefined) warn('AllowWithNotAction', 'Allow with NotAction allows every action not listed, in every service, including ones added later.', `${path}.NotAction`);
    if (allow && s.NotResource !== undefined) warn('AllowWithNotResource', 'Allow with NotResource allows every resource not listed.', `${path}.NotResource`);
    if (allow && allResources && actions.length && matchAction(compileActions(actions), 'iam:passrole')) {
      warn('PassRoleOnAllResources', 'Allows iam:PassRole on "*": the holder can pass any role, including more privileged ones, to a service.', `${path}.Resource`);
    }
    const p = s.Principal;
    const everyone = p === '*' || (isObject(p) && list(p.AWS).includes('*'));
    if (kind === 'trust' && allow && everyone && s.Condition === undefined) warn('PublicTrust', 'The trust policy lets any principal assume the role ("Principal": "*") with no condition.', `${path}.Principal`);
    if (isObject(s.Condition)) {
      for (const [opName, keys] of Object.entries(s.Condition)) {
        const op = parseOperator(opName);
        if (!op || !isObject(keys)) continue;
        for (const key of Object.keys(keys)) {
          const cpath = `${path}.Condition.${opName}.${key}`;
          const lower = key.toLowerCase();
          if (op.set && SINGLE_TAG.test(key)) warn('SetOperatorOnSingleValuedKey', `${opName} on the single-valued key ${key} can make the policy too permissive; use ${op.base.name}.`, cpath);
          if (!op.set && op.base.family !== 'null' && MULTIVALUED.has(lower)) warn('MultivaluedKeyWithoutSetOperator', `${key} is multivalued: use ForAllValues: or ForAnyValue: with ${op.base.name}.`, cpath);
          if (op.set === 'all' && allow && !op.base.negated) {
            const nullCheck = isObject(s.Condition.Null) && Object.keys(s.Condition.Null).some((k) => k.toLowerCase() === lower);
            if (!nullCheck) warn('ForAllValuesWithoutNullCheck', `ForAllValues is true when ${key} is missing; add "Null": {"${key}": "false"}.`, cpath);
          }
          if (lower === 'aws:multifactorauthpresent' && s.Effect === 'Deny' && op.base.family === 'bool' && !op.ifExists) {
            warn('MfaDenyMissesLongTermKeys', 'aws:MultiFactorAuthPresent is absent for long-term access keys: a Deny with Bool does not catch them; use BoolIfExists.', cpath);
          }
        }
      }
    }
  });
  return out;
}
