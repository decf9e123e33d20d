import { StoreError, isFieldOp, isUpdateOp, type FieldOp, type Filter, type Update, type UpdateOp } from '../../_core/store/port';
import type { CloudbaseCommand, SdkCondition } from './sdk';

function invalid(message: string): never {
  throw new StoreError('INVALID_QUERY', message);
}

const fieldCondition = (_: CloudbaseCommand, op: FieldOp): SdkCondition => {
  switch (op.$op) {
    case 'eq':
      return _.eq(op.value);
    case 'neq':
      return _.neq(op.value);
    case 'lt':
      return _.lt(op.value);
    case 'lte':
      return _.lte(op.value);
    case 'gt':
      return _.gt(op.value);
    case 'gte':
      return _.gte(op.value);
    case 'in':
      return _.in(op.value);
    case 'nin':
      return _.nin(op.value);
    case 'exists':
      return _.exists(op.value);
    default:
      return invalid(`unknown filter operator ${(op as { $op: unknown }).$op}`);
  }
};

/**
 * A port filter as a `where()` argument. Field conditions stay a plain object keyed by (dotted) path;
 * `$and`/`$or` become `_.and`/`_.or` around it.
 */
export const translateFilter = (_: CloudbaseCommand, filter: Filter): SdkCondition => {
  const fields: Record<string, SdkCondition> = {};
  const parts: SdkCondition[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or') {
      if (value === undefined) continue;
      if (!Array.isArray(value)) invalid(`${key} needs an array of filters`);
      const subs = value.map((sub) => translateFilter(_, sub));
      if (key === '$and') parts.push(...subs);
      // `{$or: []}` is rejected by the server; an empty disjunction matches nothing.
      else parts.push(subs.length > 0 ? _.or(subs) : { _id: _.in([]) });
      continue;
    }
    if (key.startsWith('$')) invalid(`unsupported filter key ${key}`);
    // The SDK silently drops undefined conditions, which would widen a guard to match more documents.
    if (value === undefined) invalid(`filter on ${key} is undefined`);
    if (isFieldOp(value)) fields[key] = fieldCondition(_, value);
    else if (value === null || typeof value !== 'object') fields[key] = _.eq(value);
    else invalid(`filter on ${key} must be a scalar or a cmd.* operator`);
  }
  if (Object.keys(fields).length > 0) parts.unshift(fields);
  if (parts.length <= 1) return parts[0] ?? fields;
  return _.and(parts);
};

const updateCommand = (_: CloudbaseCommand, op: UpdateOp): SdkCondition => {
  switch (op.$upd) {
    case 'set':
      return _.set(op.value);
    case 'inc':
      return _.inc(op.value);
    case 'push':
      // Always an array: `_.push(obj)` with an `each` key would be read as push modifiers.
      return _.push(op.value);
    case 'pull':
      return _.pull(op.value);
    case 'remove':
      return _.remove();
    default:
      return invalid(`unknown update operator ${(op as { $upd: unknown }).$upd}`);
  }
};

/**
 * A port update as an `update()` argument. Every field gets an explicit command: a bare object must
 * replace the field, whereas the SDK would otherwise flatten it into a merge of its sub-fields.
 */
export const translateUpdate = (_: CloudbaseCommand, update: Update): Record<string, SdkCondition> => {
  const data: Record<string, SdkCondition> = {};
  for (const [key, value] of Object.entries(update)) {
    if (key === '_id') invalid('an update cannot change _id');
    if (key.startsWith('$')) invalid(`unsupported update key ${key}`);
    // Skipped like a JSON round trip would; the SDK drops undefined values too.
    if (value === undefined) continue;
    data[key] = isUpdateOp(value) ? updateCommand(_, value) : _.set(value);
  }
  if (Object.keys(data).length === 0) invalid('an update must change at least one field');
  return data;
};
