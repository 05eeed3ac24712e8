// The config of a directory, as far as more than one directory adapter shares it: the keys every directory has,
// those of a directory the broker stores (simple-ad, managed-ad), an upstream's DCs (ad-connector, managed-ad's
// trusts) and MFA (managed-ad, ad-connector). Each adapter's config-schema.ts composes its own section from
// these; config/schema/directories.ts joins the sections into the `directories` list.
import { z } from 'zod';
import { boolean, filePath, hostName, integer, list, matching, optional, port, sessionTags, text } from './config-fields.ts';

export const dnsName = () =>
  matching(/^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/, 'expected a fully qualified DNS name like "corp.example.com"');

export const netbiosName = () =>
  matching(/^[^\\/:*?"<>|.\s][^\\/:*?"<>|\s]{0,14}$/, 'expected a NetBIOS name of 1 to 15 characters, without \\ / : * ? " < > | or spaces').transform((n) =>
    n.toUpperCase(),
  );

const listener = () => z.strictObject({ host: hostName().default('127.0.0.1'), port: port() });

const ldapsListener = () =>
  z
    .strictObject({ host: hostName().default('127.0.0.1'), port: port(), certFile: optional(filePath()), keyFile: optional(filePath()) })
    .superRefine((l, ctx) => {
      if ((l.certFile === undefined) !== (l.keyFile === undefined))
        ctx.addIssue({ code: 'custom', message: 'expected both certFile and keyFile, or neither (a certificate is generated)', path: [] });
    });

