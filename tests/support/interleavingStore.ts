import type { Doc, Store, Transaction } from '../../cloudfunctions/_core/store/port';

/**
 * Lets other requests run between any two store calls. SQLite answers synchronously, so requests
 * issued together would otherwise advance in lockstep, and a broken guard (read, check, write)
 * could pass a concurrency test. Each call yields a random number of event-loop turns before it
 * starts and after it ends, as round trips of varying length do in the cloud.
 */
export const interleavingStore = (store: Store, random: () => number = Math.random, maxTurns = 3): Store => {
  const turns = async () => {
    for (let n = Math.floor(random() * (maxTurns + 1)); n > 0; n--) await new Promise<void>((resolve) => setImmediate(resolve));
  };
  const around =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await turns();
      const result = await fn(...args);
      await turns();
      return result;
    };
  // Inside a transaction SQLite holds its lock: yielding there only makes the others wait longer.
  return {
    get: around(<T extends Doc = Doc>(c: string, id: string) => store.get<T>(c, id)),
    insert: around(<T extends Doc>(c: string, doc: T) => store.insert(c, doc)),
    insertMany: around(<T extends Doc>(c: string, docs: T[]) => store.insertMany(c, docs)),
    updateById: around(store.updateById.bind(store)),
    removeById: around(store.removeById.bind(store)),
    find: around(<T extends Doc = Doc>(...a: Parameters<Store['find']>) => store.find<T>(...a)),
    count: around(store.count.bind(store)),
    updateWhere: around(store.updateWhere.bind(store)),
    updateAndReturn: around(<T extends Doc = Doc>(...a: Parameters<Store['updateAndReturn']>) => store.updateAndReturn<T>(...a)),
    transaction: around(<T>(fn: (tx: Transaction) => Promise<T>) => store.transaction(fn)),
    close: store.close ? () => store.close!() : undefined,
  } as Store;
};
