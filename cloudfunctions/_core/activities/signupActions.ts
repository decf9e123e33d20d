import { cmd, isDuplicateKey, type Filter } from '../store/port';
import type { ActionSpec } from '../runtime/defineFunction';
import { DomainError } from '../runtime/domainError';
import { monthOf } from '../time';
import { isStaff, loadActivity } from './activityAccess';
import {
  blockIdFor,
  menuIdFor,
  signupIdFor,
  subscriptionIdFor,
  type ActivityBlockDoc,
  type ActivityDoc,
  type ActivityMenuDoc,
  type MenuSubscriptionDoc,
  type SignupDoc,
} from './activityDocs';
import { activityView, menuView, signupView } from './activityViews';
import { cancelSignup, signUp } from './signups';

const PAGE = 20;

/** What residents (and staff on their behalf) do with the month's menu. */
export const signupActions = {
  monthMenu: {
    access: 'registered',
    async run({ ports, caller, now }, input) {
      const month = input.month ?? monthOf(now);
      const staff = isStaff(caller);
      const [menu, subscription, block] = await Promise.all([
        ports.store.get<ActivityMenuDoc>('activity_menus', menuIdFor(caller.communityId, month)),
        ports.store.get<MenuSubscriptionDoc>('activity_subscriptions', subscriptionIdFor(caller.user._id)),
        ports.store.get<ActivityBlockDoc>('activity_blocks', blockIdFor(caller.user._id)),
      ]);
      const visible = menu && (staff || menu.status === 'published') ? menu : null;
      const activities = visible
        ? await ports.store.find<ActivityDoc>('activities', { menuId: visible._id }, { orderBy: [['startAt', 'asc']], limit: 1000 })
        : [];
      return {
        month,
        menu: visible ? menuView(visible) : null,
        activities: activities.map((a) => activityView(a, now, staff)),
        subscribed: subscription?.subscribed ?? false,
        blockedUntil: block && block.until > now ? block.until : null,
      };
    },
  },

  getActivity: {
    access: 'registered',
    async run({ ports, caller, now }, input) {
      const { activity } = await loadActivity(ports, caller, input.activityId);
      const [mine, waitlisted] = await Promise.all([
        ports.store.get<SignupDoc>('activity_signups', signupIdFor(activity._id, caller.user._id)),
        ports.store.count('activity_signups', { activityId: activity._id, status: 'waitlisted' }),
      ]);
      return { activity: activityView(activity, now, isStaff(caller)), mySignup: mine ? signupView(mine) : null, waitlisted };
    },
  },

  subscribeMenus: {
    access: 'registered',
    async run({ ports, caller, now }, input) {
      const _id = subscriptionIdFor(caller.user._id);
      const doc: MenuSubscriptionDoc = { _id, communityId: caller.communityId, userId: caller.user._id, subscribed: input.subscribed, updatedAt: now };
      try {
        await ports.store.insert('activity_subscriptions', doc);
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        await ports.store.updateById('activity_subscriptions', _id, { subscribed: input.subscribed, communityId: caller.communityId, updatedAt: now });
      }
      return { subscribed: input.subscribed };
    },
  },

  signUp: {
    access: 'registered',
    async run(ctx, input) {
      return signupView(await signUp(ctx, input));
    },
  },

  cancelSignup: {
    access: 'registered',
    async run(ctx, input) {
      return signupView(await cancelSignup(ctx, input));
    },
  },

  mySignups: {
    access: 'resident',
    async run({ ports, caller, now }, input) {
      const cursor = input.cursor ?? 0;
      const filter: Filter = { userId: caller.user._id };
      if (input.status) filter.status = input.status;
      const page = await ports.store.find<SignupDoc>('activity_signups', filter, { orderBy: [['startAt', 'desc']], skip: cursor, limit: PAGE + 1 });
      const signups = page.slice(0, PAGE);
      const ids = [...new Set(signups.map((s) => s.activityId))];
      const activities = ids.length ? await ports.store.find<ActivityDoc>('activities', { _id: cmd.in(ids) }, { limit: ids.length }) : [];
      const byId = new Map(activities.map((a) => [a._id, a]));
      const items = signups.map((s) => {
        const activity = byId.get(s.activityId);
        if (!activity) throw new DomainError('INTERNAL', '活动数据缺失，请稍后再试');
        return { ...signupView(s), activity: activityView(activity, now, false) };
      });
      return { items, nextCursor: page.length > PAGE ? cursor + PAGE : null };
    },
  },
} satisfies { [A in 'monthMenu' | 'getActivity' | 'subscribeMenus' | 'signUp' | 'cancelSignup' | 'mySignups']: ActionSpec<'activities', A> };