export const upstreamSchema = z
  .strictObject({
    urls: z.array(matching(/^ldaps?:\/\/[^/\s?#]+\/?$/, 'expected an ldap:// or ldaps:// URL like "ldap://dc1.example.com:389"')).min(1),
    startTls: boolean().default(false),
    caFile: optional(filePath()),
    serviceAccount: z.strictObject({ username: text(), password: text() }),
    timeoutMs: integer(1, 600_000).default(5000),
    /** User binds on a small pool of bind-only connections ('pooled': one round trip per bind) or on a
     *  connection of their own each, closed right after ('fresh': connect + bind + unbind). */
    bindConnections: z.enum(['pooled', 'fresh']).default('pooled'),
    /** Connections per pool (service look-ups; binds): at most this many in use at once per DC pool. */
    maxConnections: integer(1, 256).default(8),
  })
  .superRefine((u, ctx) => {
    if (u.startTls && u.urls.some((url) => url.startsWith('ldaps:')))
      ctx.addIssue({ code: 'custom', message: 'startTls applies to ldap:// URLs; ldaps:// is already TLS', path: ['startTls'] });
  });

export const mfaSchema = z
  .strictObject({
    radius: z
      .strictObject({
        host: hostName(),
        port: port().default(1812),
        secret: text(),
        timeoutMs: integer(1, 60_000).default(3000), // per attempt
        retries: integer(0, 10).default(2), // retransmissions after the first attempt
        nasIdentifier: text().default('idbroker'),
        requireMessageAuthenticator: boolean().default(false), // refuse answers without one (BlastRADIUS hardening)
      })
      .optional(),
    totp: boolean().default(false),
  })
  .refine((m) => m.radius !== undefined || m.totp, 'expected radius or totp: true');

const SAM = /^[^"/\\[\]:;|=,+*?<>@\s][^"/\\[\]:;|=,+*?<>@]{0,19}$/;
const seedSchema = z.strictObject({
  ous: list(z.strictObject({ name: matching(/^[^,+"\\<>;=#]{1,64}$/, 'expected an OU name of 1 to 64 characters, without , + " \\ < > ; = #'), parent: text().optional(), description: z.string().optional() })),
  groups: list(
    z.strictObject({
      name: matching(SAM, 'expected a group name of 1 to 20 characters, without " / \\ [ ] : ; | = , + * ? < > @'),
      description: z.string().optional(),
      ou: text().optional(),
      members: list(text()),
    }),
  ),
  users: list(
    z
      .strictObject({
        username: matching(SAM, 'expected a sAMAccountName of 1 to 20 characters, without " / \\ [ ] : ; | = , + * ? < > @'),
        password: optional(text()),
        passwordHash: optional(matching(/^(\{(SSHA|SSHA512)\}[A-Za-z0-9+/]+=*|\{CRYPT\}\$7\$[./0-9A-Za-z]{11}[^$]{1,64}\$[./0-9A-Za-z]{43})$/, 'expected an OpenLDAP {SSHA}, {SSHA512} or {CRYPT}$7$ (scrypt) hash')),
        givenName: text().optional(),
        surname: text().optional(),
        displayName: text().optional(),
        email: matching(/^[^@\s]+@[^@\s]+$/, 'expected an e-mail address').optional(),
        userPrincipalName: matching(/^[^@\s]+@[^@\s]+$/, 'expected a UPN like "alice@corp.example.com"').optional(),
        ou: text().optional(),
        groups: list(text()),
        disabled: boolean().default(false),
        passwordNeverExpires: boolean().default(false),
        mustChangePassword: boolean().default(false),
        attributes: z.record(text(), z.union([z.string(), z.array(z.string())], { error: 'expected a string or a list of strings' })).default({}),
      })
      .refine((u) => !(u.password && u.passwordHash), { message: 'expected only one of password or passwordHash', path: ['passwordHash'] }),
  ),
});

/** LDAP listener limits (server/ldap/options.ts); over one: busy (51). Absent keys keep the defaults. */
const ldapLimits = () =>
  z
    .strictObject({
      maxConnections: integer(1, 1_000_000).optional(),
      maxConnectionsPerSource: integer(0, 1_000_000).optional(),
      maxMessageBytes: integer(1024, 100 * 1024 * 1024).optional(),
      maxUnauthenticatedMessageBytes: integer(256, 100 * 1024 * 1024).optional(),
      operationsPerSecondPerSource: integer(0, 10_000_000).optional(),
      maxPendingOperations: integer(1, 100_000).optional(),
      maxOutstandingOperations: integer(0, 100_000).optional(),
      idleTimeoutSeconds: integer(1, 86_400).optional(),
    })
    .optional();

/** The keys every directory has, whatever its type. */
export const directoryFields = {
  id: matching(/^d-[0-9a-f]{10}$/, 'expected "d-" and 10 lower-case hexadecimal digits, like "d-1234567890"'),
  dnsName: dnsName(),
  netbiosName: netbiosName(),
  description: z.string().max(128).optional(),
  size: z.enum(['small', 'large']).default('small'),
  ldap: listener().optional(),
  ldaps: ldapsListener().optional(),
  ldapLimits: ldapLimits(),
  sessionTags: sessionTags(),
  transitiveTagKeys: list(text()),
};

/** The keys of a directory whose entries the broker stores (simple-ad, and managed-ad's local directory). */
export const localDirectoryFields = {
  adminPassword: optional(text()),
  adminGroups: list(text()).transform((g) => (g.length > 0 ? g : ['Domain Admins'])),
  seed: seedSchema.prefault({}),
  /** The data code of a bind with a name that resolves to no user: 52e (Samba, so AWS Simple AD, and Windows
   *  squash "no such user" into "logon failure" so names cannot be enumerated) or 525 (ERROR_NO_SUCH_USER, which
   *  tells a client the name does not exist). */
  unknownUserCode: z.enum(['52e', '525']).default('52e'),
  lockout: z
    .strictObject({
      threshold: integer(0, 1000).default(5),
      windowSeconds: integer(1, 86_400 * 99).default(1800),
      durationSeconds: integer(0, 86_400 * 99).default(1800),
    })
    .prefault({}),
  passwordPolicy: z
    .strictObject({
      minLength: integer(0, 128).default(7),
      complexity: boolean().default(true),
      history: integer(0, 24).default(24),
      maxAgeDays: integer(0, 999).default(0),
    })
    .prefault({}),
};

/** A key this directory type cannot have, with the reason. */
export const refuse = (message: string) => z.never({ error: message }).optional();

/** The directory types; an adapter serves one (server/registry.ts opens each with its adapter). */
export type DirectoryType = 'simple-ad' | 'managed-ad' | 'ad-connector';

/** What simple-ad serves: a simple-ad directory, or the local directory of a managed-ad one. */
export type LocalDirectoryConfig = { type: 'simple-ad' | 'managed-ad' } & z.output<z.ZodObject<typeof directoryFields & typeof localDirectoryFields, z.core.$strict>>;

export type UpstreamConfig = z.output<typeof upstreamSchema>;

/** A config of another type handed to an adapter (each adapter refuses it at run time). */
export interface OtherDirectoryConfig<T extends DirectoryType> {
  type: Exclude<DirectoryType, T>;
  id: string;
}
