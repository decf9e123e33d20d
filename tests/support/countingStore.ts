import type { Doc, Store, Transaction } from '../../cloudfunctions/_core/store/port';

/**
 * Counts the store calls of one action, and how many of them had to wait for another: each call
 * is a round trip in the cloud (tens of milliseconds). A call's depth is one more than the deepest
 * call that had finished before it started, so calls issued together share a depth; the action's
 * sequential count is the deepest depth. A transaction counts its start, each operation inside it
 * and its commit, as CloudBase sends them.
 */
export const countingStore = (store: Store) => {
  let calls = 0;
  let deepestDone = 0;
  let deepest = 0;
  const track = async <R>(run: () => Promise<R>): Promise<R> => {
    const depth = deepestDone + 1;
    calls++;
    deepest = Math.max(deepest, depth);
    try {
      return await run();
    } finally {
      deepestDone = Math.max(deepestDone, depth);
    }
  };
  const counted =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      track(() => fn(...args));
  const txOps = (tx: Transaction): Transaction => ({
    get: counted(tx.get.bind(tx)) as Transaction['get'],
    insert: counted(tx.insert.bind(tx)) as Transaction['insert'],
    updateById: counted(tx.updateById.bind(tx)),
    removeById: counted(tx.removeById.bind(tx)),
  });
  const wrapped: Store = {
    get: counted(store.get.bind(store)) as Store['get'],
    find: counted(store.find.bind(store)) as Store['find'],
    count: counted(store.count.bind(store)),
    insert: counted(store.insert.bind(store)) as Store['insert'],
    insertMany: counted(store.insertMany.bind(store)) as Store['insertMany'],
    updateById: counted(store.updateById.bind(store)),
    removeById: counted(store.removeById.bind(store)),
    updateWhere: counted(store.updateWhere.bind(store)),
    updateAndReturn: counted(store.updateAndReturn.bind(store)) as Store['updateAndReturn'],
    transaction: async <T>(fn: (tx: Transaction) => Promise<T>) => {
      await track(async () => undefined); // start
      const result = await store.transaction((tx) => fn(txOps(tx)));
      await track(async () => undefined); // commit
      return result;
    },
    close: store.close?.bind(store),
  };
  return {
    store: wrapped,
    /** Starts counting anew (before the action to measure). */
    reset() {
      calls = 0;
      deepestDone = 0;
      deepest = 0;
    },
    get figures() {
      return { total: calls, sequential: deepest };
    },
  };
};

export type Counting = ReturnType<typeof countingStore>;
export type CountedDoc = Doc;
