/**
 * A limited resource counted on one document: a member's claim slots, a resident's open orders,
 * an item's monthly quota. Each unit is held under a key (the order, the wish) with the time it
 * was taken, in the same guarded single-document update that moves the count:
 * - taking is conditional on room and on the key holding nothing yet, so the limit is never
 *   exceeded and a retried request (same key) never takes twice;
 * - releasing is conditional on the key, so it happens once.
 * No transaction: on CloudBase a counter that every concurrent request writes inside transactions
 * turns a rush into conflicts, whereas this update never conflicts. The document that depends on
 * the hold (the order, the claim) is written next; if the request dies in between, the hold is
 * recognisable (key and time) and the reconciler releases it after a grace period.
 */
import { stableId } from '../runtime/ids';
import { cmd, isDuplicateKey, upd, type Doc, type Store } from './port';

/** `ref` is the id the key was made from: the document whose existence justifies the hold. */
export type Hold = { n: number; at: number; ref: string };

export type HoldsDoc = Doc & {
  /** Sum of `holds[*].n`. */
  count: number;
  holds: Record<string, Hold>;
};

/**
 * A key as a field name: ids made of letters, digits, `_` and `-` are used as they are, anything
 * else is hashed (ids are path segments in updates and filters).
 */
export const holdKey = (id: string): string => (/^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : stableId('k', id));

const holdPath = (key: string) => `holds.${holdKey(key)}`;

export type TakeResult = { taken: true; doc: HoldsDoc } | { taken: false; reason: 'full' | 'held'; doc: HoldsDoc };

/**
 * Takes `n` units under `key` on the counter `id`, at most `limit` in all. A missing counter is
 * created with `fields` (its first use costs one more round trip). `held` means the key already
 * holds: a retry of the same request, which must not take again.
 */
export const takeHold = async (
  store: Store,
  collection: string,
  id: string,
  key: string,
  n: number,
  limit: number,
  at: number,
  fields: Record<string, unknown> = {},
): Promise<TakeResult> => {
  const path = holdPath(key);
  for (let attempt = 0; attempt < 5; attempt++) {
    const doc = await store.updateAndReturn<HoldsDoc>(
      collection,
      { _id: id, count: cmd.lte(limit - n), [path]: cmd.exists(false) },
      { count: upd.inc(n), [path]: upd.set({ n, at, ref: key }) },
    );
    if (doc) return { taken: true, doc };
    const current = await store.get<HoldsDoc>(collection, id);
    if (current?.holds?.[holdKey(key)]) return { taken: false, reason: 'held', doc: current };
    if (current && current.count + n > limit) return { taken: false, reason: 'full', doc: current };
    // Room, and not held: the counter changed (or came to be) between the two reads. Try again.
    if (current) continue;
    try {
      await store.insert<HoldsDoc>(collection, { ...fields, _id: id, count: 0, holds: {} });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
  throw new Error(`takeHold ${collection}/${id}: the counter could not be created`);
};

/** Gives back what `key` holds on the counter; answers whether this call released it. */
export const releaseHold = async (store: Store, collection: string, id: string, key: string, n: number): Promise<boolean> =>
  (await store.updateWhere(collection, { _id: id, [`${holdPath(key)}.n`]: n }, { count: upd.inc(-n), [holdPath(key)]: upd.remove() })) === 1;

/** What a counter holds, oldest first. */
export const holdsOf = (doc: Pick<HoldsDoc, 'holds'> | null): Hold[] => Object.values(doc?.holds ?? {}).sort((a, b) => a.at - b.at);

/**
 * A count that only grows, kept per scope and month (累计圆梦, low ratings, unmet demand …): each
 * counted thing is recorded under its key, so counting it again (a retry, the reconciler) changes
 * nothing, and the count can always be checked against what it counts.
 */
export const TALLIES = 'tallies';

export type TallyDoc = HoldsDoc & { name: string; scope: string; month: string };

export const tallyIdOf = (name: string, scope: string, month: string) => stableId('tally', name, scope, month);

/** Counts `ref` once on the tally; answers whether this call counted it. */
export const countInTally = async (store: Store, name: string, scope: string, month: string, ref: string, at: number, n = 1): Promise<boolean> => {
  const _id = tallyIdOf(name, scope, month);
  const path = holdPath(ref);
  for (let attempt = 0; attempt < 5; attempt++) {
    const modified = await store.updateWhere(TALLIES, { _id, [path]: cmd.exists(false) }, { count: upd.inc(n), [path]: upd.set({ n, at, ref }) });
    if (modified === 1) return true;
    const current = await store.get<TallyDoc>(TALLIES, _id);
    if (current?.holds?.[holdKey(ref)]) return false;
    // The tally came to be meanwhile (another ref created it): count on it.
    if (current) continue;
    try {
      await store.insert<TallyDoc>(TALLIES, { _id, name, scope, month, count: n, holds: { [holdKey(ref)]: { n, at, ref } } });
      return true;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
  return false;
};

/** A tally's total over months, e.g. 累计圆梦 over the community's whole history. */
export const tallyTotal = async (store: Store, name: string, scope: string): Promise<number> => {
  const docs = await store.find<TallyDoc>(TALLIES, { name, scope }, { orderBy: [['month', 'desc'], ['_id', 'asc']], limit: 1000, fields: ['count'] });
  return docs.reduce((sum, d) => sum + d.count, 0);
};
