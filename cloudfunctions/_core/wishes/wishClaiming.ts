/**
 * Claim, release, fulfil, confirm: each touches the wish and the claimer's counter (or the points
 * ledger) together, so each runs in one transaction that re-reads the wish and checks the state it
 * leaves. Notices go out after the transaction, which may run more than once.
 */
import type { ActionSpec } from '../runtime/defineFunction';
import { actorOf, timelineEvent } from '../runtime/timeline';
import { DomainError, notFound } from '../runtime/domainError';
import { assertUploaded } from '../files/assertUploaded';
import { awardPoints } from '../points/ledger';
import { pointRulesOf, type PointRules } from '../points/pointRules';
import { upd } from '../store/port';
import { dateOf } from '../time';
import { ensureClaimCounter, returnClaimSlot, takeClaimSlot } from './claimCounter';
import { WISHES, type WishDoc } from './wishDocs';
import { noticeClaimed, noticeFulfilled } from './wishNotices';
import { loadWish, reloadWish, stateConflict, viewerOf } from './wishRecords';
import { isPastDeadline, isStaffRole } from './wishRules';
import { toDetail } from './wishView';

const NOT_CLAIMER = '只有认领该心愿的党员可以操作';

/** The claimer's steps on a claimed wish: someone else's claim is FORBIDDEN, any other state a CONFLICT. */
const assertHeldBy = (wish: WishDoc, memberId: string): void => {
  if (wish.status === 'claimed' && wish.claimerId !== memberId) throw new DomainError('FORBIDDEN', NOT_CLAIMER);
  if (wish.status !== 'claimed') throw stateConflict(wish.status);
};

export const wishClaiming = {
  claimWish: {
    access: 'member',
    async run({ ports, caller, now }, input) {
      const wish = await loadWish(ports, caller, input.wishId);
      const me = caller.user._id;
      if (wish.residentId === me) throw new DomainError('FORBIDDEN', '不能认领自己的心愿');
      await ensureClaimCounter(ports, me, caller.communityId, now);
      const today = dateOf(now);
      const claimed = await ports.store.transaction(async (tx) => {
        const current = (await tx.get<WishDoc>(WISHES, wish._id)) ?? notFound('心愿');
        // A retried claim by the member who holds it answers the claim they already have.
        if (current.status === 'claimed' && current.claimerId === me) return false;
        if (current.status !== 'open') throw stateConflict(current.status);
        if (isPastDeadline(current.deadline, today)) throw new DomainError('CONFLICT', '该心愿已过截止日期');
        await takeClaimSlot(tx, me, caller.communityId, now);
        await tx.updateById(WISHES, current._id, {
          status: 'claimed',
          claimerId: me,
          claimerName: caller.user.name,
          claimedAt: now,
          updatedAt: now,
          timeline: upd.push(timelineEvent(actorOf(caller), now, 'open', 'claimed')),
        });
        return true;
      });
      const after = await reloadWish(ports, wish._id);
      if (claimed) await noticeClaimed(ports, after, now);
      return toDetail(after, viewerOf(caller), now);
    },
  },

  releaseClaim: {
    access: 'member',
    async run({ ports, caller, now }, input) {
      const wish = await loadWish(ports, caller, input.wishId);
      const me = caller.user._id;
      assertHeldBy(wish, me);
      await ports.store.transaction(async (tx) => {
        const current = (await tx.get<WishDoc>(WISHES, wish._id)) ?? notFound('心愿');
        assertHeldBy(current, me);
        await tx.updateById(WISHES, current._id, {
          status: 'open',
          claimerId: null,
          claimerName: null,
          claimedAt: null,
          updatedAt: now,
          timeline: upd.push(timelineEvent(actorOf(caller), now, 'claimed', 'open', `释放原因：${input.reason}`)),
        });
        await returnClaimSlot(tx, me, now);
      });
      return toDetail(await reloadWish(ports, wish._id), viewerOf(caller), now);
    },
  },

  fulfilWish: {
    access: 'member',
    async run({ ports, caller, now }, input) {
      const wish = await loadWish(ports, caller, input.wishId);
      const me = caller.user._id;
      assertHeldBy(wish, me);
      await assertUploaded(ports, input.photos, 'photos');
      await ports.store.transaction(async (tx) => {
        const current = (await tx.get<WishDoc>(WISHES, wish._id)) ?? notFound('心愿');
        assertHeldBy(current, me);
        await tx.updateById(WISHES, current._id, {
          status: 'fulfilled',
          fulfilNote: input.note,
          fulfilPhotos: input.photos,
          fulfilledAt: now,
          updatedAt: now,
          timeline: upd.push(timelineEvent(actorOf(caller), now, 'claimed', 'fulfilled', input.note)),
        });
        // A fulfilled wish no longer counts against the member's limit.
        await returnClaimSlot(tx, me, now);
      });
      const after = await reloadWish(ports, wish._id);
      await noticeFulfilled(ports, after, now);
      return toDetail(after, viewerOf(caller), now);
    },
  },

  confirmWish: {
    access: 'registered',
    async run({ ports, caller, now }, input) {
      const wish = await loadWish(ports, caller, input.wishId);
      if (wish.residentId !== caller.user._id && !isStaffRole(caller.role)) {
        throw new DomainError('FORBIDDEN', '只有心愿本人或社区工作者可以确认圆梦');
      }
      const community = await ports.store.get<{ _id: string; pointRules?: Partial<PointRules> }>('communities', wish.communityId);
      const points = pointRulesOf(community).wishConfirmed;
      await ports.store.transaction(async (tx) => {
        const current = (await tx.get<WishDoc>(WISHES, wish._id)) ?? notFound('心愿');
        // Confirming twice (a double tap, a retry) answers the confirmed wish and pays nothing more.
        if (current.status === 'confirmed') return;
        if (current.status !== 'fulfilled') {
          throw ['pending_review', 'open', 'claimed'].includes(current.status)
            ? stateConflict(current.status, '心愿尚未圆梦，暂不能确认')
            : stateConflict(current.status);
        }
        await tx.updateById(WISHES, current._id, {
          status: 'confirmed',
          confirmedAt: now,
          updatedAt: now,
          timeline: upd.push(timelineEvent(actorOf(caller), now, 'fulfilled', 'confirmed')),
        });
        if (current.claimerId) {
          await awardPoints(tx, {
            communityId: current.communityId,
            memberId: current.claimerId,
            delta: points,
            reason: 'wish_confirmed',
            refId: current._id,
            at: now,
            note: `圆梦微心愿：${current.title}`,
            by: caller.user._id,
          });
        }
      });
      return toDetail(await reloadWish(ports, wish._id), viewerOf(caller), now);
    },
  },
} satisfies { [A in 'claimWish' | 'releaseClaim' | 'fulfilWish' | 'confirmWish']: ActionSpec<'wishes', A> };
