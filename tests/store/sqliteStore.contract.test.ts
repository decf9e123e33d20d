import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../cloudfunctions/_adapters/sqlite/sqliteStore';
import { compileFilter } from '../../cloudfunctions/_adapters/sqlite/sqlFilter';
import { cmd, upd, type CollectionSpec, type Store } from '../../cloudfunctions/_core/store/port';
import { CONTRACT_COLLECTIONS, microtasks, runStoreContract } from './contract';

const dir = mkdtempSync(join(tmpdir(), 'sqlite-store-'));
const file = join(dir, 'store.sqlite');

/** Every store starts from an empty file at the same path. */
const freshStore = async (collections: CollectionSpec[] = CONTRACT_COLLECTIONS): Promise<Store> => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  return openSqliteStore(file, collections);
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract('sqlite', freshStore);

describe('SQLite adapter specifics', () => {
  let store: Store;
  afterEach(async () => {
    await store.close?.();
  });

  const inspect = <T>(fn: (db: Database.Database) => T): T => {
    const db = new Database(file, { readonly: true });
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };

  it('keeps data after close and reopen of the same file', async () => {
    store = await freshStore();
    await store.insert('things', { _id: 'p1', kind: 'x', nested: { list: [1, 'two', true, null] } });
    await store.insert('adhoc', { _id: 'p2' });
    await store.updateById('things', 'p1', { kind: 'y' });
    await store.close!();
    store = openSqliteStore(file, CONTRACT_COLLECTIONS);
    expect(await store.get('things', 'p1')).toEqual({ _id: 'p1', kind: 'y', nested: { list: [1, 'two', true, null] } });
    expect(await store.get('adhoc', 'p2')).toEqual({ _id: 'p2' });
  });

  it('refuses operations after close', async () => {
    store = await freshStore();
    await store.close!();
    await expect(store.get('things', 'x')).rejects.toMatchObject({ kind: 'BACKEND' });
  });

  it('uses WAL and creates the declared expression indexes', async () => {
    store = await freshStore();
    const { mode, indexes } = inspect((db) => ({
      mode: db.pragma('journal_mode', { simple: true }),
      indexes: db.prepare(`SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`).all() as Array<{ name: string; tbl_name: string; sql: string }>,
    }));
    expect(mode).toBe('wal');
    const byName = new Map(indexes.map((i) => [i.name, i]));
    expect(byName.get('things_kind_n')).toMatchObject({ tbl_name: 'things' });
    expect(byName.get('things_kind_n')!.sql).toMatch(/^CREATE INDEX .*json_extract\(doc, '\$\."kind"'\) ASC, json_extract\(doc, '\$\."n"'\) DESC/);
    expect(byName.get('people_openid')!.sql).toMatch(/^CREATE UNIQUE INDEX .*json_extract\(doc, '\$\."openid"'\)/);
    // Only the declared indexes: no partial index for arrays (only declared array fields are tested as arrays).
    expect(byName.has('people_openid__arrays')).toBe(false);
  });

  it('a unique index rejects a duplicate value, on insert and on update', async () => {
    store = await freshStore();
    await store.insert('people', { _id: 'u1', openid: 'o1' });
    await store.insert('people', { _id: 'u2', openid: 'o2' });
    await store.insert('people', { _id: 'u3' }); // missing values do not collide
    await store.insert('people', { _id: 'u4' });
    await expect(store.insert('people', { _id: 'u5', openid: 'o1' })).rejects.toMatchObject({ kind: 'DUPLICATE_KEY' });
    await expect(store.updateById('people', 'u2', { openid: 'o1' })).rejects.toMatchObject({ kind: 'DUPLICATE_KEY' });
    expect(await store.get('people', 'u2')).toEqual({ _id: 'u2', openid: 'o2' });
    expect(await store.get('people', 'u5')).toBeNull();
  });

  it('rebuilds an index whose declaration changed', async () => {
    store = await freshStore();
    await store.close!();
    store = openSqliteStore(file, [{ name: 'things', indexes: [{ name: 'things_kind_n', fields: [['kind', 'desc']], unique: true }] }]);
    const sql = inspect((db) => (db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'things_kind_n'`).get() as { sql: string }).sql);
    expect(sql).toMatch(/^CREATE UNIQUE INDEX .*\(json_extract\(doc, '\$\."kind"'\) DESC\)$/);
  });

  it('compiled filters can use the declared indexes, arrays notwithstanding', async () => {
    store = await freshStore();
    const plan = (filter: Parameters<typeof compileFilter>[0]) =>
      inspect((db) => {
        const where = compileFilter(filter);
        const rows = db.prepare(`EXPLAIN QUERY PLAN SELECT doc FROM things WHERE ${where.sql}`).all(...where.params) as Array<{ detail: string }>;
        return rows.map((r) => r.detail).join(' | ');
      });
    expect(plan({ kind: 'x' })).toMatch(/USING INDEX things_kind_n/);
    expect(plan({ kind: cmd.in(['x', 'y']), n: 1 })).toMatch(/USING INDEX things_kind_n/);
    expect(plan({ _id: 'a' })).toMatch(/USING INDEX sqlite_autoindex_things_1|USING PRIMARY KEY/);
  });

  it('recognises SQLite errors raised through another copy of the module', async () => {
    // The native addon keeps the error class of the first copy that loaded it; jest loads one per test file.
    let other!: typeof import('../../cloudfunctions/_adapters/sqlite/sqliteStore');
    jest.isolateModules(() => {
      other = jest.requireActual('../../cloudfunctions/_adapters/sqlite/sqliteStore');
    });
    await (await freshStore()).close!();
    store = other.openSqliteStore(file, CONTRACT_COLLECTIONS);
    await store.insert('people', { _id: 'x', openid: 'o' });
    await expect(store.insert('people', { _id: 'x' })).rejects.toMatchObject({ kind: 'DUPLICATE_KEY', id: 'x' });
    await expect(store.insert('people', { _id: 'y', openid: 'o' })).rejects.toMatchObject({ kind: 'DUPLICATE_KEY' });
  });

  it('refuses invalid declarations', () => {
    expect(() => openSqliteStore(join(dir, 'bad.sqlite'), [{ name: 'bad-name', indexes: [] }])).toThrow(/invalid collection name/);
    expect(() =>
      openSqliteStore(join(dir, 'bad2.sqlite'), [
        { name: 'a', indexes: [{ name: 'same', fields: [['x', 'asc']] }] },
        { name: 'b', indexes: [{ name: 'same', fields: [['y', 'asc']] }] },
      ]),
    ).toThrow(/declared twice/);
    store = { close: async () => undefined } as Store;
  });
});

/**
 * SQLite serialises: an open transaction makes every other operation wait, which is stronger than
 * CloudBase's optimistic transactions (see cloudbaseStore.contract.test.ts). Domain code may rely
 * only on what both give; these pin down the local behaviour.
 */
describe('SQLite transactions hold a lock', () => {
  let store: Store;
  beforeEach(async () => {
    store = await freshStore();
  });
  afterEach(async () => {
    await store.close?.();
  });

    it('outsiders wait for an open transaction, and its rollback does not lose their writes', async () => {
      await store.insert('things', { _id: 'tx', v: 0 });
      await store.insert('things', { _id: 'out', v: 0 });
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const txRun = store.transaction(async (tx) => {
        await tx.updateById('things', 'tx', { v: 1 });
        entered();
        await gate;
        expect(await tx.get('things', 'out')).toEqual({ _id: 'out', v: 0 });
        throw new Error('rollback');
      });
      await inside;
      // Issued from outside while the transaction is open and awaiting.
      let outsiderDone = false;
      const outsider = store.updateWhere('things', { _id: 'out' }, { v: upd.inc(1) }).then((n) => {
        outsiderDone = true;
        return n;
      });
      await microtasks();
      expect(outsiderDone).toBe(false);
      release();
      await expect(txRun).rejects.toThrow('rollback');
      await expect(outsider).resolves.toBe(1);
      expect(await store.get('things', 'out')).toEqual({ _id: 'out', v: 1 });
      expect(await store.get('things', 'tx')).toEqual({ _id: 'tx', v: 0 });
    });

    it('outsiders issued before and during a committed transaction all land, in order', async () => {
      await store.insert('things', { _id: 'log', seq: [] });
      const txRun = store.transaction(async (tx) => {
        await tx.updateById('things', 'log', { seq: upd.push('tx1') });
        await microtasks(10);
        await tx.updateById('things', 'log', { seq: upd.push('tx2') });
      });
      const outsiders = [1, 2, 3].map((i) => store.updateById('things', 'log', { seq: upd.push(`out${i}`) }));
      await Promise.all([txRun, ...outsiders]);
      expect(await store.get('things', 'log')).toEqual({ _id: 'log', seq: ['tx1', 'tx2', 'out1', 'out2', 'out3'] });
    });

  it('a multi-document update that fails on one document changes none', async () => {
    await store.insert('things', { _id: 'a', n: 1 });
    await store.insert('things', { _id: 'e', n: '2' });
    await expect(store.updateWhere('things', {}, { n: upd.inc(1) })).rejects.toMatchObject({ kind: 'INVALID_QUERY' });
    expect(await store.get('things', 'a')).toEqual({ _id: 'a', n: 1 });
  });
});
