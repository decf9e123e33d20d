/**
 * Keeps the monthly aggregates equal to what their records imply, within the reconcile window:
 * - a count whose record says it did not happen, or happened otherwise (the order was never
 *   written, the claim lost its race), is taken back;
 * - an event of the window that nothing counted (the request died before counting it) is counted;
 * - marks older than anything that could count their event again are forgotten.
 * Taking back runs before counting, so what replaces a taken-back count is counted in the same run.
 * Every step is guarded by the mark it concerns: two copies at once change nothing twice.
 */
import { HOURS_LEDGER } from '../hours/hoursLedger';
import { LEDGER } from '../points/ledger';
import type { Ports } from '../ports';
import type { Job } from '../scheduler/job';
import { RECONCILE_WINDOW_MS, settledRange } from '../scheduler/reconcileWindow';
import { cmd, type Doc, type Filter } from '../store/port';
import { getMany, scanAll } from '../store/scan';
import { DAY_MS } from '../time';
import { WISHES } from '../wishes/wishDocs';
import { activityRatingEvent } from './activityStats';
import { countStats, pruneMarks, uncountStats } from './countStats';
import { ledgerEvent } from './memberStats';
import { orderEvents } from './orderStats';
import { MONTHLY_STATS, statsIdOf, type Mark, type SourceKind, type StatEvent, type StatsDoc } from './statsDocs';
import { wishEvents } from './wishStats';

/** Marks are kept a day longer than the window in which anything may count their event again. */
export const PRUNE_MARKS_AFTER_MS = RECONCILE_WINDOW_MS + DAY_MS;

type Source = {
  collection: string;
  /** The records that may hold events of the window [from, …). */
  recent(from: number): Filter;
  eventsOf(doc: Doc): StatEvent[];
};

/** Records that events are checked against. Activity sessions are counted by their job until it flags them; refusals are their own record. */
const SOURCES: Partial<Record<SourceKind, Source>> = {
  order: { collection: 'orders', recent: (from) => ({ updatedAt: cmd.gte(from) }), eventsOf: (d) => orderEvents(d as never) },
  wish: { collection: WISHES, recent: (from) => ({ updatedAt: cmd.gte(from) }), eventsOf: (d) => wishEvents(d as never) },
  points: { collection: LEDGER, recent: (from) => ({ at: cmd.gte(from) }), eventsOf: (d) => [ledgerEvent('points', d as never)] },
  hours: { collection: HOURS_LEDGER, recent: (from) => ({ at: cmd.gte(from) }), eventsOf: (d) => [ledgerEvent('hours', d as never)] },
  rating: {
    collection: 'activity_signups',
    recent: (from) => ({ status: 'checked_in', 'rating.at': cmd.gte(from) }),
    eventsOf: (d) => [activityRatingEvent(d as never)].filter((e): e is StatEvent => e !== null),
  },
};

const sameDeltas = (mark: Mark, e: StatEvent): boolean => {
  const expected = Object.entries(e.deltas).filter(([, n]) => n !== 0);
  const key = (pairs: Array<[string, number]>) => JSON.stringify([...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return key(mark.d) === key(expected);
};

/** Whether the record behind a mark implies exactly the event it counted. */
const confirmed = (doc: StatsDoc, key: string, mark: Mark, source: Doc | undefined, def: Source): boolean => {
  if (!source) return false;
  const e = def.eventsOf(source).find((x) => x.key === key);
  return !!e && e.section === doc.section && e.month === doc.month && e.communityId === doc.communityId && sameDeltas(mark, e);
};

/** Counts of the window whose record does not confirm them; and old marks forgotten. */
const takeBackAndPrune = (ports: Ports, from: number, to: number, now: number) =>
  scanAll<StatsDoc>(ports.store, MONTHLY_STATS, { updatedAt: cmd.gte(from) }, async (docs) => {
    const checked = docs.flatMap((doc) =>
      Object.entries(doc.m ?? {})
        .filter(([, mark]) => mark.at >= from && mark.at < to && SOURCES[mark.s])
        .map(([key, mark]) => ({ doc, key, mark })),
    );
    const records = new Map<SourceKind, Map<string, Doc>>();
    for (const kind of new Set(checked.map((c) => c.mark.s))) {
      const def = SOURCES[kind]!;
      records.set(kind, await getMany<Doc>(ports.store, def.collection, checked.filter((c) => c.mark.s === kind).map((c) => c.mark.ref)));
    }
    let changed = 0;
    for (const { doc, key, mark } of checked) {
      if (confirmed(doc, key, mark, records.get(mark.s)?.get(mark.ref), SOURCES[mark.s]!)) continue;
      changed += await uncountStats(ports.store, doc, key, now);
    }
    for (const doc of docs) await pruneMarks(ports.store, doc, now - PRUNE_MARKS_AFTER_MS);
    return changed;
  });

/** Events of the window that no document has counted. */
const countMissing = async (ports: Ports, from: number, to: number, now: number): Promise<number> => {
  let changed = 0;
  for (const def of Object.values(SOURCES)) {
    changed += await scanAll<Doc>(ports.store, def.collection, def.recent(from), async (records) => {
      const events = records.flatMap((r) => def.eventsOf(r)).filter((e) => e.at >= from && e.at < to);
      if (events.length === 0) return 0;
      const stats = await getMany<StatsDoc>(ports.store, MONTHLY_STATS, events.map((e) => statsIdOf(e.communityId, e.section, e.month)), ['m']);
      let counted = 0;
      for (const e of events) {
        if (stats.get(statsIdOf(e.communityId, e.section, e.month))?.m?.[e.key]) continue;
        counted += await countStats(ports.store, e, now);
      }
      return counted;
    });
  }
  return changed;
};

/** Forgets old marks only (what the reconciler does besides): cheap enough to run often. */
export const pruneStats: Job = {
  name: 'stats.prune',
  run: (ports) => {
    const now = ports.clock.now();
    return scanAll<StatsDoc>(ports.store, MONTHLY_STATS, { updatedAt: cmd.gte(now - RECONCILE_WINDOW_MS) }, async (docs) => {
      let changed = 0;
      for (const doc of docs) changed += await pruneMarks(ports.store, doc, now - PRUNE_MARKS_AFTER_MS);
      return changed;
    });
  },
};

export const reconcileStats: Job = {
  name: 'stats.reconcile',
  async run(ports) {
    const now = ports.clock.now();
    const { from, to } = settledRange(now);
    const taken = await takeBackAndPrune(ports, from, to, now);
    return taken + (await countMissing(ports, from, to, now));
  },
};
