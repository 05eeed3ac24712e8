// IAM ARNs: arn:aws:iam::ACCOUNT:TYPE/PATH/NAME (paths start and end with '/').
export type IamResourceType = 'user' | 'group' | 'role' | 'policy' | 'saml-provider' | 'oidc-provider' | 'mfa' | 'instance-profile';

export function iamArn(account: string, type: IamResourceType, path: string, name: string): string {
  return `arn:aws:iam::${account}:${type}${path}${name}`;
}

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string; // everything after the fifth ':'
}

export function parseArn(arn: string): ParsedArn | undefined {
  const m = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(arn);
  if (!m) return undefined;
  return { partition: m[1], service: m[2], region: m[3], account: m[4], resource: m[5] };
}

/** A managed policy ARN → its account ('aws' for AWS-managed), path and name. */
export function parsePolicyArn(arn: string): { account: string; path: string; name: string } | undefined {
  const p = parseArn(arn);
  if (!p || p.service !== 'iam' || !p.resource.startsWith('policy/')) return undefined;
  const rest = p.resource.slice('policy'.length); // '/path/name'
  const i = rest.lastIndexOf('/');
  return { account: p.account, path: rest.slice(0, i + 1), name: rest.slice(i + 1) };
}
