import { AsyncLocalStorage } from 'node:async_hooks';
import {
  cmd,
  DEFAULT_LIMIT,
  DuplicateKeyError,
  MAX_LIMIT,
  StoreError,
  type Doc,
  type DocOps,
  type Filter,
  type FindOptions,
  type Store,
  type Transaction,
  type Update,
} from '../../_core/store/port';
import { checkCollectionName } from '../../_core/store/filters';
import { CloudbaseBackendError, call, codeOf, countOf, messageOf } from './results';
import type { CloudbaseCommand, CloudbaseDatabase, CloudbaseQuery, CloudbaseTxCollection } from './sdk';
import { translateFilter, translateUpdate } from './translate';

export type { CloudbaseDatabase } from './sdk';

const CONFLICT_CODE = 'DATABASE_TRANSACTION_CONFLICT';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Upper bound of the first backoff; each retry doubles it (full jitter). */
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * CloudBase transactions are optimistic: a write-write conflict fails the whole transaction. The
 * SDK would retry at once, which in a rush collides again; this waits a random, growing delay.
 */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 10, maxDelayMs: 500 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const firstDoc = <T>(data: unknown): T | null => {
  // Outside a transaction `doc().get()` answers an array; inside one, the document itself or null.
  const doc = Array.isArray(data) ? data[0] : data;
  return (doc ?? null) as T | null;
};

const checkPage = (options: FindOptions): { skip: number; limit: number } => {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const skip = options.skip ?? 0;
  if (!Number.isInteger(limit) || limit < 1) throw new StoreError('INVALID_QUERY', `limit must be a positive integer, got ${limit}`);
  if (limit > MAX_LIMIT) throw new StoreError('LIMIT_EXCEEDED', `limit ${limit} exceeds ${MAX_LIMIT}`);
  if (!Number.isInteger(skip) || skip < 0) throw new StoreError('INVALID_QUERY', `skip must be a non-negative integer, got ${skip}`);
  return { skip, limit };
};

const checkId = (id: unknown): string => {
  if (typeof id !== 'string' || id === '') throw new StoreError('INVALID_QUERY', '_id must be a non-empty string');
  return id;
};

const checkDoc = (doc: unknown): Doc => {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new StoreError('INVALID_QUERY', 'a document must be a plain object');
  checkId((doc as Doc)._id);
  return doc as Doc;
};

/** The document as stored: JSON types only, undefined fields dropped (the SDK would drop them too). */
const stored = <T>(doc: T): T => JSON.parse(JSON.stringify(doc)) as T;

/** Document-level operations over whatever `collection()` gives: the database itself, or a transaction. */
const docOps = (_: CloudbaseCommand, anyCollection: (name: string) => CloudbaseTxCollection): DocOps => {
  const collection = (name: string) => anyCollection(checkCollectionName(name));
  return {
  async get<T extends Doc = Doc>(c: string, id: string) {
    checkId(id);
    const res = await call({ op: 'get', collection: c, id }, () => collection(c).doc(id).get());
    return firstDoc<T>(res.data);
  },

  async insert<T extends Doc>(c: string, doc: T) {
    checkDoc(doc);
    const at = { op: 'insert', collection: c, id: doc._id };
    await call(at, () => collection(c).add(stored(doc)));
  },

  async updateById(c: string, id: string, update: Update) {
    checkId(id);
    const at = { op: 'updateById', collection: c, id };
    const data = translateUpdate(_, update);
    if (!data) return 0;
    const res = await call(at, () => collection(c).doc(id).update(data));
    return countOf(at, res.updated, 'updated');
  },

  async removeById(c: string, id: string) {
    checkId(id);
    const at = { op: 'removeById', collection: c, id };
    const res = await call(at, () => collection(c).doc(id).remove());
    return countOf(at, res.deleted, 'deleted');
  },
  };
};

const refuse = (op: string) => async (): Promise<never> => {
  throw new StoreError('UNSUPPORTED_IN_TRANSACTION', `${op} is not allowed in a transaction: CloudBase transactions hold document-level operations only`);
};

/** Offered to a transaction's function; the query methods exist only to refuse callers that cast around the type. */
const transactionOps = (_: CloudbaseCommand, collection: (name: string) => CloudbaseTxCollection, isOpen: () => boolean): Transaction => {
  const ops = docOps(_, collection);
  const live =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (!isOpen()) throw new StoreError('BACKEND', 'the transaction has already finished');
      return fn(...args);
    };
  return Object.assign(
    { get: live(ops.get), insert: live(ops.insert), updateById: live(ops.updateById), removeById: live(ops.removeById) } as DocOps,
    {
      find: refuse('find'),
      count: refuse('count'),
      updateWhere: refuse('updateWhere'),
      updateAndReturn: refuse('updateAndReturn'),
      insertMany: refuse('insertMany'),
      transaction: refuse('a nested transaction'),
    },
  );
};

const isConflict = (e: unknown): boolean => codeOf(e) === CONFLICT_CODE;

