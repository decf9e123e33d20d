/**
 * Volunteer service hours (志愿服务时长): an append-only ledger in minutes, like the points ledger
 * (ledger/periodLedger.ts), with each member's month and year totals. A completed order records
 * the item's expected duration for the member who served it; an activity served as a volunteer
 * records its length; staff correct either way with a reason, as new entries.
 */
import type { HoursReason } from '../../../types/hours';
import type { Ports } from '../ports';
import type { CollectionSpec } from '../store/port';
import { HOUR_MS, MINUTE_MS, DAY_MS } from '../time';
import { reconcileLedger, recordEntry, type LedgerEntry, type LedgerSpec, type TotalsDoc } from '../ledger/periodLedger';

export const HOURS_LEDGER = 'hours_ledger';
export const HOURS_TOTALS = 'hours_totals';

export const HOURS: LedgerSpec = { kind: 'hours', ledger: HOURS_LEDGER, totals: HOURS_TOTALS, amount: 'minutes', idPrefix: 'ht', periods: ['month', 'year'] };

export type HoursEntry = LedgerEntry<HoursReason>;
export type HoursTotalDoc = TotalsDoc & { minutes: number };

export const HOURS_COLLECTIONS: CollectionSpec[] = [
  {
    name: HOURS_LEDGER,
    indexes: [
      // The member's hours card and certificate: their entries by time.
      { name: 'hours_member_at', fields: [['memberId', 'asc'], ['at', 'desc'], ['_id', 'desc']] },
      // The staff export's detail: a community's entries of a period.
      { name: 'hours_community_at', fields: [['communityId', 'asc'], ['at', 'asc'], ['_id', 'asc']] },
      // The reconciler: entries of the last days.
      { name: 'hours_at', fields: [['at', 'asc']] },
    ],
  },
  {
    name: HOURS_TOTALS,
    indexes: [
      // The review's members and the export: a community's totals for one period, most first.
      { name: 'hours_totals_board', fields: [['communityId', 'asc'], ['period', 'asc'], ['key', 'asc'], ['minutes', 'desc'], ['_id', 'desc']] },
      // A member's month and year totals.
      { name: 'hours_totals_member', fields: [['memberId', 'asc'], ['period', 'asc'], ['key', 'desc'], ['_id', 'desc']] },
      { name: 'hours_totals_updated', fields: [['updatedAt', 'asc']] },
    ],
  },
];

/** Records service hours once per (reason, ref, member). */
export const recordHours = (ports: Ports, fields: Omit<HoursEntry, '_id'>) => recordEntry<HoursReason>(ports, HOURS, fields);

export const reconcileHours = reconcileLedger(HOURS);

/** A working day at most per calendar day an activity spans (a summer camp is not 120 hours). */
const MAX_PER_DAY_MS = 8 * HOUR_MS;

/** The hours an activity counts for a volunteer who served it, in minutes. */
export const activityServiceMinutes = (startAt: number, endAt: number): number => {
  const length = Math.max(0, endAt - startAt);
  const days = Math.max(1, Math.ceil(length / DAY_MS));
  return Math.round(Math.min(length, days * MAX_PER_DAY_MS) / MINUTE_MS);
};
