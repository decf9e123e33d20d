/**
 * The slice of `@cloudbase/node-sdk`'s database (3.18, `@cloudbase/database` 1.4.3) that the Store
 * adapter uses, typed structurally so that tests can hand in a recorder and the real `Db` still fits.
 *
 * Every result may carry `code`: the SDK answers a server error either by throwing a `TcbError`
 * (the default, `throwOnCode`) or, after `tcb.setThrowOnCode(false)`, by resolving with `{code, message}`.
 */

export interface SdkResult {
  code?: string | number;
  message?: string;
  requestId?: string;
}

/** Built by `db.command`; opaque to the adapter. */
export type SdkCondition = object;

export interface CloudbaseCommand {
  eq(value: unknown): SdkCondition;
  neq(value: unknown): SdkCondition;
  lt(value: unknown): SdkCondition;
  lte(value: unknown): SdkCondition;
  gt(value: unknown): SdkCondition;
  gte(value: unknown): SdkCondition;
  in(values: unknown[]): SdkCondition;
  nin(values: unknown[]): SdkCondition;
  exists(value: boolean): SdkCondition;
  and(conditions: SdkCondition[]): SdkCondition;
  or(conditions: SdkCondition[]): SdkCondition;
  set(value: unknown): SdkCondition;
  inc(value: number): SdkCondition;
  push(values: unknown[]): SdkCondition;
  pull(value: unknown): SdkCondition;
  remove(): SdkCondition;
}

export interface CloudbaseDocRef {
  /** Outside a transaction `data` is an array of 0 or 1 documents; inside one it is the document or null. */
  get(): Promise<SdkResult & { data?: unknown }>;
  update(data: object): Promise<SdkResult & { updated?: number }>;
  remove(): Promise<SdkResult & { deleted?: number | string }>;
}

export interface CloudbaseQuery {
  where(query: object): CloudbaseQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): CloudbaseQuery;
  skip(offset: number): CloudbaseQuery;
  limit(limit: number): CloudbaseQuery;
  field(projection: Record<string, boolean>): CloudbaseQuery;
  get(): Promise<SdkResult & { data?: unknown[] }>;
  count(): Promise<SdkResult & { total?: number }>;
  /** Multi-document by default; `updated` counts documents modified, not matched. */
  update(data: object): Promise<SdkResult & { updated?: number }>;
  /** Updates the first matching document and answers it after the update (`doc` absent when none matched). */
  updateAndReturn(data: object): Promise<SdkResult & { updated?: number; doc?: unknown }>;
}

/** What a transaction's `collection()` offers: document-level operations only. */
export interface CloudbaseTxCollection {
  doc(id: string): CloudbaseDocRef;
  add(doc: object): Promise<SdkResult & { id?: string }>;
}

export interface CloudbaseCollection extends CloudbaseQuery, CloudbaseTxCollection {
  /** Several documents in one request, inserted in order. */
  add(docs: object[]): Promise<SdkResult & { ids?: string[] }>;
  add(doc: object): Promise<SdkResult & { id?: string }>;
}

export interface CloudbaseTransaction {
  collection(name: string): CloudbaseTxCollection;
}

/** What `tcb.init({ env }).database()` returns, as far as the adapter is concerned. */
export interface CloudbaseDatabase {
  command: CloudbaseCommand;
  collection(name: string): CloudbaseCollection;
  /** Retries `callback` on DATABASE_TRANSACTION_CONFLICT up to `times` more times; answers its result. */
  runTransaction(callback: (transaction: CloudbaseTransaction) => Promise<unknown>, times?: number): Promise<unknown>;
}
