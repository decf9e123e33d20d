/**
 * One validation of port filters and collection names for every adapter, so that a filter refused
 * on one store is refused on the other: field paths are well-formed, values are JSON scalars,
 * ranges need a non-null value, `$and`/`$or` need a non-empty list, anything else is refused.
 * An `undefined` condition is dropped (as the CloudBase SDK drops it); a filter whose conditions
 * are all undefined is refused, because it would match everything.
 */
import { isPlainObject, splitPath } from './apply';
import { isFieldOp, StoreError, type FieldOp, type Filter, type Scalar } from './port';

const invalid = (message: string): never => {
  throw new StoreError('INVALID_QUERY', message);
};

const COLLECTION = /^[a-z][a-z0-9_]*$/i;

export const checkCollectionName = (name: unknown): string => {
  // sqlite_ names are reserved by SQLite; CloudBase has no such names either way.
  if (typeof name !== 'string' || !COLLECTION.test(name) || /^sqlite_/i.test(name)) invalid(`invalid collection name "${String(name)}"`);
  return name as string;
};

export const checkScalar = (v: unknown): Scalar => {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return invalid(`filter value ${JSON.stringify(v)} is not a string, finite number, boolean or null`);
};

const checkOp = (field: string, op: FieldOp): FieldOp => {
  switch (op.$op) {
    case 'eq':
    case 'neq':
      return { $op: op.$op, value: checkScalar(op.value) };
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      if (op.value === null) invalid(`${op.$op} on ${field} needs a non-null value`);
      return { $op: op.$op, value: checkScalar(op.value) };
    case 'in':
    case 'nin':
      if (!Array.isArray(op.value)) invalid(`${op.$op} on ${field} needs an array`);
      return { $op: op.$op, value: op.value.map(checkScalar) };
    case 'exists':
      if (typeof op.value !== 'boolean') invalid(`exists on ${field} needs a boolean`);
      return { $op: 'exists', value: op.value };
    default:
      return invalid(`unknown filter operator ${JSON.stringify(op)}`);
  }
};

/** The filter, validated, with undefined conditions dropped. */
export const normalizeFilter = (filter: unknown): Filter => {
  if (!isPlainObject(filter)) return invalid('a filter must be a plain object');
  const entries = Object.entries(filter);
  const defined = entries.filter(([, v]) => v !== undefined);
  if (entries.length > 0 && defined.length === 0) invalid('every condition of the filter is undefined');
  const out: Filter = {};
  for (const [key, value] of defined) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) invalid(`${key} needs a non-empty array of filters`);
      out[key] = (value as unknown[]).map(normalizeFilter);
    } else if (key.startsWith('$')) {
      invalid(`unknown filter key ${key}`);
    } else {
      splitPath(key);
      if (isFieldOp(value)) out[key] = checkOp(key, value);
      else if (value === null || typeof value !== 'object') out[key] = checkScalar(value);
      else invalid(`filter on ${key} must be a scalar or a cmd.* operator`);
    }
  }
  return out;
};
