import { CHECKIN_OPENS_BEFORE_MS, SIGNUP_STATUSES, type SignupStatus } from '../../../types/activities';
import { actorOf, timelineEvent } from '../runtime/timeline';
import { cmd, upd, type Filter } from '../store/port';
import { scanAll } from '../store/scan';
import { assertSameCommunity } from '../runtime/access';
import { defineAction, type Caller, type FunctionSpec } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import type { Ports } from '../ports';
import type { UserDoc } from '../users/userDoc';
import { signupFor, visibleActivity } from './activityAccess';
import { blockIdFor, signupIdFor, type ActivityBlockDoc, type ActivityDoc, type SignupDoc } from './activityDocs';
import { formatMoment } from './activityTime';
import { activityView, blockView, signupView } from './activityViews';
import { SCENES } from '../security/textCheck';
import { countEvents } from '../stats/countStats';
import { activityRatingEvent } from '../stats/activityStats';

const SIGNUPS = 'activity_signups';

/** From 30 minutes before the start to the end. */
const checkCheckinWindow = (activity: ActivityDoc, now: number) => {
  const opens = activity.startAt - CHECKIN_OPENS_BEFORE_MS;
  if (now < opens) throw new DomainError('CONFLICT', `签到将于${formatMoment(opens)}开始`);
  if (now > activity.endAt) throw new DomainError('CONFLICT', '活动已结束，签到已关闭');
};

const NOT_CHECKABLE: Partial<Record<SignupStatus, string>> = {
  waitlisted: '候补中的报名不能签到',
  cancelled: '该报名已取消',
  no_show: '活动已结束，不能签到',
};

/** confirmed → checked_in, once: checking in again answers the same sign-up. */
const markCheckedIn = async (ports: Ports, caller: Caller, signup: SignupDoc, now: number, note: string): Promise<SignupDoc> => {
  if (signup.status === 'checked_in') return signup;
  if (signup.status !== 'confirmed') throw new DomainError('CONFLICT', NOT_CHECKABLE[signup.status] ?? '该报名不能签到');
  const checked = await ports.store.updateAndReturn<SignupDoc>(SIGNUPS, { _id: signup._id, status: 'confirmed' }, {
    status: 'checked_in',
    checkedInAt: now,
    updatedAt: now,
    timeline: upd.push(timelineEvent(actorOf(caller), now, 'confirmed', 'checked_in', note)),
  });
  if (checked) return checked;
  const current = (await ports.store.get<SignupDoc>(SIGNUPS, signup._id)) ?? notFound('报名记录');
  if (current.status !== 'checked_in') throw new DomainError('CONFLICT', NOT_CHECKABLE[current.status] ?? '该报名不能签到');
  return current;
};

/** A rating counted into the activity's totals, once per sign-up. */
export const tallyRating = (ports: Ports, signup: SignupDoc): Promise<number> =>
  signup.rating
    ? ports.store.updateWhere('activities', { _id: signup.activityId, [`ratings.${signup._id}`]: cmd.exists(false) }, {
        ratingCount: upd.inc(1),
        ratingSum: upd.inc(signup.rating.stars),
        [`ratings.${signup._id}`]: signup.rating.stars,
      })
    : Promise.resolve(0);


const waitRank = (s: SignupDoc) => (s.status === 'waitlisted' ? (s.waitlistSeq ?? 0) : 0);

/** Every sign-up of an activity, 1000 a page (CloudBase's cap), by key. */
const allSignups = async (ports: Ports, filter: Filter): Promise<SignupDoc[]> => {
  const out: SignupDoc[] = [];
  await scanAll<SignupDoc>(ports.store, SIGNUPS, filter, async (page) => {
    out.push(...page);
    return 0;
  });
  return out;
};

