// The shared state of one simple-ad directory: the Model cached in memory, kept in step with the
// Store by a generation number in `meta`. Every write claims generation n+1 with
// meta.setIfAbsent inside its transaction, so writes from several replicas are serialised: a
// writer that lost the race rolls back and retries against the fresh state. Readers check the
// generation (one small query) and reload when another replica has written. The claims stay in
// `meta` (one small row per write): deleting old ones would let a stale writer reuse a number.
import { ConflictError } from '../../../server/contracts/errors.ts';
import type { Repos, Store } from '../../../server/contracts/store.ts';
import { changeMeta } from './change-meta.ts';
import { type EntryData, fromRecord, KIND, Model, type Obj, toRecord } from './model.ts';

class Retry extends Error {}

/** The objects one write puts or removes, in order; reads see the batch over the model. */
export class Batch {
  readonly ops: ({ put: Obj } | { remove: string } | { bury: Obj } | { purge: string })[] = [];
  readonly #pending = new Map<string, Obj | null>();
  /** Objects this batch creates, for the size limit. */
  created = 0;

  constructor(readonly model: Model, readonly usn: number) {}

  get(key: string): Obj | undefined {
    const p = this.#pending.get(key);
    return p === null ? undefined : (p ?? this.model.get(key));
  }

  put(o: Obj): void {
    const prev = this.get(o.key) ?? this.#sameObject(o);
    if (!this.get(o.key)) this.created++;
    const stamped = { ...o, meta: changeMeta(prev, o, this.usn) };
    this.ops.push({ put: stamped });
    this.#pending.set(o.key, stamped);
  }

  /** The previous version of an object that moved to a new key (same objectGUID). */
  #sameObject(o: Obj): Obj | undefined {
    const guid = o.entry.get('objectGUID')?.[0];
    const k = Buffer.isBuffer(guid) ? this.model.byGuid.get(guid.toString('hex')) : undefined;
    return k === undefined ? undefined : this.model.get(k);
  }

  /** Keeps a deleted object's tombstone (tombstones.ts), by objectGUID (hex). */
  bury(tombstone: Obj): void {
    this.ops.push({ bury: tombstone });
  }

  /** Drops a tombstone past its lifetime. */
  purge(guidHex: string): void {
    this.ops.push({ purge: guidHex });
  }

  remove(key: string): void {
    if (this.get(key)) this.created--;
    this.ops.push({ remove: key });
    this.#pending.set(key, null);
  }
}

export class DirectoryState {
  #model = new Model(-1);
  readonly #genKey: string;

  constructor(readonly store: Store, readonly account: string) {
    this.#genKey = `dir-gen:${account}`;
  }

  async #load(repos: Repos, generation: number): Promise<Model> {
    const m = new Model(generation);
    for (const r of await repos.entities.list<EntryData>(this.account, KIND.entry)) m.put(fromRecord(r));
    for (const r of await repos.entities.list<EntryData>(this.account, KIND.tombstone)) m.tombstones.set(r.key, fromRecord(r));
    return m;
  }

  // Operations share generation reads: the callers of one turn of the event loop (the requests that
  // arrived together on all connections) wait for one read that starts after the turn, so each still
  // sees every write committed before its call — one query per turn instead of one per operation.
  #nextRead?: Promise<number>;

  #readGeneration(): Promise<number> {
    return (this.#nextRead ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.#nextRead = undefined;
      return this.store.meta.get(this.#genKey).then((v) => Number(v ?? 0));
    }));
  }

  /** The current model (reloaded if another replica wrote since; a read older than our own last write is not). */
  async model(): Promise<Model> {
    const gen = await this.#readGeneration();
    if (gen > this.#model.generation) this.#model = await this.#load(this.store, gen);
    return this.#model;
  }

  /** Runs `fn` in one transaction as the next generation; retries when another writer won. */
  async write<T>(fn: (batch: Batch, tx: Repos) => T | Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const { result, batch } = await this.store.transaction(async (tx) => {
          const gen = Number((await tx.meta.get(this.#genKey)) ?? 0);
          const model = gen === this.#model.generation ? this.#model : await this.#load(tx, gen);
          if (model !== this.#model) this.#model = model;
          const batch = new Batch(model, gen + 1);
          const result = await fn(batch, tx);
          if (batch.ops.length === 0) return { result, batch };
          if (!(await tx.meta.setIfAbsent(`${this.#genKey}:${gen + 1}`, new Date().toISOString()))) throw new Retry();
          await tx.meta.set(this.#genKey, String(gen + 1));
          for (const op of batch.ops) {
            if ('put' in op) await tx.entities.upsert(toRecord(this.account, op.put));
            else if ('remove' in op) await tx.entities.delete(this.account, KIND.entry, op.remove);
            else if ('bury' in op) await tx.entities.upsert({ ...toRecord(this.account, op.bury), kind: KIND.tombstone });
            else await tx.entities.delete(this.account, KIND.tombstone, op.purge);
          }
          return { result, batch };
        });
        if (batch.ops.length > 0) {
          const m = this.#model;
          if (m === batch.model && m.generation === batch.usn - 1) {
            for (const op of batch.ops) {
              if ('put' in op) m.put(op.put);
              else if ('remove' in op) m.remove(op.remove);
              else if ('bury' in op) m.tombstones.set(op.bury.key, op.bury);
              else m.tombstones.delete(op.purge);
            }
            m.generation = batch.usn;
          } else this.#model = new Model(-1); // reload on next read
        }
        return result;
      } catch (err) {
        if ((err instanceof Retry || err instanceof ConflictError) && attempt < 20) {
          await new Promise((r) => setTimeout(r, Math.random() * 2 * (attempt + 1))); // jitter: let the winner finish
          continue;
        }
        throw err;
      }
    }
  }
}
