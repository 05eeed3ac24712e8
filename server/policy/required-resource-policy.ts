// Resources whose own policy must grant: an identity-based policy alone is not enough, the resource-based policy must
// allow the principal or delegate to its account (which then needs an identity grant too). AWS: a role's trust
// policy for sts:AssumeRole* (D:id_roles_terms-and-concepts.html, "trust policy"), a KMS key policy
// (D:kms/latest/developerguide/key-policies.html: "Unless the key policy explicitly allows it, you cannot use IAM
// policies to allow access to a KMS key"). Relying services can declare their own service as such.

interface Row {
  /** Lower-case action names (service:action), or a service prefix ending in ':'. */
  actions: readonly string[];
  resource: RegExp;
}

export const RESOURCE_POLICY_REQUIRED: readonly Row[] = [
  {
    actions: ['sts:assumerole', 'sts:assumerolewithsaml', 'sts:assumerolewithwebidentity', 'sts:tagsession', 'sts:setsourceidentity'],
    resource: /^arn:[^:]+:iam::\d{12}:role\//,
  },
  { actions: ['kms:'], resource: /^arn:[^:]+:kms:[^:]*:\d{12}:key\// },
];

/** Whether `action` on `resource` needs the resource's policy to grant; `services`: the services declared so (all their resources). */
export function resourcePolicyRequired(action: string, resource: string, services: Iterable<string> = []): boolean {
  const lower = action.toLowerCase();
  const service = lower.slice(0, lower.indexOf(':') + 1);
  for (const s of services) if (`${s.toLowerCase()}:` === service) return true;
  return RESOURCE_POLICY_REQUIRED.some((row) => row.resource.test(resource) && row.actions.some((a) => (a.endsWith(':') ? a === service : a === lower)));
}
