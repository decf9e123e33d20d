/**
 * Paging by key instead of by `skip`: the next page starts after the last item seen, so a page
 * costs the same at the 100,000th document as at the first, and nothing repeats or is skipped
 * when documents are added meanwhile. `_id` is always the last sort key: CloudBase answers ties
 * in no fixed order, so without it a page boundary could fall inside a tie.
 *
 * The cursor is opaque to clients: the last item's sort values and `_id`, base64url-encoded.
 */
import { DomainError } from '../runtime/domainError';
import { cmd, type Doc, type FieldOp, type Filter, type FindOptions, type Scalar, type Store } from './port';
import { getPath, splitPath } from './apply';

export interface KeysetResult<T> {
  items: T[];
  nextCursor: string | null;
}

type Order = NonNullable<FindOptions['orderBy']>;

const badCursor = (): never => {
  throw new DomainError('VALIDATION', '分页参数无效，请刷新后重试', { cursor: '分页参数无效' });
};

const encode = (values: Scalar[]): string => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

const decode = (cursor: string, length: number): Scalar[] => {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return badCursor();
  }
  if (!Array.isArray(values) || values.length !== length) return badCursor();
  for (const v of values) if (!(typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean')) badCursor();
  return values as Scalar[];
};

/** The full order: the given keys, then `_id` in the direction of the last key. */
export const withIdLast = (orderBy: Order): Order => {
  if (orderBy.some(([field]) => field === '_id')) return orderBy;
  const direction = orderBy.length ? orderBy[orderBy.length - 1][1] : 'asc';
  return [...orderBy, ['_id', direction]];
};

const strictly = (direction: 'asc' | 'desc', value: Scalar): FieldOp => (direction === 'asc' ? cmd.gt(value) : cmd.lt(value));

/**
 * Documents strictly after `values` in `order`. The first key also gets a non-strict range at the
 * top level, which is what lets an index on (equality fields…, first key) serve the page; the
 * disjunction only filters within it.
 */
export const afterFilter = (order: Order, values: Scalar[]): Filter => {
  const [[first, firstDirection]] = order;
  const alternatives: Filter[] = order.map(([field, direction], i) => {
    const f: Filter = {};
    for (let j = 0; j < i; j++) f[order[j][0]] = values[j];
    f[field] = strictly(direction, values[i]);
    return f;
  });
  return {
    $and: [{ [first]: firstDirection === 'asc' ? cmd.gte(values[0]) : cmd.lte(values[0]) }, { $or: alternatives }],
  };
};

/** The cursor that starts after `doc` in `orderBy` (for pages merged from several queries). */
export const cursorAfter = (orderBy: Order, doc: Doc): string => encode(withIdLast(orderBy).map(([field]) => getPath(doc, splitPath(field)) as Scalar));

/** One page of `size`, after `cursor` (the previous page's `nextCursor`). */
export const keysetPage = async <T extends Doc>(
  store: Store,
  collection: string,
  filter: Filter,
  orderBy: Order,
  cursor: string | undefined | null,
  size: number,
  fields?: string[],
): Promise<KeysetResult<T>> => {
  const order = withIdLast(orderBy);
  let where = filter;
  if (cursor) {
    const after = afterFilter(order, decode(cursor, order.length));
    where = { ...filter, $and: [...(filter.$and ?? []), ...(after.$and ?? [])] };
  }
  const rows = await store.find<T>(collection, where, { orderBy: order, limit: size + 1, ...(fields ? { fields } : {}) });
  const items = rows.slice(0, size);
  const last = items[items.length - 1];
  const nextCursor = rows.length > size && last ? cursorAfter(order, last) : null;
  return { items, nextCursor };
};
