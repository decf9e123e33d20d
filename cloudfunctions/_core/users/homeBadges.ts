/**
 * users.homeBadges: the counts on the home tiles (待派单, 待审核, 我的任务 …). Each is one `count`
 * on a declared index (orders: communityId + status, assigneeId + status; wishes: communityId +
 * status, claimerId + status; users: communityId + memberStatus; messages: userId), all in parallel.
 */
import type { HomeBadges } from '../../../types/users';
import type { Ports } from '../ports';
import { cmd } from '../store/port';
import type { Caller } from '../runtime/defineFunction';

const none = async (): Promise<null> => null;

export const homeBadgesOf = async (ports: Ports, caller: Caller): Promise<HomeBadges> => {
  const { store } = ports;
  const me = caller.user._id;
  const community = caller.communityId;
  const staff = caller.role === 'staff';
  const member = caller.role === 'member';
  const [dispatch, wishReview, memberReview, myTasks, taskHall, myClaims, unreadMessages] = await Promise.all([
    staff ? store.count('orders', { communityId: community, status: 'submitted' }) : none(),
    staff ? store.count('wishes', { communityId: community, status: 'pending_review' }) : none(),
    staff ? store.count('users', { communityId: community, memberStatus: 'pending' }) : none(),
    member ? store.count('orders', { assigneeId: me, status: cmd.in(['assigned', 'serving']) }) : none(),
    member ? store.count('orders', { communityId: community, status: 'submitted' }) : none(),
    member ? store.count('wishes', { claimerId: me, status: 'claimed' }) : none(),
    store.count('messages', { userId: me, read: false }),
  ]);
  return { dispatch, wishReview, memberReview, myTasks, taskHall, myClaims, unreadMessages };
};
