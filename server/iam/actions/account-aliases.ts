// CreateAccountAlias, DeleteAccountAlias, ListAccountAliases: at most one alias per account (a new one replaces
// the old, as AWS does), unique across the accounts the broker serves. The config's alias is the account's
// alias until one is created or deleted through the API; the store then holds the account's choice.
import { AwsError, ConflictError } from '../../contracts/errors.ts';
import type { Repos } from '../../contracts/store.ts';
import { members } from '../../query-protocol/xml.ts';
import { defineAction, type ActionContext, type IamAction } from '../action.ts';
import { readPaging } from '../params.ts';

/** The account's choice: kind ACCOUNT_ALIAS, key 'alias', in the account (alias null once deleted). */
const ACCOUNT_ALIAS = 'account-alias';
/** Who holds an alias: kind ALIAS_OWNER in the global account '', key = the alias. */
const ALIAS_OWNER = 'account-alias-owner';
/** botocore's accountAliasType. */
const aliasC = { min: 3, max: 63, pattern: '^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$' };

/** The account's alias: the one created through the API, else the config's (unless deleted through the API). */
export async function accountAlias(repos: Repos, account: string, configured: ReadonlyArray<{ id: string; alias?: string }> | undefined): Promise<string | undefined> {
  const stored = await repos.entities.get<{ alias: string | null }>(account, ACCOUNT_ALIAS, 'alias');
  if (stored) return stored.data.alias ?? undefined;
  return configured?.find((a) => a.id === account)?.alias;
}

/** The account that holds an alias (through the API or the config), if any. */
async function holderOf(repos: Repos, alias: string, ctx: ActionContext): Promise<string | undefined> {
  const owner = (await repos.entities.get<{ account: string }>('', ALIAS_OWNER, alias))?.data.account;
  if (owner) return owner;
  for (const a of ctx.services.accounts ?? []) if ((await accountAlias(repos, a.id, ctx.services.accounts)) === alias) return a.id;
  return undefined;
}

async function setAlias(tx: Repos, ctx: ActionContext, alias: string | null): Promise<void> {
  const old = await accountAlias(tx, ctx.account, ctx.services.accounts);
  if (old) await tx.entities.delete('', ALIAS_OWNER, old);
  await tx.entities.upsert({ account: ctx.account, kind: ACCOUNT_ALIAS, key: 'alias', data: { alias } });
  if (alias) await tx.entities.insert({ account: '', kind: ALIAS_OWNER, key: alias, data: { account: ctx.account } });
}

export const CreateAccountAlias = defineAction({
  name: 'CreateAccountAlias',
  writes: true,
  parse: (r) => ({ alias: r.required('AccountAlias', aliasC) }),
  async run(p, ctx) {
    const taken = () => new AwsError('EntityAlreadyExists', `The account alias ${p.alias} already exists.`);
    try {
      await ctx.store.transaction(async (tx) => {
        const holder = await holderOf(tx, p.alias, ctx);
        if (holder === ctx.account) return; // already this account's: AWS answers success
        if (holder) throw taken();
        await setAlias(tx, ctx, p.alias);
      });
    } catch (err) {
      if (err instanceof ConflictError) throw taken(); // another account took it concurrently
      throw err;
    }
    return undefined;
  },
});

export const DeleteAccountAlias = defineAction({
  name: 'DeleteAccountAlias',
  writes: true,
  parse: (r) => ({ alias: r.required('AccountAlias', aliasC) }),
  async run(p, ctx) {
    await ctx.store.transaction(async (tx) => {
      if ((await accountAlias(tx, ctx.account, ctx.services.accounts)) !== p.alias) throw new AwsError('NoSuchEntity', `The account alias ${p.alias} cannot be found.`);
      await setAlias(tx, ctx, null);
    });
    return undefined;
  },
});

export const ListAccountAliases = defineAction({
  name: 'ListAccountAliases',
  writes: false,
  parse: (r) => readPaging(r),
  async run(_p, ctx) {
    const alias = await accountAlias(ctx.store, ctx.account, ctx.services.accounts);
    return [members('AccountAliases', alias ? [alias] : [], (a) => a), ['IsTruncated', false]];
  },
});

export const accountAliasActions = [CreateAccountAlias, DeleteAccountAlias, ListAccountAliases] as IamAction[];
