/**
 * The Store contract: what every adapter must do, with CloudBase's meaning. Run it against an adapter
 * with `runStoreContract(name, makeStore)`; adapter-specific checks (files, indexes) live beside.
 */
import {
  cmd,
  DEFAULT_LIMIT,
  isDuplicateKey,
  MAX_LIMIT,
  StoreError,
  upd,
  type CollectionSpec,
  type Doc,
  type Store,
  type Transaction,
} from '../../cloudfunctions/_core/store/port';

/** Collections every contract run declares. */
export const CONTRACT_COLLECTIONS: CollectionSpec[] = [
  { name: 'things', indexes: [{ name: 'things_kind_n', fields: [['kind', 'asc'], ['n', 'desc']] }], arrayFields: ['tags'] },
  { name: 'people', indexes: [{ name: 'people_openid', fields: [['openid', 'asc']], unique: true }] },
];

/** Resolves after a chain of microtasks: lets other callers run without any timer. */
export const microtasks = async (n = 50): Promise<void> => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

const expectStoreError = async (p: Promise<unknown>, kind: StoreError['kind']): Promise<void> => {
  await expect(p).rejects.toBeInstanceOf(StoreError);
  await expect(p).rejects.toMatchObject({ kind });
};

interface Thing extends Doc {
  kind?: string;
  n?: number | string | boolean | null;
  tags?: unknown[];
  meta?: Record<string, unknown>;
}

const FIXTURE: Thing[] = [
  { _id: 'a', kind: 'x', n: 1, tags: ['red', 'blue'], meta: { level: 1, owner: 'u1' } },
  { _id: 'b', kind: 'x', n: 2, tags: ['blue'], meta: { level: 2, owner: 'u2' } },
  { _id: 'c', kind: 'y', n: 3, tags: [], meta: { level: 3 } },
  { _id: 'd', kind: 'y', n: null, tags: [1, 2, 3] },
  { _id: 'e', kind: 'z', n: '2', tags: [true] },
  { _id: 'f', kind: 'z', n: true },
  { _id: 'g', n: 5, meta: { level: null } },
];

