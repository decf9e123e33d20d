/**
 * An in-memory CloudBase database with CloudBase's meaning, answering the requests that the real
 * `@cloudbase/database` (inside `@cloudbase/node-sdk`) sends. Queries and update operators are
 * evaluated by mingo, a kept MongoDB-query library; this file adds what mingo does not know:
 * - collections, `_id` uniqueness (`DATABASE_DUPLICATE_WRITE`) and declared unique indexes;
 * - `limit` 100 by default and at most 1000; `updated` counts documents *modified*, not matched;
 * - ties in a sort come back in a random order, as nothing promises otherwise in the cloud;
 * - optimistic transactions: reads see the snapshot taken at start, a write to a document that
 *   another transaction has written, or that anyone changed since the snapshot, fails with
 *   `DATABASE_TRANSACTION_CONFLICT`; nothing ever waits for a lock.
 * Every method is synchronous: one request is applied atomically, as a single-document write is.
 */
import { EJSON } from 'bson';
import { find as mingoFind, Query } from 'mingo';
import { update as mingoUpdate } from 'mingo/updater';

type Doc = Record<string, unknown> & { _id: string };
type Params = Record<string, unknown>;

export type Answer = Record<string, unknown>;

export class EmulatorError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const DUPLICATE = 'DATABASE_DUPLICATE_WRITE';
const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';
const INVALID = 'INVALID_PARAM';
const FAILED = 'DATABASE_REQUEST_FAILED';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/** One committed state of a document; `doc: null` records a removal. */
interface Version {
  seq: number;
  doc: Doc | null;
}

interface TxState {
  id: string;
  snapshot: number;
  startedAt: number;
  /** Pending writes by `collection\u0000id`; `null` is a removal. */
  writes: Map<string, { collection: string; id: string; doc: Doc | null; insert: boolean }>;
}

export interface EmulatedDatabaseOptions {
  /** Unique indexes per collection, each a list of field paths. Documents missing a field are not indexed. */
  uniqueIndexes?: Record<string, string[][]>;
  /** Sort ties in a random order (default true). */
  shuffleTies?: boolean;
  /** A transaction not committed within this time is aborted (default 30 s). */
  transactionTimeoutMs?: number;
  random?: () => number;
  now?: () => number;
}

export interface EmulatorStats {
  requests: Record<string, number>;
  conflicts: number;
  commits: number;
  aborts: number;
}

const key = (collection: string, id: string) => `${collection}\u0000${id}`;

const parse = (text: unknown, what: string): unknown => {
  if (text === undefined || text === null || text === '') return undefined;
  if (typeof text !== 'string') throw new EmulatorError(INVALID, `${what} must be an EJSON string`);
  return EJSON.parse(text, { relaxed: true });
};

const stringify = (doc: unknown): string => EJSON.stringify(doc as Doc, { relaxed: false });

const clone = <T>(value: T): T => (value === null || value === undefined ? value : (structuredClone(value) as T));

