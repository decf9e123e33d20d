/**
 * Brings what wishes derive back in line with the wishes, after a request died half-way:
 * - a claim slot held for a wish the member does not hold claimed (the claim lost its race, or the
 *   claim ended and died before giving the slot back) is released;
 * - a fulfilled wish not yet counted in 累计圆梦 is counted; a confirmed wish whose claimer was not
 *   paid is paid.
 * Only what is older than the grace period is touched; every step is guarded.
 */
import type { Job } from '../scheduler/job';
import { settledRange } from '../scheduler/reconcileWindow';
import { getMany, scanAll } from '../store/scan';
import { countInTally, holdsOf, releaseHold } from '../store/holds';
import { cmd } from '../store/port';
import { LEDGER, ledgerId } from '../points/ledger';
import { pointRulesOf, type PointRules } from '../points/pointRules';
import { monthOf } from '../time';
import { CLAIM_COUNTERS, WISHES, type ClaimCounterDoc, type WishDoc } from './wishDocs';
import { afterConfirmation, WISHES_FULFILLED } from './wishClaiming';

export const reconcileWishes: Job = {
  name: 'wishes.reconcile',
  async run(ports) {
    const { from, to } = settledRange(ports.clock.now());

    const slots = scanAll<ClaimCounterDoc>(ports.store, CLAIM_COUNTERS, { count: cmd.gt(0) }, async (counters) => {
      const stale = counters.flatMap((c) => holdsOf(c).filter((h) => h.at < to).map((h) => ({ memberId: c._id, hold: h })));
      if (stale.length === 0) return 0;
      const wishes = await getMany<WishDoc>(ports.store, WISHES, stale.map((s) => s.hold.ref));
      const released = await Promise.all(
        stale
          .filter(({ memberId, hold }) => {
            const wish = wishes.get(hold.ref);
            return !(wish && wish.status === 'claimed' && wish.claimerId === memberId);
          })
          .map(({ memberId, hold }) => releaseHold(ports.store, CLAIM_COUNTERS, memberId, hold.ref, hold.n)),
      );
      return released.filter(Boolean).length;
    });

    const fulfilled = scanAll<WishDoc>(ports.store, WISHES, { fulfilledAt: cmd.gte(from), $and: [{ fulfilledAt: cmd.lt(to) }] }, async (wishes) => {
      const counted = await Promise.all(
        wishes
          .filter((w) => w.status === 'fulfilled' || w.status === 'confirmed')
          .map((w) => countInTally(ports.store, WISHES_FULFILLED, w.communityId, monthOf(w.fulfilledAt!), w._id, w.fulfilledAt!)),
      );
      return counted.filter(Boolean).length;
    });

    const confirmed = scanAll<WishDoc>(ports.store, WISHES, { status: 'confirmed', confirmedAt: cmd.gte(from), $and: [{ confirmedAt: cmd.lt(to) }] }, async (wishes) => {
      const claimed = wishes.filter((w) => w.claimerId);
      const [paid, communities] = await Promise.all([
        getMany(ports.store, LEDGER, claimed.map((w) => ledgerId('wish_confirmed', w._id, w.claimerId!)), ['_id']),
        getMany<{ _id: string; pointRules?: Partial<PointRules> }>(ports.store, 'communities', claimed.map((w) => w.communityId)),
      ]);
      const unpaid = claimed.filter((w) => !paid.has(ledgerId('wish_confirmed', w._id, w.claimerId!)));
      await Promise.all(unpaid.map((w) => afterConfirmation(ports, w, pointRulesOf(communities.get(w.communityId) ?? null))));
      return unpaid.length;
    });

    const [a, b, c] = await Promise.all([slots, fulfilled, confirmed]);
    return a + b + c;
  },
};