export function runStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close?.();
    });

    const seed = async (docs: Thing[] = FIXTURE) => {
      for (const d of docs) await store.insert('things', d);
    };
    const ids = (docs: Doc[]) => docs.map((d) => d._id).sort();
    const match = async (filter: Parameters<Store['find']>[1]) => ids(await store.find('things', filter));

    describe('documents', () => {
      it('inserts and gets a document with its JS types', async () => {
        const doc = { _id: 'x1', s: 'text', i: 42, f: 1.5, t: true, fa: false, z: null, arr: [1, 'a', null, { k: [] }], o: { p: { q: 'r' } } };
        await store.insert('things', doc);
        expect(await store.get('things', 'x1')).toEqual(doc);
        expect(await store.get('things', 'missing')).toBeNull();
      });

      it('drops undefined fields', async () => {
        await store.insert('things', { _id: 'u1', a: 1, gone: undefined, o: { keep: 1, gone: undefined } });
        const got = await store.get('things', 'u1');
        expect(got).toEqual({ _id: 'u1', a: 1, o: { keep: 1 } });
        expect(Object.keys(got!)).not.toContain('gone');
      });

      it('rejects a duplicate _id with DuplicateKeyError and keeps the first', async () => {
        await store.insert('things', { _id: 'dup', v: 1 });
        const second = store.insert('things', { _id: 'dup', v: 2 });
        await expect(second).rejects.toMatchObject({ name: 'DuplicateKeyError', kind: 'DUPLICATE_KEY', id: 'dup', collection: 'things' });
        await second.catch((e) => expect(isDuplicateKey(e)).toBe(true));
        expect(await store.get('things', 'dup')).toEqual({ _id: 'dup', v: 1 });
      });

      it('creates unknown collections on demand and validates collection names', async () => {
        await store.insert('brand_new', { _id: '1', v: 1 });
        expect(await store.get('brand_new', '1')).toEqual({ _id: '1', v: 1 });
        expect(await store.find('never_written', {})).toEqual([]);
        await expectStoreError(store.insert('bad name', { _id: '1' }), 'INVALID_QUERY');
        await expectStoreError(store.get('x;drop', '1'), 'INVALID_QUERY');
        await expectStoreError(store.find('1abc', {}), 'INVALID_QUERY');
      });

      it('updateById answers 1 when modified, 0 when unchanged or missing', async () => {
        await store.insert('things', { _id: 'k', status: 'open' });
        expect(await store.updateById('things', 'k', { status: 'closed' })).toBe(1);
        expect(await store.updateById('things', 'k', { status: 'closed' })).toBe(0);
        expect(await store.updateById('things', 'nope', { status: 'closed' })).toBe(0);
        expect(await store.get('things', 'k')).toEqual({ _id: 'k', status: 'closed' });
      });

      it('removeById answers 1 when the document existed, else 0', async () => {
        await store.insert('things', { _id: 'r' });
        expect(await store.removeById('things', 'r')).toBe(1);
        expect(await store.removeById('things', 'r')).toBe(0);
        expect(await store.get('things', 'r')).toBeNull();
      });

      it('never changes _id', async () => {
        await store.insert('things', { _id: 'fixed', v: 1 });
        await expectStoreError(store.updateById('things', 'fixed', { _id: 'other' }), 'INVALID_QUERY');
        await expectStoreError(store.updateWhere('things', { _id: 'fixed' }, { _id: upd.set('other') }), 'INVALID_QUERY');
        await expectStoreError(store.updateWhere('things', { _id: 'fixed' }, { _id: 'fixed' }), 'INVALID_QUERY');
        expect(await store.get('things', 'fixed')).toEqual({ _id: 'fixed', v: 1 });
      });
    });

    describe('filters', () => {
      beforeEach(() => seed());

      it('matches everything with an empty filter', async () => {
        expect(await match({})).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
        expect(await store.count('things', {})).toBe(7);
      });

      it('eq by bare value and cmd.eq, without mixing types', async () => {
        expect(await match({ kind: 'x' })).toEqual(['a', 'b']);
        expect(await match({ kind: cmd.eq('y') })).toEqual(['c', 'd']);
        expect(await match({ n: 2 })).toEqual(['b']); // not '2'
        expect(await match({ n: '2' })).toEqual(['e']); // not 2
        expect(await match({ n: true })).toEqual(['f']); // not 1
        expect(await match({ n: 1 })).toEqual(['a']); // not true
        expect(await match({ _id: 'c' })).toEqual(['c']);
        expect(await match({ kind: 'x', n: 2 })).toEqual(['b']);
      });

      it('eq null matches null or missing; neq null the others', async () => {
        expect(await match({ n: null })).toEqual(['d']);
        expect(await match({ kind: null })).toEqual(['g']);
        expect(await match({ 'meta.level': null })).toEqual(['d', 'e', 'f', 'g']);
        expect(await match({ kind: cmd.neq(null) })).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
      });

      it('neq also matches documents without the field', async () => {
        expect(await match({ kind: cmd.neq('x') })).toEqual(['c', 'd', 'e', 'f', 'g']);
        expect(await match({ n: cmd.neq(2) })).toEqual(['a', 'c', 'd', 'e', 'f', 'g']);
        expect(await match({ _id: cmd.neq('a') })).toEqual(['b', 'c', 'd', 'e', 'f', 'g']);
      });

      it('lt lte gt gte compare within one type only', async () => {
        expect(await match({ n: cmd.lt(3) })).toEqual(['a', 'b']);
        expect(await match({ n: cmd.lte(3) })).toEqual(['a', 'b', 'c']);
        expect(await match({ n: cmd.gt(2) })).toEqual(['c', 'g']);
        expect(await match({ n: cmd.gte(2) })).toEqual(['b', 'c', 'g']);
        expect(await match({ n: cmd.gte('1') })).toEqual(['e']);
        expect(await match({ kind: cmd.gt('x') })).toEqual(['c', 'd', 'e', 'f']);
        expect(await match({ _id: cmd.lt('c') })).toEqual(['a', 'b']);
        expect(await match({ n: cmd.gt(1), kind: 'x' })).toEqual(['b']);
        await expectStoreError(store.find('things', { n: cmd.lt(null) }), 'INVALID_QUERY');
      });

      it('in and nin (nin also matches missing fields)', async () => {
        expect(await match({ kind: cmd.in(['x', 'z']) })).toEqual(['a', 'b', 'e', 'f']);
        expect(await match({ n: cmd.in([1, 3, '2']) })).toEqual(['a', 'c', 'e']);
        expect(await match({ n: cmd.in([true, null]) })).toEqual(['d', 'f']);
        expect(await match({ _id: cmd.in(['a', 'g', 'zz']) })).toEqual(['a', 'g']);
        expect(await match({ kind: cmd.in([]) })).toEqual([]);
        expect(await match({ kind: cmd.nin(['x', 'y']) })).toEqual(['e', 'f', 'g']);
        expect(await match({ kind: cmd.nin([]) })).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
      });

      it('exists: a null value exists, a missing field does not', async () => {
        expect(await match({ n: cmd.exists(true) })).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
        expect(await match({ meta: cmd.exists() })).toEqual(['a', 'b', 'c', 'g']);
        expect(await match({ meta: cmd.exists(false) })).toEqual(['d', 'e', 'f']);
        expect(await match({ 'meta.level': cmd.exists(true) })).toEqual(['a', 'b', 'c', 'g']);
        expect(await match({ 'meta.owner': cmd.exists(false) })).toEqual(['c', 'd', 'e', 'f', 'g']);
      });

      it('dotted paths reach nested fields', async () => {
        expect(await match({ 'meta.owner': 'u2' })).toEqual(['b']);
        expect(await match({ 'meta.level': cmd.gte(2) })).toEqual(['b', 'c']);
        expect(await match({ 'meta.level.deeper': cmd.exists(true) })).toEqual([]);
      });

      it('eq, in and ranges on an array field match when some element matches', async () => {
        expect(await match({ tags: 'blue' })).toEqual(['a', 'b']);
        expect(await match({ tags: cmd.in(['red', 2]) })).toEqual(['a', 'd']);
        expect(await match({ tags: cmd.gt(2) })).toEqual(['d']);
        expect(await match({ tags: true })).toEqual(['e']);
        expect(await match({ tags: 1 })).toEqual(['d']); // true is not 1
        expect(await match({ tags: cmd.neq('blue'), kind: cmd.exists() })).toEqual(['c', 'd', 'e', 'f']);
        expect(await match({ tags: cmd.nin(['blue', 'red']) })).toEqual(['c', 'd', 'e', 'f', 'g']);
        expect(await match({ 'tags.0': 'red' })).toEqual(['a']);
      });

      it('combines with $and / $or, nested, and with plain fields', async () => {
        expect(await match(cmd.or({ kind: 'x' }, { n: cmd.gte(3) }))).toEqual(['a', 'b', 'c', 'g']);
        expect(await match(cmd.and({ kind: 'x' }, { n: cmd.gte(2) }))).toEqual(['b']);
        expect(await match({ kind: 'y', ...cmd.or({ n: 3 }, { n: null }) })).toEqual(['c', 'd']);
        expect(await match({ kind: 'y', ...cmd.or({ n: 1 }, { n: null }) })).toEqual(['d']);
        expect(await match(cmd.or(cmd.and({ kind: 'x' }, { n: 1 }), cmd.and({ kind: 'z' }, { n: true })))).toEqual(['a', 'f']);
        expect(await match({ $and: [{ kind: cmd.neq('x') }], $or: [{ n: 3 }, { n: 5 }] })).toEqual(['c', 'g']);
        expect(await store.count('things', cmd.or({ kind: 'x' }, { kind: 'y' }))).toBe(4);
        await expectStoreError(store.find('things', { $or: [] }), 'INVALID_QUERY');
      });

      it('drops undefined conditions but refuses a filter whose conditions are all undefined', async () => {
        expect(await match({ kind: 'x', n: undefined })).toEqual(['a', 'b']);
        await expectStoreError(store.find('things', { kind: undefined }), 'INVALID_QUERY');
        await expectStoreError(store.updateWhere('things', { _id: undefined }, { v: 1 }), 'INVALID_QUERY');
      });

      it('refuses malformed filters', async () => {
        await expectStoreError(store.find('things', { 'a..b': 1 }), 'INVALID_QUERY');
        await expectStoreError(store.find('things', { "a'b": 1 }), 'INVALID_QUERY');
        await expectStoreError(store.find('things', { $nor: [] } as never), 'INVALID_QUERY');
        await expectStoreError(store.find('things', { kind: { nested: 1 } } as never), 'INVALID_QUERY');
      });
    });

    describe('find options', () => {
      it('orders by several keys, skips and limits', async () => {
        await seed([
          { _id: '1', kind: 'b', n: 1 },
          { _id: '2', kind: 'a', n: 1 },
          { _id: '3', kind: 'a', n: 2 },
          { _id: '4', kind: 'b', n: 2 },
          { _id: '5', kind: 'a', n: 3 },
        ]);
        const order = async (options: Parameters<Store['find']>[2]) => (await store.find('things', {}, options)).map((d) => d._id);
        expect(await order({ orderBy: [['kind', 'asc'], ['n', 'desc']] })).toEqual(['5', '3', '2', '4', '1']);
        expect(await order({ orderBy: [['n', 'asc'], ['kind', 'desc']] })).toEqual(['1', '2', '4', '3', '5']);
        expect(await order({ orderBy: [['kind', 'asc'], ['n', 'desc']], skip: 1, limit: 2 })).toEqual(['3', '2']);
        expect(await order({ orderBy: [['_id', 'desc']], skip: 3 })).toEqual(['2', '1']);
        // Without an order nothing is promised (CloudBase answers in no fixed order).
        expect((await order({})).sort()).toEqual(['1', '2', '3', '4', '5']);
      });

      it('returns 100 documents by default, up to 1000, and refuses more', async () => {
        await store.insertMany('things', Array.from({ length: 1005 }, (_, i) => ({ _id: `p${String(i).padStart(4, '0')}`, i })));
        expect(await store.find('things', {})).toHaveLength(DEFAULT_LIMIT);
        expect(DEFAULT_LIMIT).toBe(100);
        expect(await store.find('things', {}, { limit: MAX_LIMIT })).toHaveLength(1000);
        expect(await store.find('things', {}, { limit: 1000, skip: 1000 })).toHaveLength(5);
        await expectStoreError(store.find('things', {}, { limit: MAX_LIMIT + 1 }), 'LIMIT_EXCEEDED');
        expect(await store.count('things', {})).toBe(1005);
        const page = await store.find<Doc & { i: number }>('things', { i: cmd.gte(500) }, { orderBy: [['i', 'asc']], limit: 3 });
        expect(page.map((d) => d.i)).toEqual([500, 501, 502]);
      });

      it('refuses a bad skip or limit', async () => {
        await expectStoreError(store.find('things', {}, { limit: 0 }), 'INVALID_QUERY');
        await expectStoreError(store.find('things', {}, { skip: -1 }), 'INVALID_QUERY');
        await expectStoreError(store.find('things', {}, { limit: 1.5 }), 'INVALID_QUERY');
      });

      it('projects fields, keeping _id, including nested paths', async () => {
        await seed();
        const got = await store.find('things', { _id: cmd.in(['a', 'c']) }, { fields: ['kind', 'meta.owner'], orderBy: [['_id', 'asc']] });
        expect(got).toEqual([
          { _id: 'a', kind: 'x', meta: { owner: 'u1' } },
          // As MongoDB projects it: the parent that exists stays, empty, when the child is missing.
          { _id: 'c', kind: 'y', meta: {} },
        ]);
        expect(await store.find('things', { _id: 'b' }, { fields: [] })).toEqual([{ _id: 'b' }]);
      });
    });

    describe('updates', () => {
      beforeEach(() => seed());

      it('updateWhere counts modified documents only', async () => {
        expect(await store.updateWhere('things', { kind: 'x' }, { status: 'done' })).toBe(2);
        expect(await store.updateWhere('things', { kind: 'x' }, { status: 'done' })).toBe(0);
        expect(await store.updateWhere('things', { kind: cmd.in(['x', 'y']) }, { status: 'done' })).toBe(2);
        expect(await store.updateWhere('things', { kind: 'none' }, { status: 'done' })).toBe(0);
        expect(await store.count('things', { status: 'done' })).toBe(4);
      });

      it('the guard in the filter makes a capacity: 10 concurrent claims, 3 seats', async () => {
        await store.insert('things', { _id: 'slot', n: 0 });
        const claim = () => store.updateWhere('things', { _id: 'slot', n: cmd.lt(3) }, { n: upd.inc(1) });
        const results = await Promise.all(Array.from({ length: 10 }, claim));
        expect(results.filter((r) => r === 1)).toHaveLength(3);
        expect(results.filter((r) => r === 0)).toHaveLength(7);
        expect(await store.get('things', 'slot')).toEqual({ _id: 'slot', n: 3 });
      });

      it('an exclusive claim succeeds once', async () => {
        await store.insert('things', { _id: 'job', status: 'open' });
        const claims = await Promise.all(
          ['u1', 'u2', 'u3'].map((by) => store.updateWhere('things', { _id: 'job', status: 'open' }, { status: 'claimed', by })),
        );
        expect(claims.sort()).toEqual([0, 0, 1]);
      });

      it('set: bare values, upd.set, nested paths, merge of plain objects', async () => {
        expect(await store.updateById('things', 'a', { kind: 'w', 'meta.level': 9, 'new.deep.field': 'v' })).toBe(1);
        expect(await store.get('things', 'a')).toEqual({
          _id: 'a', kind: 'w', n: 1, tags: ['red', 'blue'], meta: { level: 9, owner: 'u1' }, new: { deep: { field: 'v' } },
        });
        // a bare object merges field by field, as CloudBase does ...
        await store.updateById('things', 'a', { meta: { owner: 'u9' } });
        expect((await store.get<Thing>('things', 'a'))!.meta).toEqual({ level: 9, owner: 'u9' });
        // ... while upd.set replaces the whole value
        await store.updateById('things', 'a', { meta: upd.set({ owner: 'u0' }), tags: upd.set(['only']) });
        const a = await store.get<Thing>('things', 'a');
        expect(a!.meta).toEqual({ owner: 'u0' });
        expect(a!.tags).toEqual(['only']);
        expect(await store.updateById('things', 'a', { meta: upd.set({ owner: 'u0' }) })).toBe(0);
      });

      it('set skips undefined values', async () => {
        expect(await store.updateById('things', 'b', { kind: undefined, n: upd.set(undefined) })).toBe(0);
        expect(await store.updateById('things', 'b', { kind: undefined, n: 7 })).toBe(1);
        expect(await store.get('things', 'b')).toMatchObject({ kind: 'x', n: 7 });
      });

      it('inc adds, creates a missing field, and refuses a non-number', async () => {
        expect(await store.updateById('things', 'a', { n: upd.inc(2), 'meta.level': upd.inc(-1), fresh: upd.inc(5) })).toBe(1);
        expect(await store.get('things', 'a')).toMatchObject({ n: 3, meta: { level: 0 }, fresh: 5 });
        expect(await store.updateById('things', 'a', { n: upd.inc(0) })).toBe(0);
        // SQLite names it INVALID_QUERY; the CloudBase server refuses it as a failed request.
        await expect(store.updateById('things', 'e', { n: upd.inc(1) })).rejects.toBeInstanceOf(StoreError);
        expect(await store.get('things', 'e')).toMatchObject({ n: '2' });
      });

      it('push appends values and creates the array', async () => {
        expect(await store.updateById('things', 'b', { tags: upd.push('green', 'red') })).toBe(1);
        expect(await store.updateById('things', 'f', { tags: upd.push({ at: 1 }) })).toBe(1);
        expect((await store.get<Thing>('things', 'b'))!.tags).toEqual(['blue', 'green', 'red']);
        expect((await store.get<Thing>('things', 'f'))!.tags).toEqual([{ at: 1 }]);
        await expect(store.updateById('things', 'a', { kind: upd.push('x') })).rejects.toBeInstanceOf(StoreError);
      });

      it('pull removes every equal element, and changes nothing when none is there', async () => {
        await store.updateById('things', 'a', { tags: upd.push('red', 'blue', 'red') });
        expect(await store.updateById('things', 'a', { tags: upd.pull('red') })).toBe(1);
        expect((await store.get<Thing>('things', 'a'))!.tags).toEqual(['blue', 'blue']);
        expect(await store.updateById('things', 'a', { tags: upd.pull('red') })).toBe(0);
        expect(await store.updateById('things', 'd', { tags: upd.pull(2) })).toBe(1);
        expect((await store.get<Thing>('things', 'd'))!.tags).toEqual([1, 3]);
        expect(await store.updateById('things', 'g', { tags: upd.pull('x') })).toBe(0);
      });

      it('remove deletes a field, nested or not, and is idempotent', async () => {
        expect(await store.updateById('things', 'a', { tags: upd.remove(), 'meta.owner': upd.remove() })).toBe(1);
        const a = await store.get<Thing>('things', 'a');
        expect(a).toEqual({ _id: 'a', kind: 'x', n: 1, meta: { level: 1 } });
        expect(await store.updateById('things', 'a', { tags: upd.remove(), 'meta.owner': upd.remove() })).toBe(0);
        expect(await store.count('things', { tags: cmd.exists(false) })).toBe(3);
      });

      it('several operators in one update, counted once per document', async () => {
        const n = await store.updateWhere('things', { kind: 'x' }, { status: 'seen', n: upd.inc(10), tags: upd.push('seen'), meta: upd.remove() });
        expect(n).toBe(2);
        expect(await store.find('things', { kind: 'x' }, { orderBy: [['_id', 'asc']] })).toEqual([
          { _id: 'a', kind: 'x', n: 11, tags: ['red', 'blue', 'seen'], status: 'seen' },
          { _id: 'b', kind: 'x', n: 12, tags: ['blue', 'seen'], status: 'seen' },
        ]);
      });

      it('refuses conflicting or malformed updates and leaves documents untouched', async () => {
        await expectStoreError(store.updateById('things', 'a', { meta: upd.set({}), 'meta.level': 1 }), 'INVALID_QUERY');
        // A path through a string: the CloudBase server refuses it (BACKEND), SQLite before writing.
        await expect(store.updateById('things', 'a', { 'kind.sub': 1 })).rejects.toBeInstanceOf(StoreError);
        expect(await store.get('things', 'a')).toEqual(FIXTURE[0]);
      });
    });

    describe('updateAndReturn and insertMany', () => {
      it('updateAndReturn answers the document after the update, or null when none matches', async () => {
        await store.insert('things', { _id: 'ctr', n: 1, holds: {} });
        const after = await store.updateAndReturn<Thing>('things', { _id: 'ctr', n: cmd.lt(3) }, { n: upd.inc(1), 'holds.h1': { at: 5 } });
        expect(after).toEqual({ _id: 'ctr', n: 2, holds: { h1: { at: 5 } } });
        expect(await store.updateAndReturn('things', { _id: 'ctr', 'holds.h1': cmd.exists(false) }, { n: upd.inc(1) })).toBeNull();
        expect(await store.updateAndReturn('things', { _id: 'nobody' }, { n: 1 })).toBeNull();
        expect(await store.get('things', 'ctr')).toEqual({ _id: 'ctr', n: 2, holds: { h1: { at: 5 } } });
      });

      it('updateAndReturn as a guarded counter: concurrent increments each see their own value', async () => {
        await store.insert('things', { _id: 'seq', n: 0 });
        const values = await Promise.all(Array.from({ length: 20 }, () => store.updateAndReturn<Thing>('things', { _id: 'seq' }, { n: upd.inc(1) })));
        expect(values.map((v) => v!.n).sort((x, y) => Number(x) - Number(y))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      });

      it('updateAndReturn with a capacity guard never exceeds it', async () => {
        await store.insert('things', { _id: 'cap', n: 0 });
        const takes = await Promise.all(Array.from({ length: 12 }, () => store.updateAndReturn('things', { _id: 'cap', n: cmd.lt(5) }, { n: upd.inc(1) })));
        expect(takes.filter(Boolean)).toHaveLength(5);
        expect(await store.get('things', 'cap')).toEqual({ _id: 'cap', n: 5 });
      });

      it('insertMany inserts in order and stops at a duplicate with DuplicateKeyError', async () => {
        await store.insertMany('things', [{ _id: 'm1', v: 1 }, { _id: 'm2', v: 2 }]);
        expect(await store.find('things', { _id: cmd.in(['m1', 'm2']) }, { orderBy: [['_id', 'asc']] })).toEqual([{ _id: 'm1', v: 1 }, { _id: 'm2', v: 2 }]);
        const e = await store.insertMany('things', [{ _id: 'm3' }, { _id: 'm1', v: 9 }, { _id: 'm4' }]).then(() => null, (x: unknown) => x);
        expect(isDuplicateKey(e)).toBe(true);
        expect(await store.get('things', 'm1')).toEqual({ _id: 'm1', v: 1 });
        expect(await store.get('things', 'm3')).toEqual({ _id: 'm3' });
        expect(await store.get('things', 'm4')).toBeNull();
      });
    });

    describe('transactions', () => {
      it('commits all writes and answers the function result', async () => {
        await store.insert('things', { _id: 'acct1', balance: 10 });
        await store.insert('things', { _id: 'acct2', balance: 0 });
        const result = await store.transaction(async (tx) => {
          const from = await tx.get<Doc & { balance: number }>('things', 'acct1');
          await tx.updateById('things', 'acct1', { balance: upd.inc(-from!.balance) });
          await tx.updateById('things', 'acct2', { balance: upd.inc(from!.balance) });
          await tx.insert('things', { _id: 'ledger1', amount: from!.balance });
          return 'moved';
        });
        expect(result).toBe('moved');
        expect(await store.get('things', 'acct1')).toEqual({ _id: 'acct1', balance: 0 });
        expect(await store.get('things', 'acct2')).toEqual({ _id: 'acct2', balance: 10 });
        expect(await store.get('things', 'ledger1')).toEqual({ _id: 'ledger1', amount: 10 });
      });

      it('reads its own writes', async () => {
        await store.transaction(async (tx) => {
          await tx.insert('things', { _id: 'own', v: 1 });
          await tx.updateById('things', 'own', { v: 2 });
          expect(await tx.get('things', 'own')).toEqual({ _id: 'own', v: 2 });
          expect(await tx.removeById('things', 'own')).toBe(1);
          expect(await tx.get('things', 'own')).toBeNull();
        });
      });

      it('rolls back every write when the function throws, and rethrows', async () => {
        await store.insert('things', { _id: 'keep', v: 1 });
        const boom = new Error('boom');
        await expect(
          store.transaction(async (tx) => {
            await tx.insert('things', { _id: 'ghost', v: 1 });
            await tx.updateById('things', 'keep', { v: 2 });
            await tx.removeById('things', 'keep');
            throw boom;
          }),
        ).rejects.toBe(boom);
        expect(await store.get('things', 'ghost')).toBeNull();
        expect(await store.get('things', 'keep')).toEqual({ _id: 'keep', v: 1 });
      });

      it('a duplicate insert inside a transaction rejects with DuplicateKeyError and rolls back when uncaught', async () => {
        await store.insert('things', { _id: 'taken' });
        const run = store.transaction(async (tx) => {
          await tx.insert('things', { _id: 'first' });
          await tx.insert('things', { _id: 'taken' });
        });
        await expect(run).rejects.toMatchObject({ kind: 'DUPLICATE_KEY' });
        expect(await store.get('things', 'first')).toBeNull();
      });

      it('refuses queries inside a transaction, loudly', async () => {
        await store.insert('things', { _id: 'q', v: 1 });
        const attempts: Array<(tx: Transaction) => Promise<unknown>> = [
          (tx) => (tx as unknown as Store).find('things', {}),
          (tx) => (tx as unknown as Store).count('things', {}),
          (tx) => (tx as unknown as Store).updateWhere('things', { _id: 'q' }, { v: 2 }),
          (tx) => (tx as unknown as Store).transaction(async () => 1),
          // the outer store, reached from inside the transaction, is refused too (it would deadlock)
          () => store.find('things', {}),
          () => store.get('things', 'q'),
          () => store.transaction(async () => 1),
        ];
        for (const attempt of attempts) {
          await expect(store.transaction(attempt)).rejects.toMatchObject({ kind: 'UNSUPPORTED_IN_TRANSACTION' });
        }
        expect(await store.get('things', 'q')).toEqual({ _id: 'q', v: 1 });
      });

      it('a transaction object is dead after the transaction ends', async () => {
        let leaked!: Transaction;
        await store.transaction(async (tx) => {
          leaked = tx;
        });
        await expect(leaked.insert('things', { _id: 'late' })).rejects.toBeInstanceOf(StoreError);
        expect(await store.get('things', 'late')).toBeNull();
      });
    });
  });
}
