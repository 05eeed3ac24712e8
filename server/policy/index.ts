// The policy engine: pure, no I/O, no clock reads. Compile once (compilePolicy), evaluate many times (evaluate).
export type { CompiledPolicy, ContextScalar, ContextValue, Decision, EvaluationInput, MatchedStatement, PolicyKind, PrincipalInfo } from './types.ts';
export { PolicyParseError } from './errors.ts';
export { compilePolicy, MAX_POLICY_SIZE, type CompileOptions } from './parse.ts';
export { evaluate } from './evaluate.ts';
export { lintPolicy, type LintFinding } from './lint.ts';
export { RESOURCE_POLICY_REQUIRED, resourcePolicyRequired } from './required-resource-policy.ts';
