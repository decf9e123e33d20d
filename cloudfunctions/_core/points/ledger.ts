/**
 * The points ledger (积分) and the totals kept from it: an append-only ledger (ledger/periodLedger.ts)
 * whose entries move the member's month, quarter and year totals (the 先锋榜 and the star level
 * read those, never the whole ledger) and the community's month.
 */
import type { Period, PointReason } from '../../../types/points';
import type { Ports } from '../ports';
import type { Store } from '../store/port';
import {
  countEntry,
  entryKeyOf,
  ledgerIdOf,
  periodKeyOf,
  recordEntry,
  totalsIdFor,
  uncountEntry,
  type CountedEntry,
  type LedgerEntry as AnyEntry,
  type LedgerSpec,
  type TotalsDoc,
} from '../ledger/periodLedger';

export type LedgerEntry = AnyEntry<PointReason>;

export const LEDGER = 'points_ledger';
export const TOTALS = 'points_totals';

export const PERIODS_OF_ENTRY: readonly Period[] = ['month', 'quarter', 'year'];

export const POINTS_LEDGER: LedgerSpec = { kind: 'points', ledger: LEDGER, totals: TOTALS, amount: 'points', idPrefix: 'pt', periods: PERIODS_OF_ENTRY };

export const ledgerId = (reason: PointReason, refId: string, memberId: string) => ledgerIdOf(reason, refId, memberId);

/** A member's points in one month, quarter or year. */
export type PointsTotalDoc = TotalsDoc & { points: number };

export const totalsIdOf = (memberId: string, period: Period, key: string) => totalsIdFor(POINTS_LEDGER, memberId, period, key);

export { entryKeyOf, periodKeyOf, type CountedEntry };

export const countOnTotals = (store: Store, entry: LedgerEntry, period: Period, now: number): Promise<number> => countEntry(store, POINTS_LEDGER, entry, period, now);

export const uncountOnTotals = (store: Store, doc: PointsTotalDoc, entryKey: string, now: number): Promise<number> => uncountEntry(store, POINTS_LEDGER, doc, entryKey, now);

/**
 * Pays points once: the ledger entry, its three totals and the community's month in one round
 * trip. Answers the entry as it is stored (a replay answers the first one) and whether this call
 * paid it.
 */
export const awardPoints = (ports: Ports, fields: Omit<LedgerEntry, '_id'>): Promise<{ entry: LedgerEntry; paid: boolean }> => recordEntry(ports, POINTS_LEDGER, fields);
