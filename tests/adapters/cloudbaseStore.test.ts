import { createCloudbaseStore } from '../../cloudfunctions/_adapters/cloudbase/cloudbaseStore';
import type { CloudbaseCollection, CloudbaseDatabase } from '../../cloudfunctions/_adapters/cloudbase/sdk';
import { DuplicateKeyError, StoreError, cmd, isDuplicateKey, upd, type Filter, type Store } from '../../cloudfunctions/_core/store/port';
import { realCommand as _, wireQuery, wireUpdate } from './cloudbaseSdk';

// ---------------------------------------------------------------------------------------------
// A recording stand-in for the database: every builder and terminal call is logged in order, and
// terminal calls answer what the test queued (SDK-shaped results, or an Error to throw).
// ---------------------------------------------------------------------------------------------

type Terminal = 'get' | 'add' | 'update' | 'remove' | 'count';
type Call = [name: string, ...args: unknown[]];

const CANNED: Record<Terminal, unknown> = { get: { data: [] }, add: { id: 'new' }, update: { updated: 1 }, remove: { deleted: 1 }, count: { total: 0 } };

const recorder = () => {
  const calls: Call[] = [];
  const queued: Partial<Record<Terminal, unknown[]>> = {};
  const answer = async (op: Terminal, prefix: string, args: unknown[]) => {
    calls.push([`${prefix}${op}`, ...args]);
    const next = queued[op]?.length ? queued[op]!.shift() : CANNED[op];
    if (next instanceof Error) throw next;
    return next as never;
  };
  const docRef = (prefix: string) => ({
    get: () => answer('get', prefix, []),
    update: (data: object) => answer('update', prefix, [data]),
    remove: () => answer('remove', prefix, []),
  });
  const chain = () => {
    const self: CloudbaseCollection = {
      where: (q: object) => (calls.push(['where', q]), self),
      orderBy: (f: string, d: string) => (calls.push(['orderBy', f, d]), self),
      skip: (n: number) => (calls.push(['skip', n]), self),
      limit: (n: number) => (calls.push(['limit', n]), self),
      field: (p: object) => (calls.push(['field', p]), self),
      get: () => answer('get', '', []),
      count: () => answer('count', '', []),
      update: (data: object) => answer('update', '', [data]),
      updateAndReturn: (data: object) => answer('update', '', [data]),
      doc: (id: string) => (calls.push(['doc', id]), docRef('')),
      add: ((doc: object) => answer('add', '', [doc])) as CloudbaseCollection['add'],
    };
    return self;
  };
  // A transaction's collection offers document-level calls only, like the SDK's in practice.
  const txCollection = () => ({
    doc: (id: string) => (calls.push(['tx.doc', id]), docRef('tx.')),
    add: (doc: object) => answer('add', 'tx.', [doc]),
  });
  const db: CloudbaseDatabase = {
    command: _,
    collection: (name: string) => (calls.push(['collection', name]), chain()),
    runTransaction: async (callback, times) => {
      calls.push(['runTransaction', times]);
      return callback({ collection: (name: string) => (calls.push(['tx.collection', name]), txCollection()) });
    },
  };
  return {
    db,
    calls,
    names: () => calls.map((c) => c[0]),
    queue: (op: Terminal, ...results: unknown[]) => void (queued[op] = [...(queued[op] ?? []), ...results]),
    /** The one `where()` argument, as the SDK would send it. */
    sentQuery: () => {
      const w = calls.filter((c) => c[0] === 'where');
      expect(w).toHaveLength(1);
      return wireQuery(w[0][1] as object);
    },
    /** The one `update()` argument, as the SDK would send it. */
    sentUpdate: () => {
      const u = calls.filter((c) => c[0].endsWith('update'));
      expect(u).toHaveLength(1);
      return wireUpdate(u[0][1] as object);
    },
  };
};

let rec: ReturnType<typeof recorder>;
let store: Store;
beforeEach(() => {
  rec = recorder();
  store = createCloudbaseStore(rec.db);
});

const rejection = async (p: Promise<unknown>): Promise<unknown> => p.then(() => { throw new Error('expected a rejection'); }, (e: unknown) => e);