const getPath = (doc: unknown, path: string): unknown => {
  let cur: unknown = doc;
  for (const seg of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

export class EmulatedDatabase {
  private readonly collections = new Map<string, Map<string, Version[]>>();
  private readonly transactions = new Map<string, TxState>();
  /** Which transaction holds a pending write on a document. */
  private readonly pendingWriter = new Map<string, string>();
  private seq = 0;
  private txCounter = 0;
  private idCounter = 0;
  private readonly random: () => number;
  private readonly now: () => number;
  readonly stats: EmulatorStats = { requests: {}, conflicts: 0, commits: 0, aborts: 0 };

  constructor(private readonly options: EmulatedDatabaseOptions = {}) {
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  /** Answers one request of the database protocol, as the SDK sent it (`action` plus its params). */
  handle(action: string, params: Params): Answer {
    this.stats.requests[action] = (this.stats.requests[action] ?? 0) + 1;
    this.expireTransactions();
    switch (action) {
      case 'database.getDocument':
        return this.getDocument(params);
      case 'database.calculateDocument':
        return this.calculateDocument(params);
      case 'database.insertDocument':
        return this.insertDocument(params);
      case 'database.modifyDocument':
        return this.modifyDocument(params);
      case 'database.removeDocument':
        return this.removeDocument(params);
      case 'database.modifyAndReturnDoc':
        return this.modifyAndReturnDoc(params);
      case 'database.startTransaction':
        return this.startTransaction();
      case 'database.commitTransaction':
        return this.commitTransaction(params);
      case 'database.abortTransaction':
        return this.abortTransaction(params);
      case 'database.getInTransaction':
        return this.legacyGet(params);
      case 'database.updateDocInTransaction':
        return this.legacyUpdate(params);
      case 'database.deleteDocInTransaction':
        return this.legacyDelete(params);
      case 'database.addCollection':
        this.collection(String(params.collectionName ?? ''));
        return {};
      case 'database.aggregateDocuments':
        throw new EmulatorError(FAILED, 'aggregate is not emulated: the Store port does not use it');
      default:
        throw new EmulatorError(INVALID, `unknown action ${action}`);
    }
  }

  // ---- test helpers (not part of the protocol) ----

  /** The latest committed documents of a collection. */
  dump(collection: string): Doc[] {
    return [...this.collection(collection).values()].map((v) => v[v.length - 1].doc).filter((d): d is Doc => d !== null).map(clone);
  }

  get activeTransactions(): number {
    return this.transactions.size;
  }

  // ---- plain operations ----

  private collection(name: string): Map<string, Version[]> {
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(name)) throw new EmulatorError(INVALID, `invalid collection name "${name}"`);
    let c = this.collections.get(name);
    if (!c) {
      c = new Map();
      this.collections.set(name, c);
    }
    return c;
  }

  private latest(collection: string, id: string): Doc | null {
    const versions = this.collection(collection).get(id);
    return versions ? versions[versions.length - 1].doc : null;
  }

  private latestSeq(collection: string, id: string): number {
    const versions = this.collection(collection).get(id);
    return versions ? versions[versions.length - 1].seq : 0;
  }

  /** The document as a transaction sees it: its own pending write, else the snapshot. */
  private visible(collection: string, id: string, tx?: TxState): Doc | null {
    if (!tx) return this.latest(collection, id);
    const pending = tx.writes.get(key(collection, id));
    if (pending) return pending.doc;
    const versions = this.collection(collection).get(id);
    if (!versions) return null;
    for (let i = versions.length - 1; i >= 0; i--) if (versions[i].seq <= tx.snapshot) return versions[i].doc;
    return null;
  }

  private liveDocs(collection: string): Doc[] {
    const out: Doc[] = [];
    for (const versions of this.collection(collection).values()) {
      const doc = versions[versions.length - 1].doc;
      if (doc) out.push(doc);
    }
    return out;
  }

  private write(collection: string, id: string, doc: Doc | null): void {
    this.checkUnique(collection, id, doc);
    const c = this.collection(collection);
    const versions = c.get(id) ?? [];
    versions.push({ seq: ++this.seq, doc });
    // Older versions are kept only while a transaction may still read them.
    const oldest = Math.min(...[...this.transactions.values()].map((t) => t.snapshot), Infinity);
    while (versions.length > 1 && versions[1].seq <= oldest) versions.shift();
    c.set(id, versions);
  }

  private checkUnique(collection: string, id: string, doc: Doc | null): void {
    if (!doc) return;
    for (const fields of this.options.uniqueIndexes?.[collection] ?? []) {
      const values = fields.map((f) => getPath(doc, f));
      if (values.some((v) => v === undefined || v === null)) continue;
      const clash = this.liveDocs(collection).find(
        (other) => other._id !== id && fields.every((f, i) => JSON.stringify(getPath(other, f)) === JSON.stringify(values[i])),
      );
      if (clash) throw new EmulatorError(DUPLICATE, `E11000 duplicate key error collection: ${collection} index: ${fields.join('_')}`);
    }
  }

  private query(params: Params): { collection: string; criteria: Record<string, unknown>; tx?: TxState; byId: boolean } {
    const collection = String(params.collectionName ?? '');
    this.collection(collection);
    const criteria = (parse(params.query, 'query') ?? {}) as Record<string, unknown>;
    if (!isPlainObject(criteria)) throw new EmulatorError(INVALID, 'query must be an object');
    const tx = this.txOf(params);
    const byId = params.queryType === 'DOC';
    if (tx && !byId) throw new EmulatorError(FAILED, 'a transaction supports document operations only (doc().get/update/set/remove, add)');
    return { collection, criteria, tx, byId };
  }

  private matching(collection: string, criteria: Record<string, unknown>): Doc[] {
    const q = new Query(criteria, {});
    return this.liveDocs(collection).filter((d) => q.test(d));
  }

  private sorted(docs: Doc[], order: unknown): Doc[] {
    let list = docs;
    if (this.options.shuffleTies !== false) {
      list = [...docs];
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(this.random() * (i + 1));
        [list[i], list[j]] = [list[j], list[i]];
      }
    }
    if (order === undefined) return list;
    if (!isPlainObject(order)) throw new EmulatorError(INVALID, 'order must be an object');
    // mingo's sort is stable: the shuffle decides ties.
    return mingoFind(list, {}).sort(order).all() as Doc[];
  }

  private getDocument(params: Params): Answer {
    const { collection, criteria, tx, byId } = this.query(params);
    const projection = parse(params.projection, 'projection') as Record<string, unknown> | undefined;
    let docs: Doc[];
    if (byId) {
      const id = criteria._id;
      if (typeof id !== 'string') throw new EmulatorError(INVALID, 'a document query needs a string _id');
      const doc = this.visible(collection, id, tx);
      docs = doc ? [doc] : [];
    } else {
      const offset = params.offset === undefined ? 0 : Number(params.offset);
      const requested = params.limit === undefined ? DEFAULT_LIMIT : Number(params.limit);
      if (!Number.isInteger(offset) || offset < 0) throw new EmulatorError(INVALID, 'offset must be a non-negative integer');
      if (!Number.isInteger(requested) || requested < 1) throw new EmulatorError(INVALID, 'limit must be a positive integer');
      const limit = Math.min(requested, MAX_LIMIT);
      docs = this.sorted(this.matching(collection, criteria), parse(params.order, 'order')).slice(offset, offset + limit);
    }
    const shaped = projection && Object.keys(projection).length ? (mingoFind(docs, {}, projection).all() as Doc[]) : docs;
    return { data: { list: shaped.map(stringify), limit: params.limit, offset: params.offset } };
  }

  private calculateDocument(params: Params): Answer {
    const { collection, criteria } = this.query(params);
    return { data: { total: this.matching(collection, criteria).length } };
  }

  private newId(): string {
    this.idCounter++;
    return `${Date.now().toString(16)}${this.idCounter.toString(16).padStart(8, '0')}`;
  }

  private insertDocument(params: Params): Answer {
    const collection = String(params.collectionName ?? '');
    this.collection(collection);
    const tx = this.txOf(params);
    if (!Array.isArray(params.data) || params.data.length === 0) throw new EmulatorError(INVALID, 'data must be a non-empty array');
    const ids: string[] = [];
    // In order, stopping at the first failure, as MongoDB's ordered insert does.
    for (const text of params.data) {
      const doc = parse(text, 'document') as Doc;
      if (!isPlainObject(doc)) throw new EmulatorError(INVALID, 'a document must be an object');
      if (doc._id === undefined) doc._id = this.newId();
      if (typeof doc._id !== 'string' || doc._id === '') throw new EmulatorError(INVALID, '_id must be a non-empty string');
      if (tx) this.txInsert(tx, collection, doc);
      else {
        if (this.latest(collection, doc._id)) throw new EmulatorError(DUPLICATE, `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: "${doc._id}" }`);
        this.write(collection, doc._id, doc);
      }
      ids.push(doc._id);
    }
    return { data: { insertedIds: ids } };
  }

  /** Applies a MongoDB update (operators) or replacement to a copy; answers the copy when it changed. */
  private applied(doc: Doc, data: Record<string, unknown>, merge: boolean): Doc | null {
    if (!merge) {
      const replacement = { ...clone(data), _id: doc._id } as Doc;
      return JSON.stringify(replacement) === JSON.stringify(doc) ? null : replacement;
    }
    for (const op of Object.keys(data)) if (!op.startsWith('$')) throw new EmulatorError(INVALID, `update key ${op} is not an operator`);
    for (const [path, by] of Object.entries((data.$inc ?? {}) as Record<string, unknown>)) {
      const current = getPath(doc, path);
      if (typeof by !== 'number' || (current !== undefined && current !== null && typeof current !== 'number')) {
        throw new EmulatorError(FAILED, `Cannot apply $inc to a value of non-numeric type (field ${path})`);
      }
    }
    for (const path of Object.keys({ ...(data.$set as object), ...(data.$inc as object), ...(data.$unset as object), ...(data.$push as object), ...(data.$pull as object) })) {
      if (path === '_id' || path.startsWith('_id.')) throw new EmulatorError(FAILED, "Performing an update on the path '_id' would modify the immutable field '_id'");
      // MongoDB refuses to create a field inside a value that is not an object.
      const segments = path.split('.');
      for (let i = 1; i < segments.length; i++) {
        const parent = getPath(doc, segments.slice(0, i).join('.'));
        if (parent !== undefined && parent !== null && typeof parent !== 'object') {
          throw new EmulatorError(FAILED, `Cannot create field '${segments[i]}' in element {${segments[i - 1]}: ${JSON.stringify(parent)}}`);
        }
      }
    }
    for (const [op, what] of [['$push', 'push to'], ['$pull', 'pull from']] as const) {
      for (const path of Object.keys((data[op] ?? {}) as object)) {
        const current = getPath(doc, path);
        if (current !== undefined && current !== null && !Array.isArray(current)) {
          throw new EmulatorError(FAILED, `Cannot ${what} a non-array value (field ${path})`);
        }
      }
    }
    const copy = clone(doc);
    const changed = mingoUpdate(copy, data as never, undefined, undefined, { cloneMode: 'deep' });
    if (changed.length === 0) return null;
    return JSON.stringify(copy) === JSON.stringify(doc) ? null : copy;
  }

  private modifyDocument(params: Params): Answer {
    const { collection, criteria, tx, byId } = this.query(params);
    const data = parse(params.data, 'data') as Record<string, unknown>;
    if (!isPlainObject(data)) throw new EmulatorError(INVALID, 'data must be an object');
    const merge = params.merge !== false;
    const multi = params.multi !== false && !byId;
    if (byId) {
      const id = criteria._id;
      if (typeof id !== 'string') throw new EmulatorError(INVALID, 'a document update needs a string _id');
      const current = this.visible(collection, id, tx);
      if (!current) {
        if (!params.upsert) return { data: { updated: 0 } };
        const created = merge ? this.applied({ _id: id }, data, true) ?? ({ _id: id } as Doc) : ({ ...clone(data), _id: id } as Doc);
        if (tx) this.txInsert(tx, collection, created);
        else this.write(collection, id, created);
        return { data: { updated: 0, upsert_id: id } };
      }
      const next = this.applied(current, data, merge);
      if (!next) return { data: { updated: 0 } };
      if (tx) this.txWrite(tx, collection, id, next);
      else this.write(collection, id, next);
      return { data: { updated: 1 } };
    }
    const targets = this.sorted(this.matching(collection, criteria), undefined);
    let updated = 0;
    for (const doc of multi ? targets : targets.slice(0, 1)) {
      const next = this.applied(doc, data, merge);
      if (!next) continue;
      this.write(collection, doc._id, next);
      updated++;
    }
    return { data: { updated } };
  }

  private modifyAndReturnDoc(params: Params): Answer {
    const { collection, criteria, tx } = this.query(params);
    if (tx) throw new EmulatorError(FAILED, 'updateAndReturn is not available in a transaction');
    const data = parse(params.data, 'data') as Record<string, unknown>;
    if (!isPlainObject(data)) throw new EmulatorError(INVALID, 'data must be an object');
    const [target] = this.sorted(this.matching(collection, criteria), undefined);
    if (!target) return { data: { updated: 0, doc: null } };
    const next = this.applied(target, data, true);
    if (next) this.write(collection, target._id, next);
    return { data: { updated: next ? 1 : 0, doc: stringify(next ?? target) } };
  }

  private removeDocument(params: Params): Answer {
    const { collection, criteria, tx, byId } = this.query(params);
    if (byId) {
      const id = criteria._id;
      if (typeof id !== 'string') throw new EmulatorError(INVALID, 'a document removal needs a string _id');
      if (!this.visible(collection, id, tx)) return { data: { deleted: 0 } };
      if (tx) this.txWrite(tx, collection, id, null);
      else this.write(collection, id, null);
      return { data: { deleted: 1 } };
    }
    const targets = this.matching(collection, criteria);
    const chosen = params.multi === false ? targets.slice(0, 1) : targets;
    for (const doc of chosen) this.write(collection, doc._id, null);
    return { data: { deleted: chosen.length } };
  }

  // ---- transactions ----

  private txOf(params: Params): TxState | undefined {
    const id = params.transactionId;
    if (id === undefined || id === null || id === '') return undefined;
    const tx = this.transactions.get(String(id));
    if (!tx) throw new EmulatorError(FAILED, `transaction ${String(id)} does not exist or has ended`);
    return tx;
  }

  private startTransaction(): Answer {
    const id = `tx-${++this.txCounter}`;
    this.transactions.set(id, { id, snapshot: this.seq, startedAt: this.now(), writes: new Map() });
    return { transactionId: id };
  }

  private conflict(tx: TxState, message: string): never {
    this.end(tx);
    this.stats.conflicts++;
    throw new EmulatorError(CONFLICT, message);
  }

  /** First writer wins; a document changed since the snapshot cannot be written either. */
  private claim(tx: TxState, collection: string, id: string): void {
    const k = key(collection, id);
    const holder = this.pendingWriter.get(k);
    if (holder && holder !== tx.id) this.conflict(tx, `write conflict on ${collection}/${id}: another transaction is writing it`);
    if (this.latestSeq(collection, id) > tx.snapshot) this.conflict(tx, `write conflict on ${collection}/${id}: changed since the transaction started`);
    this.pendingWriter.set(k, tx.id);
  }

  private txWrite(tx: TxState, collection: string, id: string, doc: Doc | null): void {
    this.claim(tx, collection, id);
    tx.writes.set(key(collection, id), { collection, id, doc, insert: tx.writes.get(key(collection, id))?.insert ?? false });
  }

  private txInsert(tx: TxState, collection: string, doc: Doc): void {
    if (this.visible(collection, doc._id, tx)) {
      this.end(tx);
      throw new EmulatorError(DUPLICATE, `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: "${doc._id}" }`);
    }
    this.claim(tx, collection, doc._id);
    tx.writes.set(key(collection, doc._id), { collection, id: doc._id, doc, insert: true });
  }

  private commitTransaction(params: Params): Answer {
    const tx = this.txOf(params);
    if (!tx) throw new EmulatorError(INVALID, 'transactionId is required');
    for (const w of tx.writes.values()) {
      if (this.latestSeq(w.collection, w.id) > tx.snapshot) this.conflict(tx, `write conflict on ${w.collection}/${w.id} at commit`);
      if (w.insert && this.latest(w.collection, w.id)) {
        this.end(tx);
        throw new EmulatorError(DUPLICATE, `E11000 duplicate key error collection: ${w.collection} index: _id_`);
      }
    }
    try {
      for (const w of tx.writes.values()) this.checkUnique(w.collection, w.id, w.doc);
    } catch (e) {
      this.end(tx);
      throw e;
    }
    for (const w of tx.writes.values()) this.write(w.collection, w.id, w.doc);
    this.end(tx);
    this.stats.commits++;
    return {};
  }

  private abortTransaction(params: Params): Answer {
    const id = String(params.transactionId ?? '');
    const tx = this.transactions.get(id);
    if (tx) {
      this.end(tx);
      this.stats.aborts++;
    }
    return {};
  }

  private end(tx: TxState): void {
    for (const w of tx.writes.values()) {
      const k = key(w.collection, w.id);
      if (this.pendingWriter.get(k) === tx.id) this.pendingWriter.delete(k);
    }
    this.transactions.delete(tx.id);
  }

  private expireTransactions(): void {
    const limit = this.options.transactionTimeoutMs ?? 30_000;
    const now = this.now();
    for (const tx of [...this.transactions.values()]) if (now - tx.startedAt > limit) this.end(tx);
  }

  // ---- the older transaction protocol (Transaction.get/set/update/delete of @cloudbase/database) ----

  private legacyGet(params: Params): Answer {
    const tx = this.txOf(params);
    if (!tx) throw new EmulatorError(INVALID, 'transactionId is required');
    const doc = this.visible(String(params.collectionName), String(params._id), tx);
    return { data: stringify(doc) };
  }

  private legacyUpdate(params: Params): Answer {
    const tx = this.txOf(params);
    if (!tx) throw new EmulatorError(INVALID, 'transactionId is required');
    const collection = String(params.collectionName);
    const id = String(params._id);
    const data = parse(params.data, 'data') as Record<string, unknown>;
    const current = this.visible(collection, id, tx);
    if (params.upsert) {
      const doc = { ...clone(data), _id: id } as Doc;
      if (current) this.txWrite(tx, collection, id, doc);
      else this.txInsert(tx, collection, doc);
      return { updated: stringify(current ? 1 : 0), upserted: current ? null : JSON.stringify([{ _id: id }]) };
    }
    if (!current) return { updated: stringify(0) };
    const next = this.applied(current, data, true);
    if (next) this.txWrite(tx, collection, id, next);
    return { updated: stringify(next ? 1 : 0) };
  }

  private legacyDelete(params: Params): Answer {
    const tx = this.txOf(params);
    if (!tx) throw new EmulatorError(INVALID, 'transactionId is required');
    const collection = String(params.collectionName);
    const id = String(params._id);
    if (!this.visible(collection, id, tx)) return { deleted: stringify(0) };
    this.txWrite(tx, collection, id, null);
    return { deleted: stringify(1) };
  }
}
