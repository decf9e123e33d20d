import { DuplicateKeyError, StoreError } from '../../_core/store/port';
import type { SdkResult } from './sdk';

/**
 * A failure reported by CloudBase. It keeps the SDK's `code` under that name because
 * `runTransaction` decides whether to retry by reading `error.code === 'DATABASE_TRANSACTION_CONFLICT'`.
 */
export class CloudbaseBackendError extends StoreError {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super('BACKEND', message);
    this.name = 'CloudbaseBackendError';
  }
}

const DUPLICATE = /DATABASE_DUPLICATE_WRITE|E11000 duplicate key/;

export const codeOf = (v: unknown): string | undefined => {
  if (typeof v !== 'object' || v === null || !('code' in v)) return undefined;
  const code = (v as SdkResult).code;
  return code === undefined || code === null || code === '' || code === 0 ? undefined : String(code);
};

export const messageOf = (v: unknown): string =>
  typeof v === 'object' && v !== null && 'message' in v ? String((v as SdkResult).message) : String(v);

export interface Where {
  op: string;
  collection: string;
  id?: string;
}

const failure = (at: Where, code: string | undefined, message: string): StoreError => {
  if (at.op === 'insert' && at.id !== undefined && (code === 'DATABASE_DUPLICATE_WRITE' || DUPLICATE.test(message))) {
    return new DuplicateKeyError(at.collection, at.id);
  }
  return new CloudbaseBackendError(`${at.op} ${at.collection}: ${code ?? 'ERROR'} ${message}`.trim(), code);
};

/** A resolved SDK answer that carries `code` is a failure, never a success. */
export const checked = <R>(at: Where, result: R): R => {
  const code = codeOf(result);
  if (code !== undefined) throw failure(at, code, messageOf(result));
  return result;
};

/** Runs one SDK call and turns whatever it throws (a TcbError, a bare `{code}` object, a network error) into a StoreError. */
export const call = async <R>(at: Where, run: () => Promise<R>): Promise<R> => {
  let result: R;
  try {
    result = await run();
  } catch (e) {
    if (e instanceof StoreError) throw e;
    throw failure(at, codeOf(e), messageOf(e));
  }
  return checked(at, result);
};

/** Counts come back as numbers, or as numeric strings from some endpoints; anything else is a failure. */
export const countOf = (at: Where, value: unknown, field: string): number => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) {
    throw new CloudbaseBackendError(`${at.op} ${at.collection}: unexpected result without a numeric ${field}`);
  }
  return n;
};