describe('filters become db.command conditions', () => {
  test.each<[string, Filter, unknown]>([
    ['a bare value means eq', { status: 'open' }, { status: { $eq: 'open' } }],
    ['a bare null means eq null', { closedAt: null }, { closedAt: { $eq: null } }],
    ['eq', { n: cmd.eq(1) }, { n: { $eq: 1 } }],
    ['neq', { n: cmd.neq(1) }, { n: { $ne: 1 } }],
    ['lt', { n: cmd.lt(2) }, { n: { $lt: 2 } }],
    ['lte', { n: cmd.lte(2) }, { n: { $lte: 2 } }],
    ['gt', { n: cmd.gt(3) }, { n: { $gt: 3 } }],
    ['gte', { n: cmd.gte(3) }, { n: { $gte: 3 } }],
    ['in', { s: cmd.in(['a', 'b']) }, { s: { $in: ['a', 'b'] } }],
    ['nin', { s: cmd.nin(['a']) }, { s: { $nin: ['a'] } }],
    ['exists', { s: cmd.exists() }, { s: { $exists: true } }],
    ['exists(false)', { s: cmd.exists(false) }, { s: { $exists: false } }],
    ['a dotted path addresses a nested field', { 'address.building': '3', 'stats.done': cmd.gt(0) }, { 'address.building': { $eq: '3' }, 'stats.done': { $gt: 0 } }],
    ['several fields must all hold', { _id: 'a1', confirmed: cmd.lt(10) }, { _id: { $eq: 'a1' }, confirmed: { $lt: 10 } }],
    ['an empty filter matches everything', {}, {}],
  ])('%s', async (_name, filter, wire) => {
    await store.count('orders', filter);
    expect(rec.names()).toEqual(['collection', 'where', 'count']);
    expect(rec.calls[0]).toEqual(['collection', 'orders']);
    expect(rec.sentQuery()).toEqual(wire);
  });

  test('the conditions are the real SDK command objects, not look-alikes', async () => {
    await store.count('orders', { n: cmd.lt(2) });
    const where = rec.calls.find((c) => c[0] === 'where')![1] as Record<string, unknown>;
    expect(where.n).toEqual(_.lt(2));
    expect(where.n).not.toEqual(_.lte(2));
    expect(Object.getPrototypeOf(where.n)).toBe(Object.getPrototypeOf(_.lt(2)));
  });

  test('$or beside fields: the fields and the disjunction must both hold', async () => {
    await store.count('orders', { communityId: 'c1', $or: [{ status: 'open' }, { assignee: cmd.exists(false) }] });
    expect(rec.sentQuery()).toEqual({
      $and: [{ communityId: { $eq: 'c1' } }, { $or: [{ status: { $eq: 'open' } }, { assignee: { $exists: false } }] }],
    });
  });

  test('$and nests, and cmd.and / cmd.or build the same', async () => {
    await store.count('orders', cmd.and({ a: 1 }, cmd.or({ b: cmd.gte(2) }, { 'c.d': cmd.in([3]) })));
    expect(rec.sentQuery()).toEqual({ $and: [{ a: { $eq: 1 } }, { $or: [{ b: { $gte: 2 } }, { 'c.d': { $in: [3] } }] }] });
  });

  test('an undefined condition is dropped, as the SDK drops it; all-undefined is refused', async () => {
    await store.count('orders', { _id: 'a', status: undefined });
    expect(rec.sentQuery()).toEqual({ _id: { $eq: 'a' } });
    await expect(store.count('orders', { status: undefined })).rejects.toMatchObject({ kind: 'INVALID_QUERY' });
  });

  test.each<[string, Filter]>([
    ['an empty $or (the server refuses `$or: []`)', { $or: [] }],
    ['an unknown $ key', { $not: [{ a: 1 }] } as unknown as Filter],
    ['an object that is not an operator', { a: { b: 1 } } as unknown as Filter],
    ['an unknown operator', { a: { $op: 'regex', value: 'x' } } as unknown as Filter],
  ])('refuses %s before any call', async (_name, filter) => {
    const e = await rejection(store.count('orders', filter));
    expect(e).toBeInstanceOf(StoreError);
    expect((e as StoreError).kind).toBe('INVALID_QUERY');
    expect(rec.calls).toEqual([]);
  });
});

