// Directories (AWS Directory Service's three kinds): simple-ad and managed-ad store their
// entries in the broker; ad-connector proxies to upstream domain controllers; managed-ad may
// trust other domains. Keys that a kind cannot have get an error saying why. Each adapter owns
// its section (adapters/directory/<type>/config-schema.ts, from the shared pieces in
// server/contracts/directory-config.ts); a new type is added here and in server/registry.ts.
import { z } from 'zod';
import { adConnectorSchema } from '../../adapters/directory/ad-connector/config-schema.ts';
import { managedAdSchema } from '../../adapters/directory/managed-ad/config-schema.ts';
import { simpleAdSchema } from '../../adapters/directory/simple-ad/config-schema.ts';

export const directorySchema = z.discriminatedUnion('type', [simpleAdSchema, managedAdSchema, adConnectorSchema]);
