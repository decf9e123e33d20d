import { MAX_ACTIVE_CLAIMS } from '../../../types/wishes';
import type { Ports } from '../ports';
import { DomainError } from '../runtime/domainError';
import { isDuplicateKey, upd, type Transaction } from '../store/port';
import { CLAIM_COUNTERS, type ClaimCounterDoc } from './wishDocs';

/**
 * Creates the member's counter before the first claim, outside the transaction: two first claims
 * at once would otherwise both insert it inside their transactions, and one would fail.
 */
export const ensureClaimCounter = async (ports: Ports, memberId: string, communityId: string, now: number): Promise<void> => {
  if (await ports.store.get(CLAIM_COUNTERS, memberId)) return;
  try {
    await ports.store.insert<ClaimCounterDoc>(CLAIM_COUNTERS, { _id: memberId, communityId, active: 0, updatedAt: now });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
};

/**
 * Takes one of the member's claim slots inside the claim's transaction. The transaction also
 * writes the counter, so two claims by one member at once conflict on it and one re-reads it.
 */
export const takeClaimSlot = async (tx: Transaction, memberId: string, communityId: string, now: number): Promise<void> => {
  const counter = await tx.get<ClaimCounterDoc>(CLAIM_COUNTERS, memberId);
  if (!counter) {
    await tx.insert<ClaimCounterDoc>(CLAIM_COUNTERS, { _id: memberId, communityId, active: 1, updatedAt: now });
    return;
  }
  if (counter.active >= MAX_ACTIVE_CLAIMS) {
    throw new DomainError('LIMIT', `每人最多同时认领${MAX_ACTIVE_CLAIMS}个心愿，请先完成或释放已认领的心愿`);
  }
  await tx.updateById(CLAIM_COUNTERS, memberId, { active: upd.inc(1), updatedAt: now });
};

/** Gives a slot back when a claim ends (fulfilled, released by the member or by the timer). */
export const returnClaimSlot = async (tx: Transaction, memberId: string, now: number): Promise<void> => {
  const counter = await tx.get<ClaimCounterDoc>(CLAIM_COUNTERS, memberId);
  // Never below zero, whatever happened to the counter before.
  if (counter && counter.active > 0) await tx.updateById(CLAIM_COUNTERS, memberId, { active: upd.inc(-1), updatedAt: now });
};