describe('updates become db.command update operators', () => {
  test.each<[string, Record<string, unknown>, unknown]>([
    ['a bare scalar means set', { status: 'done' }, { $set: { status: 'done' } }],
    ['upd.set', { status: upd.set('done') }, { $set: { status: 'done' } }],
    ['upd.inc', { confirmed: upd.inc(1) }, { $inc: { confirmed: 1 } }],
    ['upd.push', { tags: upd.push('a', 'b') }, { $push: { tags: { $each: ['a', 'b'] } } }],
    ['upd.push of an object with an `each` key stays a value', { log: upd.push({ each: 1 }) }, { $push: { log: { $each: [{ each: 1 }] } } }],
    ['upd.pull', { tags: upd.pull('a') }, { $pull: { tags: 'a' } }],
    ['upd.remove', { draft: upd.remove() }, { $unset: { draft: '' } }],
    ['a bare array is set whole', { tags: ['x', 'y'] }, { $set: { tags: ['x', 'y'] } }],
    ['a dotted path sets one nested field', { 'stats.done': 2 }, { $set: { 'stats.done': 2 } }],
    ['undefined values are skipped', { a: 1, b: undefined }, { $set: { a: 1 } }],
    [
      'several operators at once',
      { status: 'claimed', claimedBy: 'u1', confirmed: upd.inc(1), history: upd.push({ to: 'claimed' }) },
      { $set: { status: 'claimed', claimedBy: 'u1' }, $inc: { confirmed: 1 }, $push: { history: { $each: [{ to: 'claimed' }] } } },
    ],
  ])('%s', async (_name, update, wire) => {
    await store.updateById('orders', 'o1', update);
    expect(rec.calls).toEqual([['collection', 'orders'], ['doc', 'o1'], ['update', expect.anything()]]);
    expect(rec.sentUpdate()).toEqual(wire);
  });

  test('a bare object merges field by field, as the SDK itself would send it; upd.set replaces', async () => {
    const profile = { name: '李四', address: { room: '301' } };
    await store.updateById('users', 'u1', { profile });
    expect(rec.sentUpdate()).toEqual({ $set: { 'profile.name': '李四', 'profile.address.room': '301' } });
    expect(rec.sentUpdate()).toEqual(wireUpdate({ profile }));
    rec.calls.length = 0;
    await store.updateById('users', 'u1', { profile: upd.set(profile) });
    expect(rec.sentUpdate()).toEqual({ $set: { profile } });
  });

  test('an update with nothing left to change answers 0 without a call', async () => {
    expect(await store.updateById('orders', 'o1', { a: undefined })).toBe(0);
    expect(rec.calls).toEqual([]);
  });

  test.each<[string, Record<string, unknown>]>([
    ['a change of _id', { _id: 'other', a: 1 }],
    ['a $ key', { $set: { a: 1 } }],
    ['a field and its parent at once', { meta: upd.set({}), 'meta.level': 1 }],
  ])('refuses %s before any call', async (_name, update) => {
    const e = await rejection(store.updateById('orders', 'o1', update));
    expect((e as StoreError).kind).toBe('INVALID_QUERY');
    expect(rec.calls).toEqual([]);
  });
});

describe('document operations', () => {
  test('get answers the document, or null when absent', async () => {
    rec.queue('get', { data: [{ _id: 'u1', name: 'a' }] }, { data: [] });
    expect(await store.get('users', 'u1')).toEqual({ _id: 'u1', name: 'a' });
    expect(await store.get('users', 'u2')).toBeNull();
    expect(rec.calls).toEqual([['collection', 'users'], ['doc', 'u1'], ['get'], ['collection', 'users'], ['doc', 'u2'], ['get']]);
  });

  test('insert adds the document with its own _id', async () => {
    rec.queue('add', { id: 'r1' });
    await store.insert('regs', { _id: 'r1', activityId: 'a1' });
    expect(rec.calls).toEqual([['collection', 'regs'], ['add', { _id: 'r1', activityId: 'a1' }]]);
  });

  test.each<[string, unknown]>([
    ['answered as a result', { code: 'DATABASE_DUPLICATE_WRITE', message: 'Database write failed, index key duplicate' }],
    ['thrown as a TcbError', Object.assign(new Error('index key duplicate'), { code: 'DATABASE_DUPLICATE_WRITE' })],
    ['wrapped as a request failure with the Mongo marker', Object.assign(new Error('E11000 duplicate key error collection: regs index: _id_'), { code: 'DATABASE_REQUEST_FAILED' })],
  ])('a duplicate _id %s becomes DuplicateKeyError', async (_name, failure) => {
    rec.queue('add', failure);
    const e = await rejection(store.insert('regs', { _id: 'r1' }));
    expect(e).toBeInstanceOf(DuplicateKeyError);
    expect(isDuplicateKey(e)).toBe(true);
    expect(e).toMatchObject({ collection: 'regs', id: 'r1' });
  });

  test('updateById and removeById answer what the SDK counted', async () => {
    rec.queue('update', { updated: 0 });
    rec.queue('remove', { deleted: '1' });
    expect(await store.updateById('orders', 'o1', { a: 1 })).toBe(0);
    expect(await store.removeById('orders', 'o1')).toBe(1);
    expect(rec.names()).toEqual(['collection', 'doc', 'update', 'collection', 'doc', 'remove']);
  });
});