export const createCloudbaseStore = (db: CloudbaseDatabase, retry: RetryPolicy = DEFAULT_RETRY): Store => {
  const _ = db.command;
  const where = (c: string, filter: Filter): CloudbaseQuery => {
    // Translated first, so that an invalid filter is refused before any SDK object exists.
    const condition = translateFilter(_, filter);
    return db.collection(checkCollectionName(c)).where(condition);
  };

  /**
   * Set while a transaction's function runs: the outer store refuses to be called from there, as
   * the SQLite adapter must (it would deadlock), so that such code fails here as well as locally.
   */
  const inTransaction = new AsyncLocalStorage<boolean>();
  const outside =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (inTransaction.getStore()) {
        throw new StoreError('UNSUPPORTED_IN_TRANSACTION', 'inside a transaction use the tx argument, not the store');
      }
      return fn(...args);
    };

  /** One attempt; what `fn` itself threw (a domain refusal) comes out unchanged, even if it is not an Error. */
  const attempt = async <T>(fn: (tx: Transaction) => Promise<T>): Promise<T> => {
    const none = Symbol('none');
    let thrownByFn: unknown = none;
    let open = true;
    try {
      // times = 0: the SDK must not retry at once; conflicts are retried below, after a pause.
      const result = await db.runTransaction(async (t) => {
        try {
          return await inTransaction.run(true, () => fn(transactionOps(_, (c) => t.collection(c), () => open)));
        } catch (e) {
          thrownByFn = e;
          throw e;
        }
      }, 0);
      return result as T;
    } catch (e) {
      if (isConflict(e)) throw e;
      if (e instanceof StoreError || (thrownByFn !== none && e === thrownByFn)) throw e;
      // Start, commit or rollback failed: the SDK throws a TcbError or the bare `{code}` answer.
      throw new CloudbaseBackendError(`transaction: ${codeOf(e) ?? 'ERROR'} ${messageOf(e)}`, codeOf(e));
    } finally {
      open = false;
    }
  };

  const plain = docOps(_, (c) => db.collection(c));
  const store: Store = {
    get: outside(plain.get) as Store['get'],
    insert: outside(plain.insert) as Store['insert'],
    updateById: outside(plain.updateById),
    removeById: outside(plain.removeById),

    async find<T extends Doc = Doc>(c: string, filter: Filter, options: FindOptions = {}) {
      if (inTransaction.getStore()) throw new StoreError('UNSUPPORTED_IN_TRANSACTION', 'inside a transaction use the tx argument, not the store');
      const { skip, limit } = checkPage(options);
      let query = where(c, filter);
      for (const [field, direction] of options.orderBy ?? []) {
        if (direction !== 'asc' && direction !== 'desc') throw new StoreError('INVALID_QUERY', `invalid sort direction ${String(direction)}`);
        query = query.orderBy(field, direction);
      }
      if (skip > 0) query = query.skip(skip);
      query = query.limit(limit);
      if (options.fields) query = query.field(Object.fromEntries([['_id', true], ...options.fields.map((f) => [f, true])]));
      const at = { op: 'find', collection: c };
      const res = await call(at, () => query.get());
      if (!Array.isArray(res.data)) throw new CloudbaseBackendError(`find ${c}: unexpected result without a data array`);
      return res.data as T[];
    },

    async count(c: string, filter: Filter) {
      if (inTransaction.getStore()) throw new StoreError('UNSUPPORTED_IN_TRANSACTION', 'inside a transaction use the tx argument, not the store');
      const at = { op: 'count', collection: c };
      const query = where(c, filter);
      const res = await call(at, () => query.count());
      return countOf(at, res.total, 'total');
    },

    async updateWhere(c: string, filter: Filter, update: Update) {
      if (inTransaction.getStore()) throw new StoreError('UNSUPPORTED_IN_TRANSACTION', 'inside a transaction use the tx argument, not the store');
      const at = { op: 'updateWhere', collection: c };
      const data = translateUpdate(_, update);
      const query = where(c, filter);
      if (!data) return 0;
      const res = await call(at, () => query.update(data));
      return countOf(at, res.updated, 'updated');
    },

    async updateAndReturn<T extends Doc = Doc>(c: string, filter: Filter, update: Update) {
      if (inTransaction.getStore()) throw new StoreError('UNSUPPORTED_IN_TRANSACTION', 'inside a transaction use the tx argument, not the store');
      const at = { op: 'updateAndReturn', collection: c };
      const data = translateUpdate(_, update);
      if (!data) return (await store.find<T>(c, filter, { limit: 1 }))[0] ?? null;
      const query = where(c, filter);
      const res = await call(at, () => query.updateAndReturn(data));
      return (res.doc ?? null) as T | null;
    },

    async insertMany<T extends Doc>(c: string, docs: T[]) {
      if (inTransaction.getStore()) throw new StoreError('UNSUPPORTED_IN_TRANSACTION', 'inside a transaction use the tx argument, not the store');
      if (!Array.isArray(docs) || docs.length === 0) throw new StoreError('INVALID_QUERY', 'insertMany needs a non-empty array');
      docs.forEach(checkDoc);
      try {
        await call({ op: 'insertMany', collection: c }, () => db.collection(checkCollectionName(c)).add(docs.map(stored)));
      } catch (e) {
        if (!(e instanceof CloudbaseBackendError) || e.code !== 'DATABASE_DUPLICATE_WRITE') throw e;
        // Named after a document of the batch that exists (those before the duplicate were inserted).
        const taken = (await store.find(c, { _id: cmd.in(docs.map((d) => d._id)) }, { limit: docs.length, fields: ['_id'] })).map((d) => d._id);
        throw new DuplicateKeyError(c, docs.find((d) => taken.includes(d._id))?._id ?? docs[0]._id);
      }
    },

    async transaction<T>(fn: (tx: Transaction) => Promise<T>) {
      if (inTransaction.getStore()) throw new StoreError('UNSUPPORTED_IN_TRANSACTION', 'inside a transaction use the tx argument, not the store');
      for (let n = 1; ; n++) {
        try {
          return await attempt(fn);
        } catch (e) {
          if (!isConflict(e)) throw e;
          if (n >= retry.attempts) {
            throw Object.assign(new StoreError('CONFLICT', `transaction: still conflicting after ${n} attempts`), { cause: e });
          }
          await sleep(Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (n - 1)));
        }
      }
    },
  };
  return store;
};

