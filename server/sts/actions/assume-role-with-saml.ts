// AssumeRoleWithSAML (unsigned): a base64 samlp:Response from an IdP registered as an IAM SAML provider in the
// role's account becomes role credentials, as AWS does it: signature against the provider metadata's
// certificates, issuer, audience/recipient (the broker's SP entity id and ACS URL), validity window, single use,
// AWS's Role/RoleSessionName/SessionDuration/PrincipalTag/TransitiveTagKeys/SourceIdentity attributes, and the
// role's trust policy evaluated with the saml:* condition keys.
import { AwsError } from '../../contracts/errors.ts';
import { defineAction, type ActionContext } from '../../iam/action.ts';
import { parseArn } from '../../iam/arn.ts';
import { SAML_PROVIDER, type SamlProviderData } from '../../iam/actions/saml-providers.ts';
import { compileDocument } from '../../iam/documents.ts';
import { roleResourceKeys } from '../../iam/authorization-table.ts';
import type { RoleData } from '../../iam/model.ts';
import { evaluate, type ContextValue } from '../../policy/index.ts';
import { credentialsXml, issueSession } from '../issue-credentials.ts';
import { packedPolicySize } from '../packed-policy.ts';
import { readRole } from '../read-role.ts';
import { checkSessionPolicies, durationError, readPolicyArns, S } from '../params.ts';
import { nameQualifier, readAwsAttributes, subjectType } from '../saml/aws-attributes.ts';
import { checkAssertion, EXPIRED, SAML_CLOCK_SKEW_SECONDS } from '../saml/check-assertion.ts';
import { samlConditionKeys } from '../saml/condition-keys.ts';
import { decodeSamlParameter, openResponse } from '../saml/open-response.ts';
import { providerMetadata } from '../saml/provider-metadata.ts';
import { readAssertion } from '../saml/read-assertion.ts';
import { useAssertionOnce } from '../saml/replay-cache.ts';
import { spEndpoints } from '../saml/sp-endpoints.ts';
import { loadSpKeyPair } from '../saml/sp-key.ts';
import { mappedTags, mergeSessionTags, tagMappingOf } from '../mapped-session-tags.ts';

interface Params {
  roleArn: string;
  principalArn: string;
  assertion: string;
  policy?: string;
  policyArns?: string[];
  duration?: number;
}

const ACTION = 'sts:AssumeRoleWithSAML';
const denied = () => new AwsError('AccessDenied', `Not authorized to perform ${ACTION}`);

function refs(p: Params): { account: string; roleName: string; providerName: string } {
  const role = parseArn(p.roleArn);
  const provider = parseArn(p.principalArn);
  const ok = role?.service === 'iam' && role.resource.startsWith('role/') && provider?.service === 'iam' && provider.resource.startsWith('saml-provider/');
  if (!ok || !/^\d{12}$/.test(role.account)) throw new AwsError('ValidationError', 'Request ARN is invalid');
  return { account: role.account, roleName: role.resource.slice(role.resource.lastIndexOf('/') + 1), providerName: provider.resource.slice('saml-provider/'.length) };
}

function allows(ctx: ActionContext, role: RoleData, principalArn: string, account: string, action: string, context: Record<string, ContextValue | undefined>): boolean {
  const d = evaluate({
    action,
    resource: role.arn,
    principal: { type: 'SAMLUser', arn: principalArn, account },
    context,
    identityPolicies: [],
    resourcePolicy: compileDocument(role.assumeRolePolicyDocument, 'trust', `${role.arn}#trust`),
    resourceAccount: account,
  });
  return d.decision === 'allowed';
}

