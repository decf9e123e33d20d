/**
 * Counting events into the monthly aggregates, once each: one guarded update moves the counts and
 * leaves the event's mark, conditional on the mark not being there yet. The first event of a
 * month creates its document (two more round trips, once per community, month and section).
 */
import { cmd, isDuplicateKey, upd, type Store, type Update } from '../store/port';
import { addInto, MONTHLY_STATS, statsIdOf, type Mark, type StatEvent, type StatsDoc } from './statsDocs';

const markPath = (key: string) => `m.${key}`;

/** The increments that change something. */
const merged = (deltas: Record<string, number>): Array<[string, number]> => Object.entries(deltas).filter(([, n]) => n !== 0);

const updateOf = (e: StatEvent, mark: Mark, now: number): Update => {
  const update: Update = { [markPath(e.key)]: upd.set(mark), updatedAt: now };
  for (const [path, n] of mark.d) update[`c.${path}`] = upd.inc(n);
  for (const [key, label] of Object.entries(e.labels ?? {})) update[`labels.${key}`] = upd.set(label);
  return update;
};

/** Counts one event; answers 1 when this call counted it, 0 when it was counted already. */
export const countStats = async (store: Store, e: StatEvent, now: number): Promise<number> => {
  const _id = statsIdOf(e.communityId, e.section, e.month);
  const mark: Mark = { at: now, ref: e.ref, s: e.s, d: merged(e.deltas) };
  for (let attempt = 0; attempt < 5; attempt++) {
    const modified = await store.updateWhere(MONTHLY_STATS, { _id, [markPath(e.key)]: cmd.exists(false) }, updateOf(e, mark, now));
    if (modified === 1) return 1;
    const current = await store.get<StatsDoc>(MONTHLY_STATS, _id);
    // Counted already; or the document came to be meanwhile (another event created it): try again.
    if (current?.m?.[e.key]) return 0;
    if (current) continue;
    const doc: StatsDoc = {
      _id,
      communityId: e.communityId,
      month: e.month,
      section: e.section,
      c: addInto({}, mark.d),
      labels: { ...(e.labels ?? {}) },
      m: { [e.key]: mark },
      updatedAt: now,
    };
    try {
      await store.insert(MONTHLY_STATS, doc);
      return 1;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  throw new Error(`countStats ${_id}: could not count ${e.key}`);
};

/** Counts several events at once (one round trip when their documents exist). */
export const countAllStats = async (store: Store, events: StatEvent[], now: number): Promise<number> =>
  (await Promise.all(events.map((e) => countStats(store, e, now)))).reduce((a, b) => a + b, 0);

/** Takes one counted event back (its record says it did not happen, or happened otherwise). */
export const uncountStats = async (store: Store, doc: Pick<StatsDoc, '_id' | 'm'>, key: string, now: number): Promise<number> => {
  const mark = doc.m[key];
  if (!mark) return 0;
  const update: Update = { [markPath(key)]: upd.remove(), updatedAt: now };
  for (const [path, n] of mark.d) update[`c.${path}`] = upd.inc(-n);
  return store.updateWhere(MONTHLY_STATS, { _id: doc._id, [`${markPath(key)}.at`]: mark.at }, update);
};

/**
 * Forgets marks counted before `before`: nothing can count their events again by then. A refusal's
 * mark is kept: it is the only record of the refusal, and the count can be checked against it.
 */
export const pruneMarks = async (store: Store, doc: Pick<StatsDoc, '_id' | 'm'>, before: number): Promise<number> => {
  const old = Object.entries(doc.m ?? {}).filter(([, mark]) => mark.at < before && mark.s !== 'refusal');
  if (old.length === 0) return 0;
  const update: Update = {};
  for (const [key] of old) update[markPath(key)] = upd.remove();
  return store.updateWhere(MONTHLY_STATS, { _id: doc._id }, update);
};

/** Counts events as of the clock's now (what use-cases call). */
export const countEvents = (ports: { store: Store; clock: { now(): number } }, ...events: Array<StatEvent | null>): Promise<number> =>
  countAllStats(ports.store, events.filter((e): e is StatEvent => e !== null), ports.clock.now());

/** Takes back an event counted ahead of a write that did not land (the rare path: reads first). */
export const takeBackStats = async (ports: { store: Store; clock: { now(): number } }, e: StatEvent): Promise<number> => {
  const doc = await ports.store.get<StatsDoc>(MONTHLY_STATS, statsIdOf(e.communityId, e.section, e.month));
  return doc?.m?.[e.key] ? uncountStats(ports.store, doc, e.key, ports.clock.now()) : 0;
};
