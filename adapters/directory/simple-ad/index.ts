// simple-ad: a standalone AD-compatible directory kept in the broker's Store (SQLite or
// PostgreSQL), like AWS Directory Service's Simple AD (Samba 4). See README.md here.
import type { DirectoryBackend, ForeignPrincipals } from '../../../server/contracts/directory.ts';
import type { Store } from '../../../server/contracts/store.ts';
import type { LocalDirectoryConfig, OtherDirectoryConfig } from '../../../server/contracts/directory-config.ts';
import { SimpleAdBackend } from './backend.ts';
import { AccountAdminError, type ResetResult, resetPassword, unlockAccount, type UnlockResult } from './account-admin.ts';
import { applySeed, provision } from './bootstrap.ts';
import { foreignPrincipals } from './foreign-principals.ts';
import type { Ctx } from './context.ts';
import { DEFAULT_COST, generatePassword, policyViolation, type ScryptCost } from './passwords.ts';
import { DirectoryState } from './state.ts';

export { AccountAdminError } from './account-admin.ts';

/** AWS Simple AD sizes: small "up to 500 users (approximately 2,000 objects including users, groups
 *  and computers)", large 5,000 users / 20,000 objects. The object count is what is enforced. */
export const SIZE_LIMITS = { small: { objects: 2_000 }, large: { objects: 20_000 } } as const;

export interface OpenSimpleAdOptions {
  store: Store;
  config: LocalDirectoryConfig | OtherDirectoryConfig<'simple-ad' | 'managed-ad'>;
  now?: () => Date;
  /** scrypt cost for new hashes (default N=2^15, r=8, p=1). Tests lower it; stored hashes keep their own. */
  hashCost?: ScryptCost;
  /** Told when failed binds lock an account. */
  onLockout?: (sam: string) => void;
}

export interface SimpleAd {
  backend: DirectoryBackend;
  generatedAdminPassword?: string;
  /** Members from trusted domains (managed-ad); simple-ad itself never uses it. */
  foreignPrincipals: ForeignPrincipals;
}

function contextOf(opts: OpenSimpleAdOptions): Ctx {
  const config = opts.config;
  if (config.type === 'ad-connector') throw new Error(`directory ${config.id}: simple-ad cannot serve an ad-connector directory`);
  return {
    state: new DirectoryState(opts.store, config.id),
    domain: { dnsName: config.dnsName.toLowerCase(), netbiosName: config.netbiosName, baseDN: config.dnsName.toLowerCase().split('.').map((p) => `DC=${p}`).join(',') },
    lockout: config.lockout,
    unknownUserCode: config.unknownUserCode,
    passwordPolicy: config.passwordPolicy,
    adminGroups: config.adminGroups,
    limits: SIZE_LIMITS[config.size],
    cost: opts.hashCost ?? DEFAULT_COST,
    now: opts.now ?? (() => new Date()),
    onLockout: opts.onLockout,
  };
}

export async function openSimpleAd(opts: OpenSimpleAdOptions): Promise<SimpleAd> {
  const config = opts.config;
  const ctx = contextOf(opts);
  if (config.type === 'ad-connector') throw new Error(`directory ${config.id}: simple-ad cannot serve an ad-connector directory`);
  const configured = config.adminPassword;
  if (configured !== undefined) {
    const why = policyViolation(configured, ctx.passwordPolicy, { sam: 'Administrator' });
    if (why) throw new Error(`directory ${config.id}: adminPassword does not meet the password policy: ${why.replace(/!$/, '')}`);
  }
  const adminPassword = configured ?? generatePassword();
  const created = await provision(ctx, adminPassword);
  await applySeed(ctx, config.seed);
  return { backend: new SimpleAdBackend(ctx), foreignPrincipals: foreignPrincipals(ctx), ...(created && configured === undefined ? { generatedAdminPassword: adminPassword } : {}) };
}

/** An administrator's account operations on a directory the broker has already created (no provisioning, no
 *  seed: the store is used as it is, beside any running broker). */
export interface SimpleAdAccounts {
  unlock(name: string): Promise<UnlockResult>;
  resetPassword(name: string, password: string, opts: { mustChange: boolean }): Promise<ResetResult>;
  /** A random password that passes this directory's policy (shell-safe characters). */
  generatePassword(): string;
}

export async function openSimpleAdAccounts(opts: OpenSimpleAdOptions): Promise<SimpleAdAccounts> {
  const ctx = contextOf(opts);
  if ((await opts.store.meta.get(`dir-init:${ctx.state.account}`)) === undefined) {
    throw new AccountAdminError(`directory ${opts.config.id} has no data in this store yet: start the broker once (idbroker start) to create it`);
  }
  return {
    unlock: (name) => unlockAccount(ctx, name),
    resetPassword: (name, password, o) => resetPassword(ctx, name, password, o),
    generatePassword: () => generatePassword(ctx.passwordPolicy.minLength),
  };
}
