/**
 * Claim, release, fulfil, confirm. The wish moves by one guarded update whose guard is the state it
 * leaves, answering the wish as it now is; the claimer's slot is held on the member's counter
 * before a claim (so the limit holds however many claims arrive together) and given back after a
 * claim ends. What follows a change (the slot, points, notices) is idempotent, and the reconciler
 * finishes it if the request died half-way.
 */
import { defineAction, type Caller } from '../runtime/defineFunction';
import { actorOf, timelineEvent } from '../runtime/timeline';
import { DomainError, notFound } from '../runtime/domainError';
import { assertSameCommunity } from '../runtime/access';
import { awardPoints } from '../points/ledger';
import { pointRulesOf, type PointRules } from '../points/pointRules';
import { countInTally } from '../store/holds';
import { upd, type Filter, type Update } from '../store/port';
import type { Ports } from '../ports';
import { dateOf, monthOf } from '../time';
import { MAX_ACTIVE_CLAIMS } from '../../../types/wishes';
import { returnClaimSlot, takeClaimSlot } from './claimCounter';
import { WISHES, type WishDoc } from './wishDocs';
import { noticeClaimed, noticeFulfilled } from './wishNotices';
import { recordPhotoChecks } from '../security/mediaChecks';
import { SCENES } from '../security/textCheck';
import { stateConflict, viewerOf } from './wishRecords';
import { isPastDeadline, isStaffRole } from './wishRules';
import { toDetail } from './wishView';
import { countEvents, takeBackStats } from '../stats/countStats';
import { latestWishEvent, wishEvents } from '../stats/wishStats';

const NOT_CLAIMER = '只有认领该心愿的党员可以操作';

/** 累计圆梦: wishes fulfilled, per community and month. */
export const WISHES_FULFILLED = 'wishes_fulfilled';

const wishOf = (caller: Caller, wish: WishDoc | null): WishDoc => {
  const found = wish ?? notFound('心愿');
  assertSameCommunity(caller, found);
  return found;
};

/** The claimer's steps on a claimed wish: someone else's claim is FORBIDDEN, any other state a CONFLICT. */
const assertHeldBy = (wish: WishDoc, memberId: string): void => {
  if (wish.status === 'claimed' && wish.claimerId !== memberId) throw new DomainError('FORBIDDEN', NOT_CLAIMER);
  if (wish.status !== 'claimed') throw stateConflict(wish.status);
};

/** One guarded change; null when the wish was no longer as the guard expects. */
const change = (ports: Ports, caller: Caller, wish: WishDoc, guard: Filter, to: WishDoc['status'], fields: Update, requestId: string | undefined, note = '') => {
  const now = ports.clock.now();
  return ports.store.updateAndReturn<WishDoc>(WISHES, { _id: wish._id, status: wish.status, ...guard }, {
    ...fields,
    status: to,
    updatedAt: now,
    lastRequestId: requestId ?? null,
    timeline: upd.push(timelineEvent(actorOf(caller), now, wish.status, to, note)),
  });
};

/** After a guard failed: a retry of the same request answers the wish; anything else the state it is in. */
const refused = async (ports: Ports, wishId: string, requestId: string | undefined, refuse: (w: WishDoc) => never): Promise<WishDoc> => {
  const current = (await ports.store.get<WishDoc>(WISHES, wishId)) ?? notFound('心愿');
  if (requestId && current.lastRequestId === requestId) return current;
  return refuse(current);
};

const loadWish = (ports: Ports, wishId: string) => ports.store.get<WishDoc>(WISHES, wishId);

/** What a confirmed wish brings: the claimer's points. */
export const afterConfirmation = async (ports: Ports, wish: WishDoc, rules: PointRules): Promise<void> => {
  if (!wish.claimerId) return;
  await awardPoints(ports, {
    communityId: wish.communityId,
    memberId: wish.claimerId,
    delta: rules.wishConfirmed,
    reason: 'wish_confirmed',
    refId: wish._id,
    at: ports.clock.now(),
    note: `圆梦微心愿：${wish.title}`,
    by: wish.residentId,
  });
};

