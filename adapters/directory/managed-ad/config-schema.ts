// managed-ad's section of the config (`directories:` entries with `type: managed-ad`): a stored directory
// (server/contracts/directory-config.ts) plus trusts to other domains, each with its DCs, and optional MFA.
import { z } from 'zod';
import { integer, list } from '../../../server/contracts/config-fields.ts';
import { directoryFields, dnsName, localDirectoryFields, mfaSchema, netbiosName, refuse, upstreamSchema } from '../../../server/contracts/directory-config.ts';

export const trustSchema = z.strictObject({
  dnsName: dnsName(),
  netbiosName: netbiosName(),
  direction: z.enum(['one-way-outgoing', 'one-way-incoming', 'two-way']),
  type: z.enum(['forest', 'external']).default('forest'),
  upstream: upstreamSchema,
});

export const managedAdSchema = z.strictObject({
  type: z.literal('managed-ad'),
  ...directoryFields,
  ...localDirectoryFields,
  trusts: list(trustSchema),
  trustSearch: z.enum(['chase', 'referral']).default('chase'),
  trustCheckSeconds: integer(1, 86_400).default(60),
  mfa: mfaSchema.optional(),
  upstream: refuse('managed-ad has no upstream: other domains are declared under trusts'),
});

export type ManagedAdConfig = z.output<typeof managedAdSchema>;
