import { MAX_ACTIVE_CLAIMS } from '../../../types/wishes';
import type { Ports } from '../ports';
import { releaseHold, takeHold, type TakeResult } from '../store/holds';
import { CLAIM_COUNTERS } from './wishDocs';

/**
 * A member's claim slots (at most MAX_ACTIVE_CLAIMS wishes claimed at once), held per wish on the
 * member's counter: a guarded update, never a transaction, so a rush of claims never conflicts,
 * and a retried claim of the same wish never takes a second slot.
 */
export const takeClaimSlot = (ports: Ports, memberId: string, communityId: string, wishId: string, now: number): Promise<TakeResult> =>
  takeHold(ports.store, CLAIM_COUNTERS, memberId, wishId, 1, MAX_ACTIVE_CLAIMS, now, { communityId });

/** Gives the slot a claim held back (the claim ended: fulfilled, released, or never made). */
export const returnClaimSlot = (ports: Ports, memberId: string, wishId: string): Promise<boolean> =>
  releaseHold(ports.store, CLAIM_COUNTERS, memberId, wishId, 1);
