import type { Ports } from '../ports';
import { messageIdOf, notifyAll } from '../messages/notify';
import type { WishDoc } from './wishDocs';

type Recipients = Pick<WishDoc, 'residentId' | 'postedBy' | 'proxy'>;

/** The beneficiary, and the staff member who posted for them (an elderly resident may not read messages). */
const ownersOf = (wish: Recipients): string[] =>
  wish.proxy && wish.postedBy !== wish.residentId ? [wish.residentId, wish.postedBy] : [wish.residentId];

/** One notice per recipient, in one round trip; `at` is the time of the event they are about. */
const tell = (ports: Ports, wish: WishDoc, userIds: string[], kind: string, title: string, body: string, at: number, key?: string) =>
  notifyAll(
    ports,
    userIds.map((userId) => ({ communityId: wish.communityId, userId, kind, title, body, refType: 'wish', refId: wish._id, at, key })),
  );

/** The ids of the claim notices `noticeClaimed` writes, to take them back if the claim did not land. */
export const claimedNoticeIds = (wish: WishDoc, at: number) =>
  ownersOf(wish).map((userId) => messageIdOf({ userId, kind: 'wish_claimed', refId: wish._id, at, key: wish.claimerId ?? '' }));

export const noticeClaimed = (ports: Ports, wish: WishDoc, at: number) =>
  tell(ports, wish, ownersOf(wish), 'wish_claimed', '心愿已被认领', `您的心愿“${wish.title}”已由${wish.claimerName ?? '党员志愿者'}认领，请保持电话畅通。`, at, wish.claimerId ?? '');

export const noticeFulfilled = (ports: Ports, wish: WishDoc, at: number) =>
  tell(ports, wish, ownersOf(wish), 'wish_fulfilled', '心愿已圆梦', `${wish.claimerName ?? '党员志愿者'}已完成您的心愿“${wish.title}”，请确认收到。`, at);

export const noticeReviewed = (ports: Ports, wish: WishDoc, at: number) =>
  wish.status === 'open'
    ? tell(ports, wish, [wish.residentId], 'wish_approved', '心愿已通过审核', `您的心愿“${wish.title}”已通过审核，正在等待认领。`, at)
    : tell(ports, wish, [wish.residentId], 'wish_rejected', '心愿未通过审核', `您的心愿“${wish.title}”未通过审核：${wish.rejectReason}`, at);

export const noticeAutoReleased = (ports: Ports, wish: WishDoc, claimerId: string, at: number) =>
  tell(ports, wish, [claimerId], 'wish_auto_released', '心愿认领已自动释放', `您认领的心愿“${wish.title}”超过14天未完成，系统已自动释放。`, at);
