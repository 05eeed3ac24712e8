// Identity providers declared in the config: SAML (IdP metadata) and OIDC (issuer URL).
import { z } from 'zod';
import { plainHttpAllowed } from '../../server/contracts/plain-http.ts';
import { accountRef, always, filePath, list, matching, optional, sessionTags, text } from '../../server/contracts/config-fields.ts';

/** https://…, or http://… to a loopback or private address (on-prem IdPs); no query or fragment. */
export const issuerUrl = () =>
  z.string().superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'expected an https:// URL' });
      return;
    }
    const okScheme = url.protocol === 'https:' || (url.protocol === 'http:' && plainHttpAllowed(url.hostname));
    if (!okScheme) ctx.addIssue({ code: 'custom', message: 'expected an https:// URL (http:// only to a loopback or private IP address)' });
    else if (url.search || url.hash || url.username || url.password)
      ctx.addIssue({ code: 'custom', message: 'expected a URL without query, fragment or credentials' });
  });

const tagMapping = {
  sessionTags: sessionTags(),
  transitiveTagKeys: list(text()),
};

export const samlProviderSchema = z
  .strictObject({
    name: matching(/^[\w.-]{1,128}$/, 'expected 1 to 128 letters, digits or . _ -'),
    metadataFile: optional(filePath()),
    metadata: optional(matching(/^\s*</, 'expected SAML metadata XML')),
    account: accountRef().optional(),
    ...tagMapping,
  })
  .superRefine((p, ctx) => {
    if (p === null || typeof p !== 'object') return;
    const given = ['metadataFile', 'metadata'].filter((k) => (p as Record<string, unknown>)[k] !== undefined);
    if (given.length !== 1) ctx.addIssue({ code: 'custom', message: 'expected exactly one of metadataFile or metadata', path: [] });
  }, always);

export const oidcProviderSchema = z.strictObject({
  url: issuerUrl(),
  name: matching(/^[\w.-]{1,128}$/, 'expected 1 to 128 letters, digits or . _ -').optional(),
  clientIds: z.array(z.string().min(1).max(255)).min(1, { error: 'expected at least one client id' }),
  thumbprints: list(matching(/^[0-9a-fA-F]{40}$/, 'expected a SHA-1 thumbprint of 40 hexadecimal digits').transform((t) => t.toLowerCase())).refine(
    (t) => t.length <= 5,
    'expected at most 5 thumbprints',
  ),
  clientSecret: optional(text()),
  caFile: optional(filePath()),
  account: accountRef().optional(),
  ...tagMapping,
});

export const identityProvidersSchema = z.strictObject({
  saml: list(samlProviderSchema),
  oidc: list(oidcProviderSchema),
});
