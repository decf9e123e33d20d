/**
 * Pure document helpers shared by Store adapters, with CloudBase's meaning: a bare plain object in an
 * update is merged field by field (`{style: {color}}` touches only `style.color`, as the CloudBase
 * serializer flattens it), `upd.set(object)` replaces; `undefined` values are dropped as the
 * serializer drops them; `_id` can never be updated.
 */
import { isUpdateOp, StoreError, type Doc, type Update, type UpdateOp } from './port';

type PlainObject = Record<string, unknown>;

const SEGMENT = /^[\p{L}\p{N}_-]+$/u;
const INDEX = /^\d+$/;

const invalid = (message: string): never => {
  throw new StoreError('INVALID_QUERY', message);
};

/**
 * Splits a dotted field path. Segments are letters, digits, `_` and `-`, so that adapters can embed
 * them in query text safely; an all-digit segment addresses an array element.
 */
export function splitPath(path: string): string[] {
  const segments = path.split('.');
  for (const s of segments) if (!SEGMENT.test(s)) invalid(`invalid field path "${path}"`);
  return segments;
}

export const isArrayIndex = (segment: string): boolean => INDEX.test(segment);

export const isPlainObject = (v: unknown): v is PlainObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** The value as it will be stored: JSON types only (undefined fields dropped, dates as strings). */
export const toStored = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

/** Structural equality of JSON values; object key order does not matter. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    return a.length === bs.length && a.every((x, i) => deepEqual(x, bs[i]));
  }
  const ao = a as PlainObject;
  const bo = b as PlainObject;
  const keys = Object.keys(ao).filter((k) => ao[k] !== undefined);
  if (keys.length !== Object.keys(bo).filter((k) => bo[k] !== undefined).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && deepEqual(ao[k], bo[k]));
}

/** Reads a dotted path; `undefined` when any step is missing. */
export function getPath(doc: unknown, path: string[]): unknown {
  let cur: unknown = doc;
  for (const seg of path) {
    if (Array.isArray(cur) && isArrayIndex(seg)) cur = cur[Number(seg)];
    else if (isPlainObject(cur)) cur = cur[seg];
    else return undefined;
  }
  return cur;
}

export type UpdateStep = { path: string[]; op: UpdateOp };
type Step = UpdateStep;

function flattenUpdate(update: Update, prefix: string[], out: Step[]): Step[] {
  for (const [key, value] of Object.entries(update)) {
    if (value === undefined || (isUpdateOp(value) && value.$upd === 'set' && value.value === undefined)) continue;
    const path = [...prefix, ...splitPath(key)];
    if (path[0] === '_id') invalid('_id cannot be updated');
    if (isUpdateOp(value)) out.push({ path, op: value });
    else if (isPlainObject(value)) flattenUpdate(value, path, out);
    else out.push({ path, op: { $upd: 'set', value } });
  }
  return out;
}

function rejectConflicts(steps: Step[]): void {
  const keys = steps.map((s) => s.path.join('.'));
  for (const a of keys)
    for (const b of keys)
      if (a !== b && b.startsWith(`${a}.`)) invalid(`update paths "${a}" and "${b}" conflict`);
  if (new Set(keys).size !== keys.length) invalid('an update names the same field twice');
}

/**
 * The update as a list of single-field operations, validated as every adapter must: paths are
 * well-formed, `_id` is untouched, no two operations name the same field or a field and its parent.
 * A bare plain object contributes one `set` per leaf (a merge); `undefined` values are dropped.
 */
export function updateSteps(update: Update): UpdateStep[] {
  if (!isPlainObject(update)) invalid('an update must be a plain object');
  const steps = flattenUpdate(update, [], []);
  rejectConflicts(steps);
  return steps;
}

