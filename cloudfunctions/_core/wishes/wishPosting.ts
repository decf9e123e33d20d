/** Posting a wish, reviewing it, withdrawing it: the steps before anyone claims it. */
import { defineAction, type Caller } from '../runtime/defineFunction';
import { actorOf, timelineEvent } from '../runtime/timeline';
import type { UserDoc } from '../users/userDoc';
import { assertSameCommunity } from '../runtime/access';
import { DomainError } from '../runtime/domainError';
import { stableId } from '../runtime/ids';
import { isDuplicateKey, upd } from '../store/port';
import { dateOf, startOfDate } from '../time';
import { WISHES, type WishDoc } from './wishDocs';
import { reloadWish, stateConflict, viewerOf } from './wishRecords';
import { WITHDRAWABLE, isOwner, isPastDeadline, isStaffRole } from './wishRules';
import { toDetail } from './wishView';
import { deadlineTooFarMessage, latestWishDeadline } from '../../../types/wishes';
import { noticeReviewed } from './wishNotices';
import { recordPhotoChecks } from '../security/mediaChecks';
import { SCENES } from '../security/textCheck';
import { countEvents } from '../stats/countStats';
import { latestWishEvent } from '../stats/wishStats';

/** The resident the wish is for: the caller, or the resident staff post for (代发心愿). */
const beneficiaryFor = (caller: Caller, onBehalfOf: string | undefined, named: UserDoc | null): UserDoc => {
  if (caller.role === 'resident' || caller.role === 'member') {
    if (onBehalfOf && onBehalfOf !== caller.user._id) throw new DomainError('FORBIDDEN', '只有社区工作者可以代发心愿');
    return caller.user;
  }
  if (caller.role !== 'staff') throw new DomainError('FORBIDDEN', '您的身份无权进行此操作');
  if (!onBehalfOf) throw new DomainError('VALIDATION', '请选择代发心愿的居民', { onBehalfOf: '请选择代发心愿的居民' });
  const resident = named;
  if (!resident) throw new DomainError('NOT_FOUND', '所选居民不存在');
  assertSameCommunity(caller, resident);
  if (resident.role !== 'resident' && resident.role !== 'member') {
    throw new DomainError('VALIDATION', '只能为本社区居民代发心愿', { onBehalfOf: '只能为本社区居民代发心愿' });
  }
  return resident;
};

const wishOf = (caller: Caller, wish: WishDoc | null): WishDoc => {
  if (!wish) throw new DomainError('NOT_FOUND', '心愿不存在');
  assertSameCommunity(caller, wish);
  return wish;
};

/** The form checks the format; the date itself is checked here, against the server's clock. */
const checkDeadline = (deadline: string, now: number): void => {
  if (dateOf(startOfDate(deadline)) !== deadline) {
    throw new DomainError('VALIDATION', '截止日期不存在，请重新选择', { deadline: '截止日期不存在，请重新选择' });
  }
  if (isPastDeadline(deadline, dateOf(now))) {
    throw new DomainError('VALIDATION', '截止日期不能早于今天', { deadline: '截止日期不能早于今天' });
  }
  const today = dateOf(now);
  if (deadline > latestWishDeadline(today)) {
    const message = deadlineTooFarMessage(today);
    throw new DomainError('VALIDATION', message, { deadline: message });
  }
};

