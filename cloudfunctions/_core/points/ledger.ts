/**
 * The points ledger and the totals kept from it. The ledger is append-only, one entry per
 * (reason, refId, member): replaying an event never pays twice. Each entry also moves the
 * member's totals for its month, quarter and year (the 先锋榜 and the star level read those,
 * never the whole ledger). A totals document records which entries it has counted, so applying an
 * entry to it is idempotent, and the reconciler can complete or undo what a crash left half-done.
 */
import type { Period, PointReason } from '../../../types/points';
import type { Ports } from '../ports';
import { stableId } from '../runtime/ids';
import { cmd, isDuplicateKey, upd, type Store } from '../store/port';
import { periodRange } from '../time';

export type LedgerEntry = {
  _id: string;
  communityId: string;
  memberId: string;
  delta: number;
  reason: PointReason;
  refId: string;
  at: number;
  note: string;
  by: string;
};

export const LEDGER = 'points_ledger';
export const TOTALS = 'points_totals';

export const ledgerId = (reason: PointReason, refId: string, memberId: string) => `${reason}:${refId}:${memberId}`;

/** One counted entry on a totals document. */
export type CountedEntry = { d: number; at: number; ref: string };

/** A member's points in one month, quarter or year. */
export type PointsTotalDoc = {
  _id: string;
  communityId: string;
  memberId: string;
  period: Period;
  /** 2026-11, 2026-Q4, 2026 */
  key: string;
  points: number;
  entries: Record<string, CountedEntry>;
  updatedAt: number;
};

export const totalsIdOf = (memberId: string, period: Period, key: string) => stableId('pt', memberId, period, key);

/** The field name under which a totals document records an entry. */
export const entryKeyOf = (ledgerEntryId: string) => stableId('e', ledgerEntryId);

export const PERIODS_OF_ENTRY: readonly Period[] = ['month', 'quarter', 'year'];

export const periodKeyOf = (period: Period, at: number) => periodRange(period, at).key;

/**
 * Counts one entry on one totals document, once. Answers 1 when this call counted it.
 * The first entry of a member in a period creates the document (two more round trips, once).
 */
export const countOnTotals = async (store: Store, entry: LedgerEntry, period: Period, now: number): Promise<number> => {
  const key = periodKeyOf(period, entry.at);
  const _id = totalsIdOf(entry.memberId, period, key);
  const path = `entries.${entryKeyOf(entry._id)}`;
  const counted: CountedEntry = { d: entry.delta, at: entry.at, ref: entry._id };
  for (let attempt = 0; attempt < 3; attempt++) {
    const modified = await store.updateWhere(TOTALS, { _id, [path]: cmd.exists(false) }, {
      points: upd.inc(entry.delta),
      [path]: upd.set(counted),
      updatedAt: now,
    });
    if (modified === 1) return 1;
    if (await store.get(TOTALS, _id)) return 0; // already counted
    const doc: PointsTotalDoc = {
      _id,
      communityId: entry.communityId,
      memberId: entry.memberId,
      period,
      key,
      points: entry.delta,
      entries: { [entryKeyOf(entry._id)]: counted },
      updatedAt: now,
    };
    try {
      await store.insert(TOTALS, doc);
      return 1;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
  return 0;
};

/** Takes an entry back off one totals document (the entry it counted does not exist). */
export const uncountOnTotals = async (store: Store, doc: PointsTotalDoc, entryKey: string, now: number): Promise<number> => {
  const counted = doc.entries[entryKey];
  if (!counted) return 0;
  return store.updateWhere(TOTALS, { _id: doc._id, [`entries.${entryKey}.ref`]: counted.ref }, {
    points: upd.inc(-counted.d),
    [`entries.${entryKey}`]: upd.remove(),
    updatedAt: now,
  });
};

/**
 * Pays points once: the ledger entry and the three totals are written in one round trip. Answers
 * the entry as it is stored (a replay answers the first one) and whether this call paid it. A request that dies half-way leaves
 * an entry not yet counted, or counted without its entry: the reconciler finishes or undoes it.
 */
export const awardPoints = async (ports: Ports, fields: Omit<LedgerEntry, '_id'>): Promise<{ entry: LedgerEntry; paid: boolean }> => {
  const entry: LedgerEntry = { _id: ledgerId(fields.reason, fields.refId, fields.memberId), ...fields };
  if (entry.delta === 0) return { entry, paid: false };
  const now = ports.clock.now();
  const [inserted] = await Promise.all([
    ports.store.insert(LEDGER, entry).then(
      () => true,
      (e: unknown) => {
        if (!isDuplicateKey(e)) throw e;
        return false;
      },
    ),
    ...PERIODS_OF_ENTRY.map((period) => countOnTotals(ports.store, entry, period, now)),
  ]);
  return inserted ? { entry, paid: true } : { entry: (await ports.store.get<LedgerEntry>(LEDGER, entry._id)) ?? entry, paid: false };
};