describe('queries', () => {
  test('find chains where, orderBy, skip, limit, field, get in that order', async () => {
    rec.queue('get', { data: [{ _id: 'o2', status: 'open' }] });
    const docs = await store.find('orders', { status: 'open' }, {
      orderBy: [['createdAt', 'desc'], ['_id', 'asc']],
      skip: 20,
      limit: 10,
      fields: ['status', 'profile.name'],
    });
    expect(docs).toEqual([{ _id: 'o2', status: 'open' }]);
    expect(rec.calls).toEqual([
      ['collection', 'orders'],
      ['where', expect.anything()],
      ['orderBy', 'createdAt', 'desc'],
      ['orderBy', '_id', 'asc'],
      ['skip', 20],
      ['limit', 10],
      ['field', { _id: true, status: true, 'profile.name': true }],
      ['get'],
    ]);
    expect(rec.sentQuery()).toEqual({ status: { $eq: 'open' } });
  });

  test('find asks for 100 by default and allows 1000', async () => {
    await store.find('orders', {});
    await store.find('orders', {}, { limit: 1000 });
    expect(rec.calls.filter((c) => c[0] === 'limit')).toEqual([['limit', 100], ['limit', 1000]]);
    expect(rec.names()).not.toContain('skip');
    expect(rec.names()).not.toContain('field');
  });

  test('find refuses a limit over 1000 before any call', async () => {
    const e = await rejection(store.find('orders', {}, { limit: 1001 }));
    expect(e).toBeInstanceOf(StoreError);
    expect((e as StoreError).kind).toBe('LIMIT_EXCEEDED');
    expect(rec.calls).toEqual([]);
  });

  test.each([[{ limit: -1 }], [{ limit: 2.5 }], [{ skip: -3 }]])('find refuses %j before any call', async (options) => {
    expect(((await rejection(store.find('orders', {}, options))) as StoreError).kind).toBe('INVALID_QUERY');
    expect(rec.calls).toEqual([]);
  });

  test('find refuses limit 0 before any call (the SDK would read 0 as its default 100)', async () => {
    expect(((await rejection(store.find('orders', {}, { limit: 0 }))) as StoreError).kind).toBe('INVALID_QUERY');
    expect(rec.calls).toEqual([]);
  });

  test('count answers total', async () => {
    rec.queue('count', { total: 7 });
    expect(await store.count('orders', { status: 'open' })).toBe(7);
    expect(rec.names()).toEqual(['collection', 'where', 'count']);
  });

  test('updateWhere sends where(q).update(data) and answers `updated` (modified, not matched)', async () => {
    rec.queue('update', { updated: 1 }, { updated: 0 });
    const claim = () => store.updateWhere('orders', { _id: 'o1', status: 'open' }, { status: 'claimed' });
    expect(await claim()).toBe(1);
    expect(await claim()).toBe(0);
    expect(rec.names()).toEqual(['collection', 'where', 'update', 'collection', 'where', 'update']);
    expect(wireQuery(rec.calls[1][1] as object)).toEqual({ _id: { $eq: 'o1' }, status: { $eq: 'open' } });
    expect(wireUpdate(rec.calls[2][1] as object)).toEqual({ $set: { status: 'claimed' } });
  });
});

