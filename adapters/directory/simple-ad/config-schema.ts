// simple-ad's section of the config (`directories:` entries with `type: simple-ad`): the keys every directory
// has and those of a stored directory (server/contracts/directory-config.ts); no trusts, MFA or upstream.
import { z } from 'zod';
import { directoryFields, localDirectoryFields, refuse } from '../../../server/contracts/directory-config.ts';

export const simpleAdSchema = z.strictObject({
  type: z.literal('simple-ad'),
  ...directoryFields,
  ...localDirectoryFields,
  trusts: refuse('simple-ad cannot trust other domains (use managed-ad)'),
  mfa: refuse('simple-ad has no MFA (use managed-ad or ad-connector)'),
  upstream: refuse('simple-ad has no upstream (use ad-connector)'),
});

export type SimpleAdConfig = z.output<typeof simpleAdSchema>;