/** What a fulfilled wish brings: the claimer's slot back, 累计圆梦, the poster told. */
export const afterFulfilment = async (ports: Ports, wish: WishDoc, claimerId: string): Promise<void> => {
  const at = wish.fulfilledAt ?? wish.updatedAt;
  await Promise.all([
    returnClaimSlot(ports, claimerId, wish._id),
    countInTally(ports.store, WISHES_FULFILLED, wish.communityId, monthOf(at), wish._id, at),
    noticeFulfilled(ports, wish, at),
  ]);
};

export const wishClaiming = {
  claimWish: defineAction<'wishes', 'claimWish'>()({
    access: 'member',
    load: ({ ports }, input) => loadWish(ports, input.wishId),
    async run({ ports, caller, now, requestId }, _input, loaded) {
      const wish = wishOf(caller, loaded);
      const me = caller.user._id;
      // A retried claim by the member who holds it answers the claim they already have.
      if (wish.status === 'claimed' && wish.claimerId === me) return toDetail(wish, viewerOf(caller), now);
      if (wish.residentId === me) throw new DomainError('FORBIDDEN', '不能认领自己的心愿');
      if (wish.status !== 'open') throw stateConflict(wish.status);
      if (isPastDeadline(wish.deadline, dateOf(now))) throw new DomainError('CONFLICT', '该心愿已过截止日期');

      const slot = await takeClaimSlot(ports, me, caller.communityId, wish._id, now);
      if (!slot.taken && slot.reason === 'full') {
        throw new DomainError('LIMIT', `每人最多同时认领${MAX_ACTIVE_CLAIMS}个心愿，请先完成或释放已认领的心愿`);
      }
      // The claim, its notices and its count in the month's review in one round trip; a claim
      // that does not land takes them back.
      const mine = { ...wish, claimerId: me, claimerName: caller.user.name };
      const counted = latestWishEvent({ ...wish, timeline: [...wish.timeline, timelineEvent(actorOf(caller), now, wish.status, 'claimed')] });
      const [claimed, notices] = await Promise.all([
        change(ports, caller, wish, {}, 'claimed', { claimerId: me, claimerName: caller.user.name, claimedAt: now }, requestId),
        noticeClaimed(ports, mine, now),
        countEvents(ports, counted),
      ]);
      if (!claimed) {
        // Someone else claimed it first (or it left `open`): the slot and the notices go back.
        const current = (await ports.store.get<WishDoc>(WISHES, wish._id)) ?? notFound('心愿');
        // A copy of this same request claimed it: its notices are these (each send is reserved once).
        if (current.status === 'claimed' && current.claimerId === me) {
          await notices.send();
          return toDetail(current, viewerOf(caller), now);
        }
        // The count stays when what happened in its place counts the same (another member's claim).
        const same = wishEvents(current).find((e) => e.key === counted.key && JSON.stringify(e.deltas) === JSON.stringify(counted.deltas) && e.month === counted.month);
        await Promise.all([returnClaimSlot(ports, me, wish._id), notices.takeBack(), same ? Promise.resolve(0) : takeBackStats(ports, counted)]);
        throw stateConflict(current.status);
      }
      await notices.send();
      return toDetail(claimed, viewerOf(caller), now);
    },
  }),

  releaseClaim: defineAction<'wishes', 'releaseClaim'>()({
    access: 'member',
    // The reason stays on the wish's public timeline.
    texts: (input) => [{ field: 'reason', label: '释放原因', text: input.reason, scene: SCENES.comment }],
    load: ({ ports }, input) => loadWish(ports, input.wishId),
    async run({ ports, caller, now, requestId }, input, loaded) {
      const wish = wishOf(caller, loaded);
      const me = caller.user._id;
      if (requestId && wish.lastRequestId === requestId) return toDetail(wish, viewerOf(caller), now);
      assertHeldBy(wish, me);
      const fields = { claimerId: null, claimerName: null, claimedAt: null };
      const released =
        (await change(ports, caller, wish, { claimerId: me }, 'open', fields, requestId, `释放原因：${input.reason}`)) ??
        (await refused(ports, wish._id, requestId, (w) => {
          assertHeldBy(w, me);
          throw stateConflict(w.status);
        }));
      await Promise.all([returnClaimSlot(ports, me, wish._id), released.status === 'open' ? countEvents(ports, latestWishEvent(released)) : Promise.resolve(0)]);
      return toDetail(released, viewerOf(caller), now);
    },
  }),

  fulfilWish: defineAction<'wishes', 'fulfilWish'>()({
    access: 'member',
    texts: (input) => [{ field: 'note', label: '圆梦说明', text: input.note, scene: SCENES.log }],
    load: async ({ ports }, input) => {
      const [wish, photos] = await Promise.all([loadWish(ports, input.wishId), Promise.all(input.photos.map((id) => ports.files.exists(id)))]);
      return { wish, missingPhoto: photos.indexOf(false) };
    },
    async run({ ports, caller, openid, now, requestId }, input, { wish: loaded, missingPhoto }) {
      const wish = wishOf(caller, loaded);
      const me = caller.user._id;
      if (requestId && wish.lastRequestId === requestId) return toDetail(wish, viewerOf(caller), now);
      assertHeldBy(wish, me);
      if (missingPhoto >= 0) {
        throw new DomainError('VALIDATION', '图片不存在或已失效，请重新上传', { [`photos.${missingPhoto}`]: '图片不存在或已失效，请重新上传' });
      }
      const fields = { fulfilNote: input.note, fulfilPhotos: upd.set(input.photos), fulfilledAt: now };
      // The proof photos' content checks, recorded with the change that shows them.
      const [changed] = await Promise.all([
        change(ports, caller, wish, { claimerId: me }, 'fulfilled', fields, requestId, input.note),
        recordPhotoChecks(ports, { refType: 'wish', refId: wish._id, communityId: wish.communityId, userId: me, openid, scene: SCENES.log, fileIds: input.photos }, now),
      ]);
      const fulfilled =
        changed ??
        (await refused(ports, wish._id, requestId, (w) => {
          assertHeldBy(w, me);
          throw stateConflict(w.status);
        }));
      await Promise.all([afterFulfilment(ports, fulfilled, me), countEvents(ports, latestWishEvent(fulfilled))]);
      return toDetail(fulfilled, viewerOf(caller), now);
    },
  }),

  confirmWish: defineAction<'wishes', 'confirmWish'>()({
    access: 'registered',
    load: ({ ports }, input) => loadWish(ports, input.wishId),
    async run({ ports, caller, now, requestId }, _input, loaded) {
      const wish = wishOf(caller, loaded);
      if (wish.residentId !== caller.user._id && !isStaffRole(caller.role)) {
        throw new DomainError('FORBIDDEN', '只有心愿本人或社区工作者可以确认圆梦');
      }
      // Confirming twice (a double tap, a retry) answers the confirmed wish and pays nothing more.
      if (wish.status === 'confirmed') return toDetail(wish, viewerOf(caller), now);
      const notYet = (w: WishDoc): never => {
        throw ['pending_review', 'open', 'claimed'].includes(w.status) ? stateConflict(w.status, '心愿尚未圆梦，暂不能确认') : stateConflict(w.status);
      };
      if (wish.status !== 'fulfilled') notYet(wish);
      const [moved, community] = await Promise.all([
        change(ports, caller, wish, {}, 'confirmed', { confirmedAt: now }, requestId),
        ports.store.get<{ _id: string; pointRules?: Partial<PointRules> }>('communities', wish.communityId),
      ]);
      const confirmed =
        moved ??
        (await refused(ports, wish._id, requestId, (w) => {
          if (w.status === 'confirmed') return w as never;
          return notYet(w);
        }));
      if (moved) await Promise.all([afterConfirmation(ports, confirmed, pointRulesOf(community)), countEvents(ports, latestWishEvent(confirmed))]);
      return toDetail(confirmed, viewerOf(caller), now);
    },
  }),
};
