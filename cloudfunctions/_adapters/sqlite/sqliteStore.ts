/**
 * The Store port on one SQLite file (better-sqlite3, synchronous). It enforces CloudBase's limits so
 * that code passing here is correct in the cloud: modified-count updates, the 1000 limit, no queries
 * inside transactions.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { applyUpdate, isPlainObject, project } from '../../_core/store/apply';
import {
  DEFAULT_LIMIT,
  DuplicateKeyError,
  MAX_LIMIT,
  StoreError,
  type CollectionSpec,
  type Doc,
  type Filter,
  type FindOptions,
  type Store,
  type Transaction,
  type Update,
} from '../../_core/store/port';
import { AsyncMutex } from './asyncMutex';
import { compileFilter, compileOrderBy } from './sqlFilter';
import { applySchema, createTableSql } from './sqliteSchema';

interface TxState {
  active: boolean;
}

type Row = { _id: string; doc: string };

const STATEMENT_CACHE_SIZE = 500;

const invalid = (message: string): never => {
  throw new StoreError('INVALID_QUERY', message);
};

const refuse = (what: string) => (): Promise<never> =>
  Promise.reject(
    new StoreError('UNSUPPORTED_IN_TRANSACTION', `${what} is not allowed in a transaction: CloudBase transactions hold document operations only`),
  );

function checkId(id: unknown): string {
  if (typeof id !== 'string' || id === '') invalid('_id must be a non-empty string');
  return id as string;
}

/**
 * Recognised by its code, not by `instanceof`: the native addon keeps the error class of whichever
 * copy of the module loaded it first, and jest loads one copy (and one realm) per test file.
 */
const isSqliteError = (e: unknown): e is { code: string; message: string } =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && (e as { code: string }).code.startsWith('SQLITE_');

function translate(e: unknown, collection: string, id?: string): unknown {
  if (e instanceof StoreError || !isSqliteError(e)) return e;
  if (e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && id !== undefined) return new DuplicateKeyError(collection, id);
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE') return new StoreError('DUPLICATE_KEY', `${collection}: ${e.message}`);
  return Object.assign(new StoreError('BACKEND', `${collection}: ${e.message}`), { cause: e });
}