/** Check-in, attendee lists, ratings and no-show blocks. */
export const attendanceActions = {
  listSignups: defineAction<'activities', 'listSignups'>()({
    access: 'staff',
    load: ({ ports }, input) => Promise.all([ports.store.get<ActivityDoc>('activities', input.activityId), allSignups(ports, { activityId: input.activityId })]),
    async run({ caller, now }, input, [loaded, all]) {
      const activity = visibleActivity(caller, loaded);
      const counts = Object.fromEntries(SIGNUP_STATUSES.map((s) => [s, 0])) as Record<SignupStatus, number>;
      for (const s of all) counts[s.status]++;
      // Sign-ups in the order they came, then the waitlist in its arrival order.
      const ordered = [...all].sort((a, b) => waitRank(a) - waitRank(b) || a.createdAt - b.createdAt);
      // The live queue, as the resident sees it (countAhead): arrival numbers keep the gaps of
      // those promoted or gone, so staff would read 候补第7位 for the first in line.
      const ahead = new Map(ordered.filter((s) => s.status === 'waitlisted').map((s, i) => [s._id, i]));
      const items = ordered.filter((s) => !input.status || s.status === input.status);
      return { activity: activityView(activity, now, true), counts, items: items.map((s) => signupView(s, ahead.get(s._id) ?? null)) };
    },
  }),

  checkIn: defineAction<'activities', 'checkIn'>()({
    access: 'staff',
    load: ({ ports }, input) =>
      Promise.all([
        ports.store.get<ActivityDoc>('activities', input.activityId),
        ports.store.find<SignupDoc>(SIGNUPS, { checkinCode: input.code.toUpperCase() }, { limit: 1 }),
      ]),
    async run({ ports, caller, now }, _input, [loaded, [signup]]) {
      const activity = visibleActivity(caller, loaded);
      checkCheckinWindow(activity, now);
      if (!signup || signup.activityId !== activity._id) throw new DomainError('NOT_FOUND', '签到码无效或不属于本活动');
      return signupView(await markCheckedIn(ports, caller, signup, now, '工作人员扫码签到'));
    },
  }),

  selfCheckIn: defineAction<'activities', 'selfCheckIn'>()({
    access: 'resident',
    load: ({ ports, userId }, input) =>
      Promise.all([ports.store.get<ActivityDoc>('activities', input.activityId), ports.store.get<SignupDoc>(SIGNUPS, signupIdFor(input.activityId, userId))]),
    async run({ ports, caller, now }, input, [loaded, mine]) {
      const activity = visibleActivity(caller, loaded);
      checkCheckinWindow(activity, now);
      if (input.code.toUpperCase() !== activity.checkinCode) throw new DomainError('VALIDATION', '活动签到码不正确', { code: '活动签到码不正确' });
      const signup = mine ?? notFound('您的报名');
      return signupView(await markCheckedIn(ports, caller, signup, now, '扫活动码签到'));
    },
  }),

  rateActivity: defineAction<'activities', 'rateActivity'>()({
    access: 'resident',
    texts: (input) => [{ field: 'comment', label: '评价内容', text: input.comment, scene: SCENES.comment }],
    rate: { family: 'rating', key: (input) => `signup:${input.signupId}` },
    load: ({ ports }, input) => ports.store.get<SignupDoc>(SIGNUPS, input.signupId),
    async run({ ports, caller, now }, input, loaded) {
      const signup = signupFor(caller, loaded);
      const refuse = (current: SignupDoc) => {
        if (current.status !== 'checked_in') throw new DomainError('CONFLICT', '签到后才能评价活动');
        if (current.rating) throw new DomainError('CONFLICT', '您已评价过该活动');
      };
      refuse(signup);
      const rating = { stars: input.stars, comment: input.comment ?? '', at: now };
      // The rating first (once: a second finds the first), then its count on the activity (once per sign-up).
      const rated = await ports.store.updateAndReturn<SignupDoc>(SIGNUPS, { _id: signup._id, status: 'checked_in', rating: null }, { rating, updatedAt: now });
      if (!rated) {
        refuse((await ports.store.get<SignupDoc>(SIGNUPS, signup._id)) ?? notFound('报名记录'));
        throw new DomainError('CONFLICT', '您已评价过该活动');
      }
      await Promise.all([tallyRating(ports, rated), countEvents(ports, activityRatingEvent(rated))]);
      return signupView(rated);
    },
  }),

  liftBlock: defineAction<'activities', 'liftBlock'>()({
    access: 'staff',
    load: ({ ports }, input) => ports.store.get<UserDoc>('users', input.userId),
    async run({ ports, caller, now }, input, loaded) {
      const user = loaded ?? notFound('居民');
      assertSameCommunity(caller, user);
      const lifted = await ports.store.updateAndReturn<ActivityBlockDoc>('activity_blocks', { _id: blockIdFor(user._id), until: cmd.gt(now) }, {
        until: now,
        liftedAt: now,
        liftedBy: caller.user._id,
        timeline: upd.push(timelineEvent(actorOf(caller), now, 'blocked', 'lifted', input.note ?? '')),
      });
      if (!lifted) throw new DomainError('CONFLICT', '该居民目前没有报名限制');
      return blockView(lifted, now);
    },
  }),

  listBlocks: {
    access: 'staff',
    async run({ ports, caller, now }) {
      const blocks = await ports.store.find<ActivityBlockDoc>('activity_blocks', { communityId: caller.communityId, until: cmd.gt(now) }, { orderBy: [['until', 'asc'], ['_id', 'asc']], limit: 1000 });
      return { items: blocks.map((b) => blockView(b, now)) };
    },
  },
} satisfies Partial<FunctionSpec<'activities'>>;
