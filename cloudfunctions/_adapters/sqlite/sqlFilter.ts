/**
 * Translates port filters into SQL over the JSON `doc` column, with MongoDB/CloudBase meaning:
 * - values of different JSON types never compare equal or ordered (1 is not true, 1 is not '1');
 * - eq/in/range on a field holding an array match when some element matches;
 * - eq null matches null or a missing field; neq/nin also match missing fields.
 * Field paths are embedded as literals (not bound) so that SQLite can match the expression indexes.
 */
import { isArrayIndex, isPlainObject, splitPath } from '../../_core/store/apply';
import { normalizeFilter } from '../../_core/store/filters';
import { isFieldOp, StoreError, type FieldOp, type Filter, type FindOptions, type Scalar } from '../../_core/store/port';

export interface Sql {
  sql: string;
  params: unknown[];
}

const invalid = (message: string): never => {
  throw new StoreError('INVALID_QUERY', message);
};

/** `$."a"."b"[0]` for `a.b.0`; segments are validated by splitPath, so quoting is safe. */
export const jsonPath = (field: string): string =>
  '$' + splitPath(field).map((s) => (isArrayIndex(s) ? `[${s}]` : `."${s}"`)).join('');

/** The SQL expression for a field's value; `_id` is the primary-key column. */
export const valueExpr = (field: string): string =>
  field === '_id' ? '_id' : `json_extract(doc, '${jsonPath(field)}')`;

const typeExpr = (field: string): string => (field === '_id' ? `'text'` : `json_type(doc, '${jsonPath(field)}')`);

/** Binds booleans as SQLite sees JSON true/false through json_extract. */
const bind = (v: Scalar): unknown => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

type Operand = { value: string; type: string; missingIsNull: boolean };

function checkScalar(v: unknown): Scalar {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return invalid(`filter value ${JSON.stringify(v)} is not a string, finite number, boolean or null`);
}

function sameType(o: Operand, v: Exclude<Scalar, null>): string {
  if (typeof v === 'string') return `${o.type} = 'text'`;
  if (typeof v === 'number') return `${o.type} IN ('integer','real')`;
  return `${o.type} IN ('true','false')`;
}

function eq(o: Operand, v: Scalar, params: unknown[]): string {
  if (v === null) return o.missingIsNull ? `${o.value} IS NULL` : `${o.type} = 'null'`;
  params.push(bind(v));
  return `(${sameType(o, v)} AND ${o.value} = ?)`;
}

const RANGE = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

function range(o: Operand, op: keyof typeof RANGE, v: Scalar, params: unknown[]): string {
  if (v === null) return invalid(`${op} needs a non-null value`);
  params.push(bind(v));
  return `(${sameType(o, v)} AND ${o.value} ${RANGE[op]} ?)`;
}

function oneOf(o: Operand, values: Scalar[], params: unknown[]): string {
  const parts: string[] = [];
  const strings = values.filter((v): v is string => typeof v === 'string');
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (strings.length) parts.push(`(${o.type} = 'text' AND ${o.value} IN (${strings.map(() => '?').join(',')}))`);
  if (numbers.length) parts.push(`(${o.type} IN ('integer','real') AND ${o.value} IN (${numbers.map(() => '?').join(',')}))`);
  params.push(...strings, ...numbers);
  for (const b of [true, false]) if (values.includes(b)) parts.push(`${o.type} = '${b}'`);
  if (values.includes(null)) parts.push(eq(o, null, params));
  return parts.length ? `(${parts.join(' OR ')})` : '0';
}

/** The fields declared to hold arrays, for the filter being compiled. */
type Arrays = ReadonlySet<string>;

/**
 * A positive comparison: holds for the field itself or, when the field is declared to hold arrays,
 * for some element.
 */
