/**
 * Monthly aggregates for the 月度复盘: one document per community, month and section (orders,
 * wishes, activities, members), moved by guarded increments written with the events themselves,
 * so that a review and its 12-month trend read a few dozen documents, never the history.
 *
 * Each counted event leaves a mark under its key in the same guarded update that moves the counts:
 * counting an event again (a retry, the reconciler) changes nothing, and the reconciler can check
 * each recent mark against the record it came from (stats/statsReconcile.ts). Marks are pruned
 * once they are older than anything that could still count them again, so documents stay small.
 */
import { stableId } from '../runtime/ids';
import type { CollectionSpec } from '../store/port';

export const MONTHLY_STATS = 'monthly_stats';

export const STATS_SECTIONS = ['orders', 'wishes', 'activities', 'members'] as const;
export type StatsSection = (typeof STATS_SECTIONS)[number];

/**
 * Where a counted event comes from, so the reconciler can look it up: an order's or a wish's
 * timeline event, a points or hours ledger entry, an activity rating (a sign-up), an activity's
 * end-of-activity attendance, or a quota refusal (its own record: nothing else to check).
 */
export type SourceKind = 'order' | 'wish' | 'points' | 'hours' | 'rating' | 'activity' | 'refusal';

/** Nested counts: paths like `status.submitted` or `cat.k1.total`. */
export type Counts = { [key: string]: number | Counts };

/** A category as the review names it (its key is a hash of the name when the name is not ASCII). */
export type Label = { name: string; kind: string };

/** One counted event: when it was counted, what it came from, and the increments it made. */
export type Mark = { at: number; ref: string; s: SourceKind; d: Array<[string, number]> };

export type StatsDoc = {
  _id: string;
  communityId: string;
  month: string;
  section: StatsSection;
  c: Counts;
  labels: Record<string, Label>;
  m: Record<string, Mark>;
  updatedAt: number;
};

/** An event to count: which document, under which key, and by how much. */
export type StatEvent = {
  section: StatsSection;
  communityId: string;
  month: string;
  /** Unique per event within its document; letters, digits, `_` and `-` only. */
  key: string;
  ref: string;
  s: SourceKind;
  deltas: Record<string, number>;
  labels?: Record<string, Label>;
  /** When the event happened (the reconciler looks at events of its window). */
  at: number;
};

export const statsIdOf = (communityId: string, section: StatsSection, month: string) => stableId('ms', communityId, section, month);

export const STATS_COLLECTIONS: CollectionSpec[] = [
  {
    name: MONTHLY_STATS,
    indexes: [
      // The review: a community's sections over a range of months.
      { name: 'stats_community_month', fields: [['communityId', 'asc'], ['month', 'asc'], ['_id', 'asc']] },
      // The reconciler: documents counted into in the last days.
      { name: 'stats_updated', fields: [['updatedAt', 'asc']] },
    ],
  },
];

/** The number at a dotted path of the counts, 0 when absent. */
export const countOf = (counts: Counts | undefined, path: string): number => {
  let cur: number | Counts | undefined = counts;
  for (const segment of path.split('.')) {
    if (cur === undefined || typeof cur === 'number') return 0;
    cur = cur[segment];
  }
  return typeof cur === 'number' ? cur : 0;
};

/** The sub-counts at a path (e.g. every category), as an object. */
export const countsAt = (counts: Counts | undefined, path: string): Counts => {
  let cur: number | Counts | undefined = counts;
  for (const segment of path.split('.')) {
    if (cur === undefined || typeof cur === 'number') return {};
    cur = cur[segment];
  }
  return cur && typeof cur === 'object' ? cur : {};
};

/** Adds `deltas` into nested counts (pure; used to build a new document and to recompute). */
export const addInto = (counts: Counts, deltas: Record<string, number> | Array<[string, number]>): Counts => {
  const entries = Array.isArray(deltas) ? deltas : Object.entries(deltas);
  for (const [path, n] of entries) {
    const segments = path.split('.');
    let cur = counts;
    for (const segment of segments.slice(0, -1)) {
      const next = cur[segment];
      if (next === undefined || typeof next === 'number') cur[segment] = {};
      cur = cur[segment] as Counts;
    }
    const last = segments[segments.length - 1];
    cur[last] = (typeof cur[last] === 'number' ? (cur[last] as number) : 0) + n;
  }
  return counts;
};
