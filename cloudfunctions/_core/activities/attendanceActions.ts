import { CHECKIN_OPENS_BEFORE_MS, SIGNUP_STATUSES, type SignupStatus } from '../../../types/activities';
import { actorOf, timelineEvent } from '../runtime/timeline';
import { cmd, upd, type Filter } from '../store/port';
import { assertSameCommunity } from '../runtime/access';
import type { ActionSpec, Caller } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import type { Ports } from '../ports';
import type { UserDoc } from '../users/userDoc';
import { loadActivity, loadSignupFor } from './activityAccess';
import { blockIdFor, signupIdFor, type ActivityBlockDoc, type ActivityDoc, type SignupDoc } from './activityDocs';
import { formatMoment } from './activityTime';
import { activityView, blockView, signupView } from './activityViews';

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
  await ports.store.updateWhere(SIGNUPS, { _id: signup._id, status: 'confirmed' }, {
    status: 'checked_in',
    checkedInAt: now,
    updatedAt: now,
    timeline: upd.push(timelineEvent(actorOf(caller), now, 'confirmed', 'checked_in', note)),
  });
  const current = (await ports.store.get<SignupDoc>(SIGNUPS, signup._id)) ?? notFound('报名记录');
  if (current.status !== 'checked_in') throw new DomainError('CONFLICT', NOT_CHECKABLE[current.status] ?? '该报名不能签到');
  return current;
};

const PAGE = 1000;

const waitRank = (s: SignupDoc) => (s.status === 'waitlisted' ? (s.waitlistSeq ?? 0) : 0);

/** Every sign-up of an activity, 1000 a page (CloudBase's cap). */
const allSignups = async (ports: Ports, filter: Filter): Promise<SignupDoc[]> => {
  const out: SignupDoc[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await ports.store.find<SignupDoc>(SIGNUPS, filter, { orderBy: [['createdAt', 'asc'], ['_id', 'asc']], skip, limit: PAGE });
    out.push(...page);
    if (page.length < PAGE) return out;
  }
};

/** Check-in, attendee lists, ratings and no-show blocks. */
export const attendanceActions = {
  listSignups: {
    access: 'staff',
    async run({ ports, caller, now }, input) {
      const { activity } = await loadActivity(ports, caller, input.activityId);
      const all = await allSignups(ports, { activityId: activity._id });
      const counts = Object.fromEntries(SIGNUP_STATUSES.map((s) => [s, 0])) as Record<SignupStatus, number>;
      for (const s of all) counts[s.status]++;
      const items = all
        .filter((s) => !input.status || s.status === input.status)
        // Sign-ups in the order they came, then the waitlist in its arrival order.
        .sort((a, b) => waitRank(a) - waitRank(b) || a.createdAt - b.createdAt);
      return { activity: activityView(activity, now, true), counts, items: items.map(signupView) };
    },
  },

  checkIn: {
    access: 'staff',
    async run({ ports, caller, now }, input) {
      const { activity } = await loadActivity(ports, caller, input.activityId);
      checkCheckinWindow(activity, now);
      const [signup] = await ports.store.find<SignupDoc>(SIGNUPS, { checkinCode: input.code.toUpperCase() }, { limit: 1 });
      if (!signup || signup.activityId !== activity._id) throw new DomainError('NOT_FOUND', '签到码无效或不属于本活动');
      return signupView(await markCheckedIn(ports, caller, signup, now, '工作人员扫码签到'));
    },
  },

  selfCheckIn: {
    access: 'resident',
    async run({ ports, caller, now }, input) {
      const { activity } = await loadActivity(ports, caller, input.activityId);
      checkCheckinWindow(activity, now);
      if (input.code.toUpperCase() !== activity.checkinCode) throw new DomainError('VALIDATION', '活动签到码不正确', { code: '活动签到码不正确' });
      const signup = (await ports.store.get<SignupDoc>(SIGNUPS, signupIdFor(activity._id, caller.user._id))) ?? notFound('您的报名');
      return signupView(await markCheckedIn(ports, caller, signup, now, '扫活动码签到'));
    },
  },

  rateActivity: {
    access: 'resident',
    async run({ ports, caller, now }, input) {
      const signup = await loadSignupFor(ports, caller, input.signupId);
      const refuse = (current: SignupDoc | null) => {
        if (!current) return notFound('报名记录');
        if (current.status !== 'checked_in') throw new DomainError('CONFLICT', '签到后才能评价活动');
        if (current.rating) throw new DomainError('CONFLICT', '您已评价过该活动');
      };
      refuse(signup);
      const rating = { stars: input.stars, comment: input.comment ?? '', at: now };
      // The rating and the activity's totals move together; a second rating finds the first.
      await ports.store.transaction(async (tx) => {
        refuse(await tx.get<SignupDoc>(SIGNUPS, signup._id));
        await tx.updateById(SIGNUPS, signup._id, { rating, updatedAt: now });
        await tx.updateById('activities', signup.activityId, { ratingCount: upd.inc(1), ratingSum: upd.inc(input.stars) });
      });
      return signupView((await ports.store.get<SignupDoc>(SIGNUPS, signup._id)) ?? notFound('报名记录'));
    },
  },

  liftBlock: {
    access: 'staff',
    async run({ ports, caller, now }, input) {
      const user = (await ports.store.get<UserDoc>('users', input.userId)) ?? notFound('居民');
      assertSameCommunity(caller, user);
      const id = blockIdFor(user._id);
      const lifted = await ports.store.updateWhere('activity_blocks', { _id: id, until: cmd.gt(now) }, {
        until: now,
        liftedAt: now,
        liftedBy: caller.user._id,
        timeline: upd.push(timelineEvent(actorOf(caller), now, 'blocked', 'lifted', input.note ?? '')),
      });
      if (lifted === 0) throw new DomainError('CONFLICT', '该居民目前没有报名限制');
      return blockView((await ports.store.get<ActivityBlockDoc>('activity_blocks', id)) ?? notFound('报名限制'), now);
    },
  },

  listBlocks: {
    access: 'staff',
    async run({ ports, caller, now }) {
      const blocks = await ports.store.find<ActivityBlockDoc>('activity_blocks', { communityId: caller.communityId, until: cmd.gt(now) }, { orderBy: [['until', 'asc']], limit: 1000 });
      return { items: blocks.map((b) => blockView(b, now)) };
    },
  },
} satisfies { [A in 'listSignups' | 'checkIn' | 'selfCheckIn' | 'rateActivity' | 'liftBlock' | 'listBlocks']: ActionSpec<'activities', A> };