function positive(field: string, op: FieldOp, params: unknown[], arrays: Arrays): string {
  const build = (o: Operand, ps: unknown[]): string => {
    switch (op.$op) {
      case 'eq':
        return eq(o, op.value, ps);
      case 'in':
        return oneOf(o, op.value, ps);
      case 'lt':
      case 'lte':
      case 'gt':
      case 'gte':
        return range(o, op.$op, op.value, ps);
      default:
        return invalid(`unexpected operator ${op.$op}`);
    }
  };
  const top = build({ value: valueExpr(field), type: typeExpr(field), missingIsNull: true }, params);
  if (!arrays.has(splitPath(field)[0]) || field === '_id') return top;
  const path = jsonPath(field);
  const element = build({ value: 'j.value', type: 'j.type', missingIsNull: false }, params);
  return `(${top} OR (json_type(doc, '${path}') = 'array' AND EXISTS (SELECT 1 FROM json_each(doc, '${path}') AS j WHERE ${element})))`;
}

function fieldCondition(field: string, condition: unknown, params: unknown[], arrays: Arrays): string {
  if (!isFieldOp(condition)) return positive(field, { $op: 'eq', value: checkScalar(condition) }, params, arrays);
  const op = condition as FieldOp;
  switch (op.$op) {
    case 'eq':
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return positive(field, { ...op, value: checkScalar(op.value) } as FieldOp, params, arrays);
    case 'neq':
      return `NOT IFNULL(${positive(field, { $op: 'eq', value: checkScalar(op.value) }, params, arrays)}, 0)`;
    case 'in':
    case 'nin': {
      if (!Array.isArray(op.value)) return invalid(`${op.$op} needs an array`);
      const inner = positive(field, { $op: 'in', value: op.value.map(checkScalar) }, params, arrays);
      return op.$op === 'in' ? inner : `NOT IFNULL(${inner}, 0)`;
    }
    case 'exists':
      if (typeof op.value !== 'boolean') return invalid('exists needs a boolean');
      return `${typeExpr(field)} IS ${op.value ? 'NOT ' : ''}NULL`;
    default:
      return invalid(`unknown filter operator ${JSON.stringify(condition)}`);
  }
}

function combine(key: '$and' | '$or', value: unknown, params: unknown[], arrays: Arrays): string {
  if (!Array.isArray(value) || value.length === 0) return invalid(`${key} needs a non-empty array of filters`);
  return `(${value.map((f) => compile(f, params, arrays)).join(key === '$and' ? ' AND ' : ' OR ')})`;
}

function compile(filter: unknown, params: unknown[], arrays: Arrays): string {
  if (!isPlainObject(filter)) return invalid('a filter must be a plain object');
  const entries = Object.entries(filter);
  const defined = entries.filter(([, v]) => v !== undefined);
  // CloudBase drops undefined conditions but refuses a where whose conditions are all undefined.
  if (entries.length > 0 && defined.length === 0) invalid('every condition of the filter is undefined');
  const parts = defined.map(([key, value]) =>
    key === '$and' || key === '$or'
      ? combine(key, value, params, arrays)
      : key.startsWith('$')
        ? invalid(`unknown filter key ${key}`)
        : fieldCondition(key, value, params, arrays),
  );
  return parts.length ? parts.join(' AND ') : '1';
}

export function compileFilter(filter: Filter, arrayFields: readonly string[] = []): Sql {
  const params: unknown[] = [];
  const sql = compile(normalizeFilter(filter), params, new Set(arrayFields));
  return { sql, params };
}

/**
 * ORDER BY text. Ties are broken by insertion order so that pages are stable, unless `_id` (unique)
 * is already a key: then an index ending in `_id` serves the whole order without a sort.
 */
export function compileOrderBy(orderBy: FindOptions['orderBy']): string {
  const keys = (orderBy ?? []).map(([field, direction]) => {
    if (direction !== 'asc' && direction !== 'desc') invalid(`invalid sort direction ${String(direction)}`);
    return `${valueExpr(field)} ${direction.toUpperCase()}`;
  });
  return (orderBy ?? []).some(([field]) => field === '_id') ? keys.join(', ') : [...keys, 'rowid'].join(', ');
}
