import {
  DEFAULT_LIMIT,
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
import { CloudbaseBackendError, call, codeOf, countOf, messageOf } from './results';
import type { CloudbaseCommand, CloudbaseDatabase, CloudbaseQuery, CloudbaseTxCollection } from './sdk';
import { translateFilter, translateUpdate } from './translate';

export type { CloudbaseDatabase } from './sdk';

/** Retries after DATABASE_TRANSACTION_CONFLICT (the SDK's own default). */
const TRANSACTION_RETRIES = 3;

const firstDoc = <T>(data: unknown): T | null => {
  // Outside a transaction `doc().get()` answers an array; inside one, the document itself or null.
  const doc = Array.isArray(data) ? data[0] : data;
  return (doc ?? null) as T | null;
};

const checkPage = (options: FindOptions): { skip: number; limit: number } => {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const skip = options.skip ?? 0;
  if (!Number.isInteger(limit) || limit < 0) throw new StoreError('INVALID_QUERY', `limit must be a non-negative integer, got ${limit}`);
  if (limit > MAX_LIMIT) throw new StoreError('LIMIT_EXCEEDED', `limit ${limit} exceeds ${MAX_LIMIT}`);
  if (!Number.isInteger(skip) || skip < 0) throw new StoreError('INVALID_QUERY', `skip must be a non-negative integer, got ${skip}`);
  return { skip, limit };
};

/** Document-level operations over whatever `collection()` gives: the database itself, or a transaction. */
const docOps = (_: CloudbaseCommand, collection: (name: string) => CloudbaseTxCollection): DocOps => ({
  async get<T extends Doc = Doc>(c: string, id: string) {
    const res = await call({ op: 'get', collection: c, id }, () => collection(c).doc(id).get());
    return firstDoc<T>(res.data);
  },

  async insert<T extends Doc>(c: string, doc: T) {
    const at = { op: 'insert', collection: c, id: doc._id };
    await call(at, () => collection(c).add({ ...doc }));
  },

  async updateById(c: string, id: string, update: Update) {
    const at = { op: 'updateById', collection: c, id };
    const data = translateUpdate(_, update);
    const res = await call(at, () => collection(c).doc(id).update(data));
    return countOf(at, res.updated, 'updated');
  },

  async removeById(c: string, id: string) {
    const at = { op: 'removeById', collection: c, id };
    const res = await call(at, () => collection(c).doc(id).remove());
    return countOf(at, res.deleted, 'deleted');
  },
});

const refuse = (op: string) => async (): Promise<never> => {
  throw new StoreError('UNSUPPORTED_IN_TRANSACTION', `${op} is not allowed in a transaction: CloudBase transactions hold document-level operations only`);
};

/** Offered to a transaction's function; the query methods exist only to refuse callers that cast around the type. */
const transactionOps = (_: CloudbaseCommand, collection: (name: string) => CloudbaseTxCollection): Transaction =>
  Object.assign(docOps(_, collection), { find: refuse('find'), count: refuse('count'), updateWhere: refuse('updateWhere') });

export const createCloudbaseStore = (db: CloudbaseDatabase): Store => {
  const _ = db.command;
  const where = (c: string, filter: Filter): CloudbaseQuery => {
    // Translated first, so that an invalid filter is refused before any SDK object exists.
    const condition = translateFilter(_, filter);
    return db.collection(c).where(condition);
  };

  return {
    ...docOps(_, (c) => db.collection(c)),

    async find<T extends Doc = Doc>(c: string, filter: Filter, options: FindOptions = {}) {
      const { skip, limit } = checkPage(options);
      // The SDK reads `limit(0)` as "default" (100); the port means none.
      if (limit === 0) return [];
      let query = where(c, filter);
      for (const [field, direction] of options.orderBy ?? []) query = query.orderBy(field, direction);
      if (skip > 0) query = query.skip(skip);
      query = query.limit(limit);
      if (options.fields) query = query.field(Object.fromEntries([['_id', true], ...options.fields.map((f) => [f, true])]));
      const at = { op: 'find', collection: c };
      const res = await call(at, () => query.get());
      if (!Array.isArray(res.data)) throw new CloudbaseBackendError(`find ${c}: unexpected result without a data array`);
      return res.data as T[];
    },

    async count(c: string, filter: Filter) {
      const at = { op: 'count', collection: c };
      const query = where(c, filter);
      const res = await call(at, () => query.count());
      return countOf(at, res.total, 'total');
    },

    async updateWhere(c: string, filter: Filter, update: Update) {
      const at = { op: 'updateWhere', collection: c };
      const data = translateUpdate(_, update);
      const query = where(c, filter);
      const res = await call(at, () => query.update(data));
      return countOf(at, res.updated, 'updated');
    },

    async transaction<T>(fn: (tx: Transaction) => Promise<T>) {
      // What `fn` itself threw (a domain refusal) must come out unchanged, even if it is not an Error.
      const none = Symbol('none');
      let thrownByFn: unknown = none;
      try {
        const result = await db.runTransaction(async (t) => {
          thrownByFn = none;
          try {
            return await fn(transactionOps(_, (c) => t.collection(c)));
          } catch (e) {
            thrownByFn = e;
            throw e;
          }
        }, TRANSACTION_RETRIES);
        return result as T;
      } catch (e) {
        if (e instanceof StoreError || (thrownByFn !== none && e === thrownByFn)) throw e;
        // Start, commit or rollback failed: the SDK throws a TcbError or the bare `{code}` answer.
        throw new CloudbaseBackendError(`transaction: ${codeOf(e) ?? 'ERROR'} ${messageOf(e)}`, codeOf(e));
      }
    },
  };
};