describe('failures are never taken for success', () => {
  const denied = { code: 'DATABASE_PERMISSION_DENIED', message: 'permission denied', requestId: 'r' };
  const ops: Array<[string, (s: Store) => Promise<unknown>, 'get' | 'add' | 'update' | 'remove' | 'count']> = [
    ['get', (s) => s.get('c', 'x'), 'get'],
    ['insert', (s) => s.insert('c', { _id: 'x' }), 'add'],
    ['find', (s) => s.find('c', {}), 'get'],
    ['count', (s) => s.count('c', {}), 'count'],
    ['updateWhere', (s) => s.updateWhere('c', {}, { a: 1 }), 'update'],
    ['updateById', (s) => s.updateById('c', 'x', { a: 1 }), 'update'],
    ['removeById', (s) => s.removeById('c', 'x'), 'remove'],
  ];

  test.each(ops)('%s: a result carrying `code` becomes StoreError BACKEND', async (_name, run, terminal) => {
    rec.queue(terminal, denied);
    const e = await rejection(run(store));
    expect(e).toBeInstanceOf(StoreError);
    expect(e).not.toBeInstanceOf(DuplicateKeyError);
    expect(e).toMatchObject({ kind: 'BACKEND', code: 'DATABASE_PERMISSION_DENIED' });
    expect((e as Error).message).toContain('permission denied');
  });

  test.each(ops)('%s: a thrown SDK or network error becomes StoreError BACKEND', async (_name, run, terminal) => {
    rec.queue(terminal, Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    expect(await rejection(run(store))).toMatchObject({ kind: 'BACKEND', code: 'ECONNRESET' });
  });

  test.each<[string, (s: Store) => Promise<unknown>, 'get' | 'update' | 'remove' | 'count', unknown]>([
    ['updateWhere without updated', (s) => s.updateWhere('c', {}, { a: 1 }), 'update', { requestId: 'r' }],
    ['removeById with a non-numeric deleted', (s) => s.removeById('c', 'x'), 'remove', { deleted: 'many' }],
    ['count without total', (s) => s.count('c', {}), 'count', {}],
    ['find without data', (s) => s.find('c', {}), 'get', { requestId: 'r' }],
  ])('%s is a BACKEND failure', async (_name, run, terminal, result) => {
    rec.queue(terminal, result);
    expect(await rejection(run(store))).toMatchObject({ kind: 'BACKEND' });
  });
});

describe('transactions', () => {
  test('run through runTransaction with document-level calls only', async () => {
    rec.queue('get', { data: { _id: 'a1', confirmed: 2 } });
    const result = await store.transaction(async (tx) => {
      const activity = await tx.get<{ _id: string; confirmed: number }>('activities', 'a1');
      await tx.insert('regs', { _id: 'a1_u1' });
      await tx.updateById('activities', 'a1', { confirmed: upd.inc(1) });
      await tx.removeById('holds', 'h1');
      return activity!.confirmed + 1;
    });
    expect(result).toBe(3);
    expect(rec.calls).toEqual([
      // 0: the SDK must not retry at once; the adapter retries conflicts after a pause.
      ['runTransaction', 0],
      ['tx.collection', 'activities'],
      ['tx.doc', 'a1'],
      ['tx.get'],
      ['tx.collection', 'regs'],
      ['tx.add', { _id: 'a1_u1' }],
      ['tx.collection', 'activities'],
      ['tx.doc', 'a1'],
      ['tx.update', expect.anything()],
      ['tx.collection', 'holds'],
      ['tx.doc', 'h1'],
      ['tx.remove'],
    ]);
    expect(rec.sentUpdate()).toEqual({ $inc: { confirmed: 1 } });
  });

  test('get inside a transaction reads the single-document answer, and null when absent', async () => {
    rec.queue('get', { data: null });
    expect(await store.transaction((tx) => tx.get('activities', 'nope'))).toBeNull();
  });

  test.each(['find', 'count', 'updateWhere'])('%s is refused inside a transaction', async (op) => {
    const e = await rejection(
      store.transaction(async (tx) => (tx as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[op]('orders', {}, { a: 1 })),
    );
    expect(e).toBeInstanceOf(StoreError);
    expect((e as StoreError).kind).toBe('UNSUPPORTED_IN_TRANSACTION');
    expect(rec.names()).toEqual(['runTransaction']);
  });

  test("the function's own error comes out unchanged", async () => {
    const refusal = Object.assign(new Error('名额已满'), { code: 'CAPACITY_FULL' });
    expect(await rejection(store.transaction(async () => { throw refusal; }))).toBe(refusal);
  });

  test('a duplicate insert inside a transaction is a DuplicateKeyError', async () => {
    rec.queue('add', { code: 'DATABASE_DUPLICATE_WRITE', message: 'duplicate' });
    const e = await rejection(store.transaction((tx) => tx.insert('regs', { _id: 'a1_u1' })));
    expect(e).toBeInstanceOf(DuplicateKeyError);
  });
});