export const AssumeRoleWithSAML = defineAction<Params>({
  name: 'AssumeRoleWithSAML',
  writes: false,
  parse: (r) => ({
    roleArn: r.required('RoleArn', S.arn),
    principalArn: r.required('PrincipalArn', S.arn),
    assertion: r.required('SAMLAssertion', { min: 4, max: 100000 }),
    policy: r.optional('Policy', S.sessionPolicy),
    policyArns: readPolicyArns(r),
    duration: r.int('DurationSeconds', { min: 900, max: 43200 }),
  }),
  authorize: async () => {}, // unsigned: the assertion and the role's trust policy decide, in run()
  async run(p, ctx) {
    const ref = refs(p);
    checkSessionPolicies(p.policy, p.policyArns);
    const xml = decodeSamlParameter(p.assertion);

    // The provider must exist in the role's account; its metadata gives the issuer and the certificates.
    const provider = parseArn(p.principalArn)!.account === ref.account ? (await ctx.store.entities.get<SamlProviderData>(ref.account, SAML_PROVIDER, p.principalArn))?.data : undefined;
    if (!provider) throw new AwsError('InvalidIdentityToken', `SAML provider ${p.principalArn} does not exist in account ${ref.account}`);
    const metadata = providerMetadata(provider.metadata);
    if (Date.parse(provider.validUntil) <= ctx.now.getTime()) throw new AwsError('InvalidIdentityToken', 'The SAML provider metadata has expired (validUntil)');

    // The SP key is read only for an EncryptedAssertion.
    const opened = await openResponse(xml, metadata.signingCertificates, async () => (await loadSpKeyPair(ctx.store, ctx.keys))?.privateKey);
    const f = readAssertion(opened.assertion);
    const endpoints = spEndpoints(ctx.services.publicUrl);
    const recipient = checkAssertion(f, opened.responseIssuer, opened.destination, {
      issuer: metadata.entityId,
      audiences: [endpoints.entityId],
      recipients: [endpoints.acsUrl],
      now: ctx.now,
    });
    const attrs = readAwsAttributes(f.attributes);
    if (!f.nameId) throw denied();

    const role = await readRole(ctx, { account: ref.account, name: ref.roleName });
    if (!role || role.arn !== p.roleArn) throw denied();
    if (!attrs.rolePairs.some((x) => x.roleArn === p.roleArn && x.providerArn === p.principalArn)) throw denied();

    const sub = subjectType(f.nameIdFormat);
    const nq = nameQualifier(f.issuer!, ref.account, provider.name);
    const saml = samlConditionKeys({ recipient, issuer: f.issuer!, subject: f.nameId, subjectType: sub, nameQualifier: nq, doc: `${ref.account}/${provider.name}`, attributes: f.attributes });
    // PrincipalTag:* attributes plus the provider's configured mapping (attribute name or saml:* key → tag).
    const fail = (m: string) => new AwsError('InvalidIdentityToken', m);
    const mapped = mappedTags(tagMappingOf(provider.settings), (name) => f.attributes.get(name) ?? saml[name], fail);
    const tagging = mergeSessionTags({ tags: attrs.tags, transitiveTagKeys: attrs.transitiveTagKeys }, mapped, 'InvalidIdentityToken');
    const context: Record<string, ContextValue | undefined> = {
      ...saml,
      ...roleResourceKeys(role), // aws:ResourceTag/*, iam:ResourceTag/* of the role (server/iam/authorization-table.ts)
      'aws:SourceIp': ctx.request.sourceIp,
      'aws:SecureTransport': ctx.request.secureTransport,
      'aws:RequestedRegion': ctx.request.region,
      'aws:FederatedProvider': p.principalArn,
      'sts:RoleSessionName': attrs.sessionName,
      'sts:SourceIdentity': attrs.sourceIdentity,
      'sts:TransitiveTagKeys': tagging.transitiveTagKeys.length ? tagging.transitiveTagKeys : undefined,
      'aws:TagKeys': tagging.tags.length ? tagging.tags.map((t) => t.Key) : undefined,
    };
    for (const t of tagging.tags) context[`aws:RequestTag/${t.Key}`] = t.Value;
    if (!allows(ctx, role, p.principalArn, ref.account, ACTION, context)) throw denied();
    if (tagging.tags.length && !allows(ctx, role, p.principalArn, ref.account, 'sts:TagSession', context)) throw denied();
    if (attrs.sourceIdentity && !allows(ctx, role, p.principalArn, ref.account, 'sts:SetSourceIdentity', context)) throw denied();

    // Duration: DurationSeconds (default 3600) ≤ role max; then capped by SessionDuration and SessionNotOnOrAfter.
    const requested = p.duration ?? 3600;
    if (requested > role.maxSessionDuration) throw durationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    let duration = Math.min(requested, attrs.sessionDuration ?? requested);
    if (f.sessionNotOnOrAfter) {
      const left = Math.floor((Date.parse(f.sessionNotOnOrAfter) - ctx.now.getTime()) / 1000);
      if (!(left > 0)) throw EXPIRED();
      duration = Math.min(duration, left);
    }
    // Single use (recorded once everything else passed), kept until the assertion could no longer be accepted.
    const ends = [f.notOnOrAfter, f.confirmations[0].notOnOrAfter].filter((v): v is string => !!v).map((v) => Date.parse(v));
    await useAssertionOnce(ctx.store, metadata.entityId, f.id, new Date(Math.max(...ends) + SAML_CLOCK_SKEW_SECONDS * 1000), ctx.now);
    const packed = packedPolicySize({ policy: p.policy, policyArns: p.policyArns, tags: tagging.tags });

    const arn = `arn:aws:sts::${ref.account}:assumed-role/${role.name}/${attrs.sessionName}`;
    const issued = await issueSession(
      ctx.keys,
      {
        account: ref.account,
        type: 'AssumedRole',
        arn,
        userId: `${role.id}:${attrs.sessionName}`,
        principalArn: role.arn,
        roleName: role.name,
        sessionName: attrs.sessionName,
        ...(tagging.tags.length ? { tags: tagging.tags, transitiveTagKeys: tagging.transitiveTagKeys.map((k) => k.toLowerCase()) } : {}),
        ...(attrs.sourceIdentity ? { sourceIdentity: attrs.sourceIdentity } : {}),
        sessionPolicy: p.policy,
        policyArns: p.policyArns,
        // What stays available to later requests of this session (IAM User Guide: these three).
        federation: { provider: p.principalArn, claims: { 'saml:namequalifier': nq, 'saml:sub': f.nameId, 'saml:sub_type': sub } },
      },
      ctx.now,
      duration,
    );
    return [
      credentialsXml(issued),
      ['AssumedRoleUser', [['AssumedRoleId', issued.session.userId], ['Arn', arn]]],
      ...(packed !== undefined ? [['PackedPolicySize', packed] as const] : []),
      ['Subject', f.nameId],
      ['SubjectType', sub],
      ['Issuer', f.issuer!],
      ['Audience', recipient],
      ['NameQualifier', nq],
      ...(attrs.sourceIdentity ? [['SourceIdentity', attrs.sourceIdentity] as const] : []),
    ];
  },
});