export const wishPosting = {
  postWish: defineAction<'wishes', 'postWish'>()({
    access: 'registered',
    texts: (input) => [
      { field: 'title', label: '心愿标题', text: input.title, scene: SCENES.post },
      { field: 'content', label: '心愿内容', text: input.content, scene: SCENES.post },
    ],
    rate: { family: 'wish', key: (_input, requestId) => `wish:${requestId ?? ''}` },
    // The same caller and request id always name the same wish: a retry answers the first one.
    load: async ({ ports, userId, requestId }, input) => {
      const [existing, named, found] = await Promise.all([
        requestId ? ports.store.get<WishDoc>(WISHES, stableId('wish', userId, requestId)) : Promise.resolve(null),
        input.onBehalfOf ? ports.store.get<UserDoc>('users', input.onBehalfOf) : Promise.resolve(null),
        Promise.all((input.photos ?? []).map((id) => ports.files.exists(id))),
      ]);
      return { existing, named, missingPhoto: found.indexOf(false) };
    },
    async run({ ports, caller, openid, now, requestId }, input, { existing, named, missingPhoto }) {
      if (!requestId) throw new DomainError('VALIDATION', '缺少请求编号，请刷新后重试');
      const viewer = viewerOf(caller);
      const _id = stableId('wish', caller.user._id, requestId);
      const resident = beneficiaryFor(caller, input.onBehalfOf, named);
      if (existing) return toDetail(existing, viewer, now);
      checkDeadline(input.deadline, now);
      const photos = input.photos ?? [];
      if (missingPhoto >= 0) {
        throw new DomainError('VALIDATION', '图片不存在或已失效，请重新上传', { [`photos.${missingPhoto}`]: '图片不存在或已失效，请重新上传' });
      }
      const proxy = resident._id !== caller.user._id;
      const wish: WishDoc = {
        _id,
        communityId: resident.communityId,
        residentId: resident._id,
        residentName: resident.name,
        residentPhone: resident.phone,
        postedBy: caller.user._id,
        postedByName: caller.user.name,
        proxy,
        requestId,
        beneficiaryType: input.beneficiaryType,
        kind: input.kind,
        title: input.title,
        content: input.content,
        value: input.value,
        photos,
        deadline: input.deadline,
        status: 'pending_review',
        rejectReason: '',
        reviewedBy: null,
        reviewedAt: null,
        claimerId: null,
        claimerName: null,
        claimedAt: null,
        fulfilNote: '',
        fulfilPhotos: [],
        fulfilledAt: null,
        confirmedAt: null,
        // No name here: the timeline is public once the wish is on the wall.
        timeline: [timelineEvent(actorOf(caller), now, null, 'pending_review', proxy ? '社区代发布' : '')],
        createdAt: now,
        updatedAt: now,
      };
      // The photos' checks first: a wish is never shown with a photo nobody will check.
      await recordPhotoChecks(ports, { refType: 'wish', refId: _id, communityId: wish.communityId, userId: caller.user._id, openid, scene: SCENES.post, fileIds: photos }, now);
      try {
        await ports.store.insert(WISHES, wish);
        await countEvents(ports, latestWishEvent(wish));
        return toDetail(wish, viewer, now);
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        return toDetail(await reloadWish(ports, _id), viewer, now);
      }
    },
  }),

  reviewWish: defineAction<'wishes', 'reviewWish'>()({
    access: 'staff',
    load: ({ ports }, input) => ports.store.get<WishDoc>(WISHES, input.wishId),
    async run({ ports, caller, now }, input, loaded) {
      if (!input.approve && !input.reason) throw new DomainError('VALIDATION', '请填写不通过的原因', { reason: '请填写不通过的原因' });
      const wish = wishOf(caller, loaded);
      if (wish.status !== 'pending_review') throw stateConflict(wish.status, '该心愿已审核或已撤回，请刷新后查看');
      if (input.approve && isPastDeadline(wish.deadline, dateOf(now))) {
        throw new DomainError('CONFLICT', '该心愿已过截止日期，不能通过审核');
      }
      const to = input.approve ? 'open' : 'rejected';
      const reason = input.approve ? '' : (input.reason ?? '');
      const reviewed = await ports.store.updateAndReturn<WishDoc>(
        WISHES,
        { _id: wish._id, status: 'pending_review' },
        {
          status: to,
          rejectReason: reason,
          reviewedBy: caller.user._id,
          reviewedAt: now,
          updatedAt: now,
          timeline: upd.push(timelineEvent(actorOf(caller), now, 'pending_review', to, reason)),
        },
      );
      if (!reviewed) throw stateConflict(wish.status, '该心愿已审核或已撤回，请刷新后查看');
      await Promise.all([noticeReviewed(ports, reviewed, now), countEvents(ports, latestWishEvent(reviewed))]);
      return toDetail(reviewed, viewerOf(caller), now);
    },
  }),

  withdrawWish: defineAction<'wishes', 'withdrawWish'>()({
    access: 'registered',
    load: ({ ports }, input) => ports.store.get<WishDoc>(WISHES, input.wishId),
    async run({ ports, caller, now }, input, loaded) {
      const wish = wishOf(caller, loaded);
      const viewer = viewerOf(caller);
      if (!isOwner(viewer, wish) && !isStaffRole(caller.role)) throw new DomainError('FORBIDDEN', '只有发布人可以撤回心愿');
      const refuse = (status: WishDoc['status']) =>
        status === 'claimed' ? stateConflict(status, '该心愿已被认领，不能撤回') : stateConflict(status);
      if (!WITHDRAWABLE.includes(wish.status)) throw refuse(wish.status);
      // Guarded by the state we read: a claim landing in between makes this modify nothing.
      const withdrawn = await ports.store.updateAndReturn<WishDoc>(
        WISHES,
        { _id: wish._id, status: wish.status },
        {
          status: 'withdrawn',
          updatedAt: now,
          timeline: upd.push(timelineEvent(actorOf(caller), now, wish.status, 'withdrawn', input.reason ?? '')),
        },
      );
      if (!withdrawn) {
        const current = await reloadWish(ports, wish._id);
        if (current.status === 'withdrawn') return toDetail(current, viewer, now);
        throw refuse(current.status);
      }
      await countEvents(ports, latestWishEvent(withdrawn));
      return toDetail(withdrawn, viewer, now);
    },
  }),
};
