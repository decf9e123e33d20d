import { assertSameCommunity } from '../runtime/access';
import type { Caller } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import type { UserDoc } from '../users/userDoc';
import type { ActivityDoc, SignupDoc } from './activityDocs';

export const isStaff = (caller: Caller) => caller.role === 'staff' || caller.role === 'admin';

/** An activity of the caller's community; residents see it only once its menu is published. */
export const visibleActivity = (caller: Caller, activity: ActivityDoc | null): ActivityDoc => {
  const found = activity ?? notFound('活动');
  assertSameCommunity(caller, found);
  if (!isStaff(caller) && !found.published) throw new DomainError('NOT_FOUND', '活动不存在或尚未发布');
  return found;
};

/**
 * Whose sign-up a request is about: the caller's own, or, for staff (代报名), the resident named
 * by `onBehalfOf` (read beforehand as `named`), recorded as a proxy action.
 */
export const actingFor = (caller: Caller, onBehalfOf: string | undefined, named: UserDoc | null): { user: UserDoc; proxy: boolean } => {
  if (caller.role === 'staff') {
    if (!onBehalfOf) throw new DomainError('VALIDATION', '请选择代报名的居民', { onBehalfOf: '请选择代报名的居民' });
    const user = named ?? notFound('居民');
    assertSameCommunity(caller, user);
    if (user.role !== 'resident' && user.role !== 'member') throw new DomainError('VALIDATION', '只能为本社区居民代报名', { onBehalfOf: '只能为本社区居民代报名' });
    return { user, proxy: true };
  }
  if (caller.role === 'admin') throw new DomainError('FORBIDDEN', '街道管理员不能报名社区活动');
  if (onBehalfOf && onBehalfOf !== caller.user._id) throw new DomainError('FORBIDDEN', '只有社区工作者可以代报名');
  return { user: caller.user, proxy: false };
};

/** A sign-up its own resident or the community's staff may act on. */
export const signupFor = (caller: Caller, signup: SignupDoc | null): SignupDoc => {
  const found = signup ?? notFound('报名记录');
  assertSameCommunity(caller, found);
  if (!isStaff(caller) && found.userId !== caller.user._id) throw new DomainError('FORBIDDEN', '只能操作自己的报名');
  return found;
};