class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly mutex = new AsyncMutex();
  private readonly txContext = new AsyncLocalStorage<TxState>();
  private readonly tables = new Set<string>();
  private readonly arrayFields = new Map<string, string[]>();
  private readonly statements = new Map<string, Database.Statement>();
  private closed = false;

  constructor(file: string, collections: CollectionSpec[]) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file, { timeout: 5000 });
    try {
      this.db.pragma('journal_mode = WAL');
      // WAL + NORMAL cannot corrupt the file; at worst a power cut loses the last commits.
      this.db.pragma('synchronous = NORMAL');
      applySchema(this.db, collections);
    } catch (e) {
      this.db.close();
      throw e;
    }
    for (const spec of collections) {
      this.tables.add(spec.name);
      this.arrayFields.set(spec.name, spec.arrayFields ?? []);
    }
  }

  private where(collection: string, filter: Filter) {
    return compileFilter(filter, this.arrayFields.get(collection));
  }

  // ---- the port ----

  get<T extends Doc = Doc>(collection: string, id: string): Promise<T | null> {
    return this.outside(collection, () => this.getSync<T>(collection, id));
  }

  insert<T extends Doc>(collection: string, doc: T): Promise<void> {
    return this.outside(collection, () => this.insertSync(collection, doc), doc?._id);
  }

  updateById(collection: string, id: string, update: Update): Promise<number> {
    return this.outside(collection, () => this.updateByIdSync(collection, id, update));
  }

  removeById(collection: string, id: string): Promise<number> {
    return this.outside(collection, () => this.removeByIdSync(collection, id));
  }

  find<T extends Doc = Doc>(collection: string, filter: Filter, options: FindOptions = {}): Promise<T[]> {
    return this.outside(collection, () => this.findSync<T>(collection, filter, options));
  }

  count(collection: string, filter: Filter): Promise<number> {
    return this.outside(collection, () => {
      const where = this.where(collection, filter);
      const row = this.stmt(`SELECT count(*) AS n FROM ${this.table(collection)} WHERE ${where.sql}`).get(...where.params);
      return (row as { n: number }).n;
    });
  }

  updateWhere(collection: string, filter: Filter, update: Update): Promise<number> {
    return this.outside(collection, () => this.updateWhereSync(collection, filter, update));
  }

  updateAndReturn<T extends Doc = Doc>(collection: string, filter: Filter, update: Update): Promise<T | null> {
    return this.outside(collection, () => this.updateAndReturnSync<T>(collection, filter, update));
  }

  insertMany<T extends Doc>(collection: string, docs: T[]): Promise<void> {
    if (!Array.isArray(docs) || docs.length === 0) return Promise.reject(new StoreError('INVALID_QUERY', 'insertMany needs a non-empty array'));
    let current: string | undefined;
    return this.outside(
      collection,
      () => {
        // One by one, each committed, so that a duplicate leaves the ones before it (as CloudBase does).
        for (const doc of docs) {
          current = doc?._id;
          this.insertSync(collection, doc);
        }
      },
      undefined,
      () => current,
    );
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    if (this.txContext.getStore()?.active) throw new StoreError('UNSUPPORTED_IN_TRANSACTION', 'nested transactions are not supported');
    return this.mutex.run(async () => {
      this.checkOpen();
      const state: TxState = { active: true };
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await this.txContext.run(state, () => fn(this.transactionObject(state)));
        state.active = false;
        this.db.exec('COMMIT');
        return result;
      } catch (e) {
        state.active = false;
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      }
    });
  }

  async close(): Promise<void> {
    await this.mutex.run(() => {
      if (this.closed) return;
      this.closed = true;
      this.statements.clear();
      this.db.close();
    });
  }

  // ---- plumbing ----

  /**
   * Runs a synchronous operation outside any transaction: it queues behind an open transaction
   * and is refused when called from inside one (it would deadlock or escape the transaction).
   */
  private outside<T>(collection: string, fn: () => T, id?: string, idNow?: () => string | undefined): Promise<T> {
    if (this.txContext.getStore()?.active) {
      return Promise.reject(
        new StoreError('UNSUPPORTED_IN_TRANSACTION', 'inside a transaction use the tx argument, not the store'),
      );
    }
    return this.mutex.run(() => {
      this.checkOpen();
      try {
        return fn();
      } catch (e) {
        throw translate(e, collection, idNow ? idNow() : id);
      }
    });
  }

  private transactionObject(state: TxState): Transaction {
    const inside = <T>(collection: string, fn: () => T, id?: string): Promise<T> => {
      if (!state.active) return Promise.reject(new StoreError('BACKEND', 'the transaction has already finished'));
      try {
        return Promise.resolve(fn());
      } catch (e) {
        return Promise.reject(translate(e, collection, id));
      }
    };
    const tx: Transaction & Record<'find' | 'count' | 'updateWhere' | 'updateAndReturn' | 'insertMany' | 'transaction', () => Promise<never>> = {
      get: <T extends Doc = Doc>(collection: string, id: string) => inside(collection, () => this.getSync<T>(collection, id)),
      insert: <T extends Doc>(collection: string, doc: T) =>
        inside(collection, () => this.insertSync(collection, doc), doc?._id),
      updateById: (collection: string, id: string, update: Update) =>
        inside(collection, () => this.updateByIdSync(collection, id, update)),
      removeById: (collection: string, id: string) => inside(collection, () => this.removeByIdSync(collection, id)),
      // Present at runtime so that domain code trying a query in a transaction fails loudly.
      find: refuse('find'),
      count: refuse('count'),
      updateWhere: refuse('updateWhere'),
      updateAndReturn: refuse('updateAndReturn'),
      insertMany: refuse('insertMany'),
      transaction: refuse('a nested transaction'),
    };
    return tx;
  }

  private checkOpen(): void {
    if (this.closed) throw new StoreError('BACKEND', 'the store is closed');
  }

  /**
   * Prepared statements, least recently used dropped first: guards on keyed fields (`holds.<key>`,
   * `m.<key>`) make one-off statements, which must not push out the ones every request uses.
   */
  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement) {
      this.statements.delete(sql);
    } else {
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.delete(this.statements.keys().next().value!);
      statement = this.db.prepare(sql);
    }
    this.statements.set(sql, statement);
    return statement;
  }

  /** The quoted table name, creating the table for a collection seen for the first time. */
  private table(collection: string): string {
    if (!this.tables.has(collection)) {
      this.db.exec(createTableSql(collection));
      // A table created inside a transaction disappears if it rolls back: remember it only once committed.
      if (!this.db.inTransaction) this.tables.add(collection);
    }
    return `"${collection}"`;
  }

  private getSync<T extends Doc>(collection: string, id: string): T | null {
    const row = this.stmt(`SELECT doc FROM ${this.table(collection)} WHERE _id = ?`).get(checkId(id)) as Row | undefined;
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  private insertSync(collection: string, doc: Doc): void {
    if (!isPlainObject(doc)) invalid('a document must be a plain object');
    checkId(doc._id);
    this.stmt(`INSERT INTO ${this.table(collection)} (_id, doc) VALUES (?, ?)`).run(doc._id, JSON.stringify(doc));
  }

  private updateByIdSync(collection: string, id: string, update: Update): number {
    const table = this.table(collection);
    return this.db.transaction(() => {
      const row = this.stmt(`SELECT doc FROM ${table} WHERE _id = ?`).get(checkId(id)) as Row | undefined;
      if (!row) {
        applyUpdate({ _id: id }, update); // validates the update even when nothing matches
        return 0;
      }
      const { doc, changed } = applyUpdate(JSON.parse(row.doc) as Doc, update);
      if (!changed) return 0;
      this.stmt(`UPDATE ${table} SET doc = ? WHERE _id = ?`).run(JSON.stringify(doc), id);
      return 1;
    }).immediate();
  }

  private removeByIdSync(collection: string, id: string): number {
    return this.stmt(`DELETE FROM ${this.table(collection)} WHERE _id = ?`).run(checkId(id)).changes;
  }

  private findSync<T extends Doc>(collection: string, filter: Filter, options: FindOptions): T[] {
    const { orderBy, skip = 0, limit = DEFAULT_LIMIT, fields } = options;
    if (!Number.isInteger(limit) || limit < 1) invalid(`limit must be a positive integer, got ${limit}`);
    if (limit > MAX_LIMIT) throw new StoreError('LIMIT_EXCEEDED', `limit ${limit} exceeds ${MAX_LIMIT}`);
    if (!Number.isInteger(skip) || skip < 0) invalid(`skip must be a non-negative integer, got ${skip}`);
    const where = this.where(collection, filter);
    const sql = `SELECT doc FROM ${this.table(collection)} WHERE ${where.sql} ORDER BY ${compileOrderBy(orderBy)} LIMIT ? OFFSET ?`;
    const rows = this.stmt(sql).all(...where.params, limit, skip) as Row[];
    const docs = rows.map((r) => JSON.parse(r.doc) as T);
    return fields ? docs.map((d) => project(d, fields)) : docs;
  }

  private updateAndReturnSync<T extends Doc>(collection: string, filter: Filter, update: Update): T | null {
    const table = this.table(collection);
    const where = this.where(collection, filter);
    return this.db.transaction(() => {
      const row = this.stmt(`SELECT _id, doc FROM ${table} WHERE ${where.sql} LIMIT 1`).get(...where.params) as Row | undefined;
      if (!row) {
        applyUpdate({ _id: '' }, update); // validates the update even when nothing matches
        return null;
      }
      const { doc, changed } = applyUpdate(JSON.parse(row.doc) as Doc, update);
      if (changed) this.stmt(`UPDATE ${table} SET doc = ? WHERE _id = ?`).run(JSON.stringify(doc), row._id);
      return doc as T;
    }).immediate();
  }

  private updateWhereSync(collection: string, filter: Filter, update: Update): number {
    const table = this.table(collection);
    const where = this.where(collection, filter);
    return this.db.transaction(() => {
      const rows = this.stmt(`SELECT _id, doc FROM ${table} WHERE ${where.sql}`).all(...where.params) as Row[];
      if (rows.length === 0) applyUpdate({ _id: '' }, update); // validates the update even when nothing matches
      const write = this.stmt(`UPDATE ${table} SET doc = ? WHERE _id = ?`);
      let modified = 0;
      for (const row of rows) {
        const { doc, changed } = applyUpdate(JSON.parse(row.doc) as Doc, update);
        if (!changed) continue;
        write.run(JSON.stringify(doc), row._id);
        modified++;
      }
      return modified;
    }).immediate();
  }
}

/** Opens (creating if needed) the SQLite file with every declared collection and index. */
export function openSqliteStore(file: string, collections: CollectionSpec[]): Store {
  return new SqliteStore(file, collections);
}