/** The container that holds the last segment, created on the way for set-like operations. */
function parentOf(doc: PlainObject, path: string[], create: boolean): PlainObject | unknown[] | undefined {
  let cur: PlainObject | unknown[] = doc;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i];
    const next: unknown = Array.isArray(cur) ? (isArrayIndex(seg) ? cur[Number(seg)] : invalid(`"${seg}" is not an array index`)) : cur[seg];
    if (next === undefined || next === null) {
      if (!create) return undefined;
      const made: PlainObject = {};
      if (Array.isArray(cur)) cur[Number(seg)] = made;
      else cur[seg] = made;
      cur = made;
    } else if (typeof next === 'object') {
      cur = next as PlainObject | unknown[];
    } else {
      return invalid(`cannot reach "${path.join('.')}" through a ${typeof next}`);
    }
  }
  return cur;
}

function readSlot(parent: PlainObject | unknown[], key: string): unknown {
  if (!Array.isArray(parent)) return parent[key];
  return isArrayIndex(key) ? parent[Number(key)] : invalid(`"${key}" is not an array index`);
}

function writeSlot(parent: PlainObject | unknown[], key: string, value: unknown): void {
  if (!Array.isArray(parent)) parent[key] = value;
  else if (isArrayIndex(key)) {
    // Mongo pads with nulls when setting past the end; JSON would turn holes into nulls anyway.
    while (parent.length < Number(key)) parent.push(null);
    parent[Number(key)] = value;
  } else invalid(`"${key}" is not an array index`);
}

function applyStep(doc: PlainObject, { path, op }: Step): void {
  const name = path.join('.');
  const key = path[path.length - 1];
  if (op.$upd === 'remove') {
    const parent = parentOf(doc, path, false);
    if (parent && !Array.isArray(parent)) delete parent[key];
    else if (parent && isArrayIndex(key) && Number(key) < parent.length) parent[Number(key)] = null;
    return;
  }
  if (op.$upd === 'pull') {
    const parent = parentOf(doc, path, false);
    const current = parent && readSlot(parent, key);
    if (current === undefined || current === null) return;
    if (!Array.isArray(current)) return invalid(`cannot pull from non-array field "${name}"`);
    writeSlot(parent!, key, current.filter((x) => !deepEqual(x, op.value)));
    return;
  }
  const parent = parentOf(doc, path, true)!;
  const current = readSlot(parent, key);
  switch (op.$upd) {
    case 'set':
      return writeSlot(parent, key, toStored(op.value));
    case 'inc':
      if (typeof op.value !== 'number' || !Number.isFinite(op.value)) return invalid(`inc on "${name}" needs a finite number`);
      if (current === undefined) return writeSlot(parent, key, op.value);
      if (typeof current !== 'number') return invalid(`cannot inc non-number field "${name}"`);
      return writeSlot(parent, key, current + op.value);
    case 'push':
      if (!Array.isArray(op.value)) return invalid(`push on "${name}" needs an array of values`);
      if (current === undefined || current === null) return writeSlot(parent, key, toStored(op.value));
      if (!Array.isArray(current)) return invalid(`cannot push to non-array field "${name}"`);
      current.push(...toStored(op.value));
      return;
    default:
      return invalid(`unknown update operator ${JSON.stringify(op)}`);
  }
}

/**
 * Applies an update to a copy of `doc`. `changed` is false when the result is deep-equal to the
 * input: CloudBase counts modified documents only, and guards built on `updateWhere` rely on it.
 */
export function applyUpdate<T extends Doc>(doc: T, update: Update): { doc: T; changed: boolean } {
  const steps = updateSteps(update);
  const next = toStored(doc);
  for (const step of steps) applyStep(next, step);
  return { doc: next, changed: !deepEqual(doc, next) };
}

/** Keeps `_id` and the listed (possibly dotted) fields; missing fields stay absent. */
export function project<T extends Doc>(doc: T, fields: string[]): T {
  const out: PlainObject = { _id: doc._id };
  for (const field of fields) {
    const path = splitPath(field);
    // As MongoDB does: every object on the way that exists is kept, even when the leaf is missing.
    let source: unknown = doc;
    let target = out;
    for (const [i, seg] of path.entries()) {
      if (!isPlainObject(source) || !(seg in source)) break;
      source = source[seg];
      if (i === path.length - 1) target[seg] = source;
      else if (isPlainObject(source)) {
        if (!isPlainObject(target[seg])) target[seg] = {};
        target = target[seg] as PlainObject;
      } else break;
    }
  }
  return out as T;
}
