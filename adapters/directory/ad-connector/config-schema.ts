// ad-connector's section of the config (`directories:` entries with `type: ad-connector`): the keys every
// directory has (server/contracts/directory-config.ts), the upstream DCs, optional MFA and the caches; it
// stores no entries.
import { z } from 'zod';
import { integer } from '../../../server/contracts/config-fields.ts';
import { directoryFields, mfaSchema, refuse, upstreamSchema } from '../../../server/contracts/directory-config.ts';

export const adConnectorSchema = z.strictObject({
  type: z.literal('ad-connector'),
  ...directoryFields,
  upstream: upstreamSchema,
  mfa: mfaSchema.optional(),
  groupCacheSeconds: integer(0, 86_400).default(0),
  /** How long which upstream user a bind name means (DN and down-level name) is remembered; 0 = look it up
   *  at every bind. Names only: every bind still goes to the DC as the user. */
  nameCacheSeconds: integer(0, 86_400).default(60),
  seed: refuse('ad-connector stores no entries (seed is for simple-ad and managed-ad)'),
  adminPassword: refuse('ad-connector has no local administrator (its upstream has)'),
  trusts: refuse('ad-connector cannot have trusts (use managed-ad)'),
});

export type AdConnectorConfig = z.output<typeof adConnectorSchema>;
