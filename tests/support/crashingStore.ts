import type { Doc, Store, Transaction } from '../../cloudfunctions/_core/store/port';

/** What a request that died sees: nothing more happens, read or write. */
export class Crashed extends Error {
  constructor() {
    super('the function died here');
    this.name = 'Crashed';
  }
}

/**
 * A store through which a request dies right after its `limit`-th write: the first `limit`
 * writes land, and from the next one on every call, read or write, fails, as in a process
 * killed between two round trips. `writes` counts what the request tried to write.
 */
export const crashingStore = (store: Store, limit: number) => {
  let writes = 0;
  let dead = false;
  // Calls sent before the death still land (the database received them): `idle` waits for them.
  const inFlight = new Set<Promise<unknown>>();
  const track = <R>(p: Promise<R>): Promise<R> => {
    const settled = p.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(settled);
    void settled.then(() => inFlight.delete(settled));
    return p;
  };
  const state = {
    get writes() {
      return writes;
    },
    get crashed() {
      return dead;
    },
    /** Every call already sent has landed (or failed). */
    async idle() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
  const read =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (dead) throw new Crashed();
      return track(fn(...args));
    };
  const write =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (dead) throw new Crashed();
      writes++;
      if (writes > limit) {
        dead = true;
        throw new Crashed();
      }
      return track(fn(...args));
    };
  const crashing: Store = {
    get: read(<T extends Doc = Doc>(c: string, id: string) => store.get<T>(c, id)) as Store['get'],
    find: read(<T extends Doc = Doc>(...a: Parameters<Store['find']>) => store.find<T>(...a)) as Store['find'],
    count: read(store.count.bind(store)),
    insert: write(<T extends Doc>(c: string, doc: T) => store.insert(c, doc)) as Store['insert'],
    insertMany: write(<T extends Doc>(c: string, docs: T[]) => store.insertMany(c, docs)) as Store['insertMany'],
    updateById: write(store.updateById.bind(store)),
    removeById: write(store.removeById.bind(store)),
    updateWhere: write(store.updateWhere.bind(store)),
    updateAndReturn: write(<T extends Doc = Doc>(...a: Parameters<Store['updateAndReturn']>) => store.updateAndReturn<T>(...a)) as Store['updateAndReturn'],
    transaction: write(<T>(fn: (tx: Transaction) => Promise<T>) => store.transaction(fn)),
  };
  return { store: crashing, state };
};
