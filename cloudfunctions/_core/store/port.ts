/**
 * The Store port. It offers only what the CloudBase database offers, with CloudBase's meaning,
 * so that domain code that is correct against the SQLite adapter is correct in the cloud:
 * - `updateWhere` answers the number of documents *modified* (not matched): put the guard in the filter;
 * - `find` caps `limit` at 1000 and defaults to 100;
 * - a transaction holds document-level operations only and may run its function more than once.
 */

export type Scalar = string | number | boolean | null;
export type Value = Scalar | Value[] | { [key: string]: Value } | undefined;

export interface Doc {
  _id: string;
  [field: string]: unknown;
}

/** A comparison on one field. Built with `cmd.*`; a bare value means `eq`. */
export type FieldOp =
  | { $op: 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte'; value: Scalar }
  | { $op: 'in' | 'nin'; value: Scalar[] }
  | { $op: 'exists'; value: boolean };

export type FieldCondition = Scalar | FieldOp;

/**
 * A filter: field paths (dots address nested fields) mapped to conditions, all of which must hold;
 * `$and` / `$or` combine sub-filters.
 */
export interface Filter {
  $and?: Filter[];
  $or?: Filter[];
  [fieldPath: string]: FieldCondition | Filter[] | undefined;
}

/** An update operator on one field. Built with `upd.*`; a bare value means `set`. */
export type UpdateOp =
  | { $upd: 'set'; value: unknown }
  | { $upd: 'inc'; value: number }
  | { $upd: 'push'; value: unknown[] }
  | { $upd: 'pull'; value: Scalar }
  | { $upd: 'remove' };

export type Update = Record<string, UpdateOp | Scalar | unknown>;

export interface FindOptions {
  orderBy?: Array<[field: string, direction: 'asc' | 'desc']>;
  skip?: number;
  /** Default 100, at most 1000 (CloudBase's cap). */
  limit?: number;
  /** Field projection: only these fields (and `_id`) are returned. */
  fields?: string[];
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/** Document-level operations: the only ones a CloudBase transaction allows. */
export interface DocOps {
  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null>;
  /** Rejects with DuplicateKeyError when a document with the same `_id` exists. */
  insert<T extends Doc>(collection: string, doc: T): Promise<void>;
  /** Answers 1 when the document existed and changed, else 0. */
  updateById(collection: string, id: string, update: Update): Promise<number>;
  /** Answers 1 when the document existed, else 0. Domain code never hard-deletes records. */
  removeById(collection: string, id: string): Promise<number>;
}

export type Transaction = DocOps;

export interface Store extends DocOps {
  find<T extends Doc = Doc>(collection: string, filter: Filter, options?: FindOptions): Promise<T[]>;
  count(collection: string, filter: Filter): Promise<number>;
  /** Applies `update` to every matching document; answers how many were modified. */
  updateWhere(collection: string, filter: Filter, update: Update): Promise<number>;
  /**
   * Applies `update` to the first document matching `filter` and answers that document as it is
   * after the update, or null when none matched: a guarded write that tells its result in the same
   * round trip (CloudBase's `updateAndReturn`).
   */
  updateAndReturn<T extends Doc = Doc>(collection: string, filter: Filter, update: Update): Promise<T | null>;
  /**
   * Inserts several documents in one round trip, in order. A document whose `_id` exists stops it
   * with a DuplicateKeyError; the documents before it are inserted.
   */
  insertMany<T extends Doc>(collection: string, docs: T[]): Promise<void>;
  /**
   * Runs `fn` atomically: all of its writes happen, or none. `fn` may run more than once (CloudBase
   * retries on conflict), so it must have no side effects outside the transaction.
   */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  close?(): Promise<void>;
}

export class StoreError extends Error {
  constructor(
    /** CONFLICT: a transaction kept conflicting with concurrent writers after every retry. */
    readonly kind: 'DUPLICATE_KEY' | 'LIMIT_EXCEEDED' | 'UNSUPPORTED_IN_TRANSACTION' | 'INVALID_QUERY' | 'CONFLICT' | 'BACKEND',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export class DuplicateKeyError extends StoreError {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super('DUPLICATE_KEY', `duplicate _id ${id} in ${collection}`);
    this.name = 'DuplicateKeyError';
  }
}

export const isDuplicateKey = (e: unknown): e is DuplicateKeyError =>
  e instanceof StoreError && e.kind === 'DUPLICATE_KEY';

/** Filter operators, named as CloudBase's `db.command`. */
export const cmd = {
  eq: (value: Scalar): FieldOp => ({ $op: 'eq', value }),
  neq: (value: Scalar): FieldOp => ({ $op: 'neq', value }),
  lt: (value: Scalar): FieldOp => ({ $op: 'lt', value }),
  lte: (value: Scalar): FieldOp => ({ $op: 'lte', value }),
  gt: (value: Scalar): FieldOp => ({ $op: 'gt', value }),
  gte: (value: Scalar): FieldOp => ({ $op: 'gte', value }),
  in: (value: Scalar[]): FieldOp => ({ $op: 'in', value }),
  nin: (value: Scalar[]): FieldOp => ({ $op: 'nin', value }),
  exists: (value = true): FieldOp => ({ $op: 'exists', value }),
  and: (...filters: Filter[]): Filter => ({ $and: filters }),
  or: (...filters: Filter[]): Filter => ({ $or: filters }),
};

/** Update operators, named as CloudBase's `db.command`. */
export const upd = {
  set: (value: unknown): UpdateOp => ({ $upd: 'set', value }),
  inc: (value: number): UpdateOp => ({ $upd: 'inc', value }),
  push: (...value: unknown[]): UpdateOp => ({ $upd: 'push', value }),
  pull: (value: Scalar): UpdateOp => ({ $upd: 'pull', value }),
  remove: (): UpdateOp => ({ $upd: 'remove' }),
};

export const isFieldOp = (v: unknown): v is FieldOp =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && '$op' in v;

export const isUpdateOp = (v: unknown): v is UpdateOp =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && '$upd' in v;

/** An index declared next to its collection; the SQLite adapter creates it, the deploy docs list it. */
export interface IndexSpec {
  name: string;
  fields: Array<[field: string, direction: 'asc' | 'desc']>;
  unique?: boolean;
}

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
  /**
   * Top-level fields that hold arrays. A filter on them matches when some element matches (as in
   * CloudBase); every other field is compared as a value, which is what lets SQLite serve a filter
   * with a compound index (an array test would force it to scan).
   */
  arrayFields?: string[];
}
