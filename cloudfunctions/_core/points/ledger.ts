import type { PointReason } from '../../../types/points';
import { upd, type Transaction } from '../store/port';
import { yearOf } from '../time';

/** One append-only ledger entry; its `_id` makes (reason, refId, member) unique. */
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

export const ledgerId = (reason: PointReason, refId: string, memberId: string) => `${reason}:${refId}:${memberId}`;

/**
 * Pays points inside the caller's transaction, once: replaying the same (reason, refId, member)
 * finds the entry and pays nothing. The member's running totals move in the same transaction.
 */
export const awardPoints = async (
  tx: Transaction,
  entry: Omit<LedgerEntry, '_id'>,
): Promise<boolean> => {
  const _id = ledgerId(entry.reason, entry.refId, entry.memberId);
  if (entry.delta === 0 || (await tx.get('points_ledger', _id))) return false;
  await tx.insert('points_ledger', { _id, ...entry });
  await tx.updateById('users', entry.memberId, {
    pointsTotal: upd.inc(entry.delta),
    [`pointsByYear.y${yearOf(entry.at)}`]: upd.inc(entry.delta),
  });
  return true;
};
