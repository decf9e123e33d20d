/**
 * The Store contract on the CloudBase adapter over the real `@cloudbase/node-sdk`, talking HTTP to
 * the loopback emulator; then what CloudBase does differently from SQLite: optimistic transactions.
 */
import { openEmulatedStore, type EmulatedStore } from '../support/emulator/cloudbaseOverEmulator';
import { StoreError, cmd, upd, type Doc, type Store } from '../../cloudfunctions/_core/store/port';
import { CONTRACT_COLLECTIONS, runStoreContract } from './contract';

let current: EmulatedStore | null = null;
const open = async (options: Parameters<typeof openEmulatedStore>[1] = {}): Promise<Store> => {
  current = await openEmulatedStore(CONTRACT_COLLECTIONS, { latencyMs: [0, 2], ...options });
  const opened = current;
  return Object.assign(opened.store, { close: () => opened.close() });
};

runStoreContract('cloudbase (real SDK over the emulator)', () => open());

type Counter = Doc & { n: number; log?: string[] };

describe('CloudBase transactions are optimistic', () => {
  let store: Store;
  afterEach(async () => {
    await store.close?.();
  });

  it('reads see the snapshot taken at start; an outsider is never made to wait', async () => {
    store = await open();
    await store.insert('things', { _id: 'snap', n: 1 });
    await store.insert('things', { _id: 'other', n: 1 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const seen: number[] = [];
    const txRun = store.transaction(async (tx) => {
      seen.push((await tx.get<Counter>('things', 'snap'))!.n);
      entered();
      await gate;
      seen.push((await tx.get<Counter>('things', 'snap'))!.n);
      await tx.updateById('things', 'other', { n: upd.inc(10) });
    });
    await inside;
    // Completes while the transaction is open: nothing locks.
    expect(await store.updateById('things', 'snap', { n: 2 })).toBe(1);
    release();
    await txRun;
    // The first attempt read 1 twice (snapshot), committed, and did not touch `snap`.
    expect(seen).toEqual([1, 1]);
    expect(await store.get('things', 'snap')).toEqual({ _id: 'snap', n: 2 });
    expect(await store.get('things', 'other')).toEqual({ _id: 'other', n: 11 });
  });

  it('a write-write conflict fails the attempt; the adapter retries it and it lands once', async () => {
    store = await open();
    await store.insert('things', { _id: 'hot', n: 0 });
    let attempts = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const txRun = store.transaction(async (tx) => {
      attempts++;
      const doc = await tx.get<Counter>('things', 'hot');
      if (attempts === 1) await gate;
      await tx.updateById('things', 'hot', { n: doc!.n + 100 });
      return doc!.n;
    });
    await new Promise((r) => setTimeout(r, 20));
    // An outsider changes the document after the snapshot: the first attempt must not overwrite it.
    await store.updateById('things', 'hot', { n: upd.inc(1) });
    release();
    expect(await txRun).toBe(1);
    expect(attempts).toBe(2);
    expect(await store.get('things', 'hot')).toEqual({ _id: 'hot', n: 101 });
    expect(current!.emulator.db.stats.conflicts).toBeGreaterThanOrEqual(1);
  });

  it('read-modify-write in transactions loses no update among 20 concurrent ones', async () => {
    store = await open({ latencyMs: [1, 5], retry: { attempts: 40, baseDelayMs: 5, maxDelayMs: 100 } });
    await store.insert('things', { _id: 'rmw', n: 0 });
    await Promise.all(
      Array.from({ length: 20 }, () =>
        store.transaction(async (tx) => {
          const doc = await tx.get<Counter>('things', 'rmw');
          await tx.updateById('things', 'rmw', { n: doc!.n + 1 });
        }),
      ),
    );
    expect(await store.get('things', 'rmw')).toEqual({ _id: 'rmw', n: 20 });
    expect(current!.emulator.db.stats.conflicts).toBeGreaterThan(0);
  });

  it('a hot document in every transaction exhausts the retries: StoreError CONFLICT, not a crash', async () => {
    store = await open({ latencyMs: [2, 6], retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    await store.insert('things', { _id: 'rush', n: 0 });
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () =>
        store.transaction(async (tx) => {
          const doc = await tx.get<Counter>('things', 'rush');
          await tx.updateById('things', 'rush', { n: doc!.n + 1 });
        }),
      ),
    );
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) {
      expect(f.reason).toBeInstanceOf(StoreError);
      expect(f.reason).toMatchObject({ kind: 'CONFLICT' });
    }
    // Whatever committed, committed once.
    expect((await store.get<Counter>('things', 'rush'))!.n).toBe(results.length - failed.length);
  });

  it('the same guarded single-document update never conflicts, however hot', async () => {
    store = await open({ latencyMs: [2, 6] });
    await store.insert('things', { _id: 'cool', n: 0 });
    const taken = await Promise.all(Array.from({ length: 60 }, () => store.updateWhere('things', { _id: 'cool', n: cmd.lt(25) }, { n: upd.inc(1) })));
    expect(taken.filter((n) => n === 1)).toHaveLength(25);
    expect(current!.emulator.db.stats.conflicts).toBe(0);
  });
});

describe('CloudBase query meaning', () => {
  let store: Store;
  afterEach(async () => {
    await store.close?.();
  });

  it('ties in a sort come back in no fixed order: a stable page needs _id as the last key', async () => {
    store = await open();
    await store.insertMany('things', Array.from({ length: 30 }, (_, i) => ({ _id: `t${String(i).padStart(2, '0')}`, kind: 'same' })));
    const orders = new Set<string>();
    for (let i = 0; i < 5; i++) orders.add((await store.find('things', { kind: 'same' }, { orderBy: [['kind', 'asc']], limit: 30 })).map((d) => d._id).join());
    expect(orders.size).toBeGreaterThan(1);
    const stable = new Set<string>();
    for (let i = 0; i < 5; i++) stable.add((await store.find('things', { kind: 'same' }, { orderBy: [['kind', 'asc'], ['_id', 'asc']], limit: 30 })).map((d) => d._id).join());
    expect(stable.size).toBe(1);
  });

  it('a find without limit answers 100 documents', async () => {
    store = await open();
    await store.insertMany('things', Array.from({ length: 150 }, (_, i) => ({ _id: `d${i}` })));
    expect(await store.find('things', {})).toHaveLength(100);
    expect(await store.count('things', {})).toBe(150);
  });
});
