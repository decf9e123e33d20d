import { isDuplicateKey } from '../store/port';
import { defineAction, type FunctionSpec } from '../runtime/defineFunction';
import { DomainError } from '../runtime/domainError';
import { keysetPage } from '../store/keyset';
import { cmd, type Filter } from '../store/port';
import { monthOf } from '../time';
import { isStaff, visibleActivity } from './activityAccess';
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
import { activityView, countAhead, menuView, signupView } from './activityViews';
import { cancelSignup, loadForCancel, loadForSignUp, signUp } from './signups';

const PAGE = 20;

/** What residents (and staff on their behalf) do with the month's menu. */
export const signupActions = {
  monthMenu: defineAction<'activities', 'monthMenu'>()({
    access: 'registered',
    load: ({ ports, userId }) =>
      Promise.all([
        ports.store.get<MenuSubscriptionDoc>('activity_subscriptions', subscriptionIdFor(userId)),
        ports.store.get<ActivityBlockDoc>('activity_blocks', blockIdFor(userId)),
      ]),
    async run({ ports, caller, now }, input, [subscription, block]) {
      const month = input.month ?? monthOf(now);
      const staff = isStaff(caller);
      const menuId = menuIdFor(caller.communityId, month);
      // The menu and its activities in one round trip: the menu's id derives from community and month.
      const [menu, activities] = await Promise.all([
        ports.store.get<ActivityMenuDoc>('activity_menus', menuId),
        ports.store.find<ActivityDoc>('activities', { menuId }, { orderBy: [['startAt', 'asc'], ['_id', 'asc']], limit: 1000 }),
      ]);
      const visible = menu && (staff || menu.status === 'published') ? menu : null;
      return {
        month,
        menu: visible ? menuView(visible) : null,
        activities: visible ? activities.map((a) => activityView(a, now, staff)) : [],
        subscribed: subscription?.subscribed ?? false,
        blockedUntil: block && block.until > now ? block.until : null,
      };
    },
  }),

  getActivity: defineAction<'activities', 'getActivity'>()({
    access: 'registered',
    load: ({ ports, userId }, input) =>
      Promise.all([
        ports.store.get<ActivityDoc>('activities', input.activityId),
        ports.store.get<SignupDoc>('activity_signups', signupIdFor(input.activityId, userId)),
        ports.store.count('activity_signups', { activityId: input.activityId, status: 'waitlisted' }),
      ]),
    async run({ ports, caller, now }, _input, [loaded, mine, waitlisted]) {
      const activity = visibleActivity(caller, loaded);
      const ahead = mine ? await countAhead(ports.store, mine) : null;
      return { activity: activityView(activity, now, isStaff(caller)), mySignup: mine ? signupView(mine, ahead) : null, waitlisted };
    },
  }),

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

  signUp: defineAction<'activities', 'signUp'>()({
    access: 'registered',
    load: loadForSignUp,
    async run(ctx, input, loaded) {
      const { signup, ahead } = await signUp(ctx, input, loaded);
      // An existing sign-up answered again: its place in line is counted now.
      return signupView(signup, signup.status === 'waitlisted' && ahead === null ? await countAhead(ctx.ports.store, signup) : ahead);
    },
  }),

  cancelSignup: defineAction<'activities', 'cancelSignup'>()({
    access: 'registered',
    load: loadForCancel,
    run: async (ctx, input, loaded) => signupView(await cancelSignup(ctx, input, loaded)),
  }),

  mySignups: defineAction<'activities', 'mySignups'>()({
    access: 'resident',
    load: ({ ports, userId }, input) => {
      const filter: Filter = { userId };
      if (input.status) filter.status = input.status;
      return keysetPage<SignupDoc>(ports.store, 'activity_signups', filter, [['startAt', 'desc']], input.cursor, PAGE);
    },
    async run({ ports, now }, _input, page) {
      const ids = [...new Set(page.items.map((s) => s.activityId))];
      const [activities, ahead] = await Promise.all([
        ids.length ? ports.store.find<ActivityDoc>('activities', { _id: cmd.in(ids) }, { limit: ids.length }) : Promise.resolve([]),
        Promise.all(page.items.map((s) => countAhead(ports.store, s))),
      ]);
      const byId = new Map(activities.map((a) => [a._id, a]));
      const items = page.items.map((s, i) => {
        const activity = byId.get(s.activityId);
        if (!activity) throw new DomainError('NOT_FOUND', '活动数据缺失，请稍后再试');
        return { ...signupView(s, ahead[i]), activity: activityView(activity, now, false) };
      });
      return { items, nextCursor: page.nextCursor };
    },
  }),
} satisfies Partial<FunctionSpec<'activities'>>;
