import { updateSteps } from '../../_core/store/apply';
import { normalizeFilter } from '../../_core/store/filters';
import { StoreError, isFieldOp, type FieldOp, type Filter, type Update, type UpdateOp } from '../../_core/store/port';
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
export const translateFilter = (_: CloudbaseCommand, filter: Filter): SdkCondition => translateValid(_, normalizeFilter(filter));

const translateValid = (_: CloudbaseCommand, filter: Filter): SdkCondition => {
  const fields: Record<string, SdkCondition> = {};
  const parts: SdkCondition[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or') {
      if (value === undefined) continue;
      if (!Array.isArray(value)) invalid(`${key} needs an array of filters`);
      const subs = value.map((sub) => translateValid(_, sub));
      if (key === '$and') parts.push(...subs);
      else parts.push(_.or(subs));
      continue;
    }
    if (key.startsWith('$')) invalid(`unsupported filter key ${key}`);
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
      if (typeof op.value !== 'number' || !Number.isFinite(op.value)) return invalid('inc needs a finite number');
      return _.inc(op.value);
    case 'push':
      // Always an array: `_.push(obj)` with an `each` key would be read as push modifiers.
      if (!Array.isArray(op.value)) return invalid('push needs an array of values');
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
 * A port update as an `update()` argument: one command per field, keyed by its dotted path, after
 * the same validation the SQLite adapter applies. A bare object therefore merges field by field
 * (as the SDK itself would flatten it), and `upd.set(object)` replaces the value.
 * Answers null when nothing is left to change (every value undefined).
 */
export const translateUpdate = (_: CloudbaseCommand, update: Update): Record<string, SdkCondition> | null => {
  const data: Record<string, SdkCondition> = {};
  for (const step of updateSteps(update)) data[step.path.join('.')] = updateCommand(_, step.op);
  return Object.keys(data).length === 0 ? null : data;
};
