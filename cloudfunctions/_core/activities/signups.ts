/**
 * Signing up and cancelling. One sign-up per account and activity (deterministic id); places are
 * held on the activity (seats.ts); the waitlist is ordered by numbers handed out by one guarded
 * increment on the activity, which answers the new number in the same round trip.
 */
import type { Attendee, SignUpInput } from '../../../types/activities';
import { actorOf, timelineEvent } from '../runtime/timeline';
import { cmd, isDuplicateKey, upd } from '../store/port';
import type { Caller, CallerContext, LoadContext } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import type { Ports } from '../ports';
import type { UserDoc } from '../users/userDoc';
import { actingFor, visibleActivity } from './activityAccess';
import { randomCode } from './activityCodes';
import { blockIdFor, signupIdFor, type ActivityBlockDoc, type ActivityDoc, type SignupDoc } from './activityDocs';
import { formatMoment } from './activityTime';
import { confirmPromotion, fillFromWaitlist, handOverSeat, nextThatFits, releaseSeat, reserveSeat, waitingQueue } from './seats';

const SIGNUPS = 'activity_signups';

const ageRange = (a: ActivityDoc) =>
  a.ageMin != null && a.ageMax != null ? `${a.ageMin}–${a.ageMax}岁` : a.ageMin != null ? `${a.ageMin}岁及以上` : `${a.ageMax}岁及以下`;

/** Every attendee must be within the activity's audience (四点半课堂: 6–12). */
const checkAges = (activity: ActivityDoc, attendees: Attendee[]) => {
  const fields: Record<string, string> = {};
  attendees.forEach((a, i) => {
    if ((activity.ageMin != null && a.age < activity.ageMin) || (activity.ageMax != null && a.age > activity.ageMax)) {
      fields[`attendees.${i}.age`] = `本活动面向${ageRange(activity)}的居民`;
    }
  });
  const first = Object.values(fields)[0];
  if (first) throw new DomainError('VALIDATION', first, fields);
};

const checkWindow = (activity: ActivityDoc, now: number) => {
  if (now < activity.signupOpensAt) throw new DomainError('CONFLICT', `报名尚未开始，${formatMoment(activity.signupOpensAt)}开放报名`);
  if (now >= activity.signupClosesAt) throw new DomainError('CONFLICT', '报名已截止');
};

const checkBlock = (block: ActivityBlockDoc | null, now: number) => {
  if (block && block.until > now) {
    throw new DomainError('FORBIDDEN', `因多次报名后未到场，${formatMoment(block.until)}前暂不能报名新活动`);
  }
};

interface Attempt {
  caller: Caller;
  user: UserDoc;
  proxy: boolean;
  activity: ActivityDoc;
  attendees: Attendee[];
  volunteer: boolean;
  now: number;
}

/** The fields a (re)joining sign-up takes; a re-join keeps its id, code and history. */
const joinFields = (t: Attempt, status: 'confirmed' | 'waitlisted', seatToken: string | null, waitlistSeq: number | null) => ({
  attendees: t.attendees,
  volunteer: t.volunteer,
  status,
  waitlistSeq,
  seatToken,
  confirmedAt: status === 'confirmed' ? t.now : null,
  promotedAt: null,
  reminded: false,
  proxy: t.proxy,
  proxyBy: t.proxy ? t.caller.user._id : null,
  cancelReason: '',
  updatedAt: t.now,
});

const newSignup = (t: Attempt, id: string, status: 'confirmed' | 'waitlisted', seatToken: string | null, waitlistSeq: number | null): SignupDoc => ({
  _id: id,
  communityId: t.activity.communityId,
  activityId: t.activity._id,
  userId: t.user._id,
  userName: t.user.name,
  phone: t.user.phone,
  checkinCode: randomCode(),
  startAt: t.activity.startAt,
  checkedInAt: null,
  noShowAt: null,
  rating: null,
  timeline: [timelineEvent(actorOf(t.caller), t.now, null, status, t.proxy ? '社区代报名' : '')],
  createdAt: t.now,
  ...joinFields(t, status, seatToken, waitlistSeq),
});

/**
 * Writes the sign-up for a place held (or a waitlist number): a new document, or the cancelled one
 * brought back. Answers it, or null when a concurrent copy of the request wrote it first.
 */
const writeSignup = async (ports: Ports, t: Attempt, id: string, previous: SignupDoc | null, status: 'confirmed' | 'waitlisted', seatToken: string | null, seq: number | null): Promise<SignupDoc | null> => {
  if (previous) {
    return ports.store.updateAndReturn<SignupDoc>(SIGNUPS, { _id: id, status: 'cancelled' }, {
      ...joinFields(t, status, seatToken, seq),
      timeline: upd.push(timelineEvent(actorOf(t.caller), t.now, 'cancelled', status, t.proxy ? '社区代重新报名' : '重新报名')),
    });
  }
  // A clash of random check-in codes (unique index) is retried with a new code.
  for (let attempt = 0; attempt < 3; attempt++) {
    const doc = newSignup(t, id, status, seatToken, seq);
    try {
      await ports.store.insert(SIGNUPS, doc);
      return doc;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      if (await ports.store.get(SIGNUPS, id)) return null;
    }
  }
  throw new DomainError('CONFLICT', '报名人数较多，请稍后重试');
};

/** Takes the next waitlist number: one guarded increment that answers it, with the activity as it now is. */
const nextWaitlistNumber = async (ports: Ports, activity: ActivityDoc): Promise<ActivityDoc> => {
  const after = await ports.store.updateAndReturn<ActivityDoc>('activities', { _id: activity._id, waitlist: true }, { waitlistSeq: upd.inc(1) });
  if (!after) throw new DomainError('FULL', '名额已满');
  return after;
};

/** A sign-up, and while it waits how many wait before it (counted in the same round trip as its write). */
export type SignUpResult = { signup: SignupDoc; ahead: number | null };

/** What a sign-up reads before anything is decided, in the round trip that reads the caller. */
export const loadForSignUp = ({ ports, userId }: LoadContext, input: SignUpInput) => {
  const forUser = input.onBehalfOf ?? userId;
  return Promise.all([
    ports.store.get<ActivityDoc>('activities', input.activityId),
    ports.store.get<SignupDoc>(SIGNUPS, signupIdFor(input.activityId, forUser)),
    ports.store.get<ActivityBlockDoc>('activity_blocks', blockIdFor(forUser)),
    input.onBehalfOf ? ports.store.get<UserDoc>('users', input.onBehalfOf) : Promise.resolve(null),
    ports.store.count(SIGNUPS, { activityId: input.activityId, status: 'waitlisted' }),
  ]);
};

export type SignUpLoad = Awaited<ReturnType<typeof loadForSignUp>>;

export const signUp = async (ctx: CallerContext, input: SignUpInput, loaded: SignUpLoad): Promise<SignUpResult> => {
  const signup = await signUpOnce(ctx, input, loaded);
  return 'signup' in signup ? signup : { signup, ahead: null };
};

const signUpOnce = async (ctx: CallerContext, input: SignUpInput, [loadedActivity, previous, block, named, waiting]: SignUpLoad): Promise<SignupDoc | SignUpResult> => {
  const { ports, caller, now } = ctx;
  const { user, proxy } = actingFor(caller, input.onBehalfOf, named);
  const activity = visibleActivity(caller, loadedActivity);
  if (!activity.published) throw new DomainError('CONFLICT', '活动菜单尚未发布，暂不能报名');
  const id = signupIdFor(activity._id, user._id);
  // Signing up again answers the sign-up that exists.
  if (previous && previous.status !== 'cancelled') return previous;

  checkWindow(activity, now);
  const volunteer = input.volunteer === true;
  if (volunteer && user.role !== 'member') throw new DomainError('FORBIDDEN', '只有党员志愿者可以报名志愿服务');
  if (!volunteer) checkAges(activity, input.attendees);
  checkBlock(block, now);

  const t: Attempt = { caller, user, proxy, activity, attendees: input.attendees, volunteer, now };
  const settle = async (status: 'confirmed' | 'waitlisted', token: string | null, seq: number | null) =>
    (await writeSignup(ports, t, id, previous, status, token, seq)) ?? (await ports.store.get<SignupDoc>(SIGNUPS, id)) ?? notFound('报名记录');
  // Volunteers serve the activity: they take no attendee place.
  if (volunteer) return settle('confirmed', null, null);

  const n = input.attendees.length;
  /** Writes the confirmed sign-up for places held; copies of one request settle on one sign-up. */
  const confirmWith = async (token: string, reservedHere: boolean): Promise<SignupDoc> => {
    const written = await writeSignup(ports, t, id, previous, 'confirmed', token, null);
    if (written) return written;
    const current = (await ports.store.get<SignupDoc>(SIGNUPS, id)) ?? notFound('报名记录');
    if (current.status === 'waitlisted') {
      // A copy of this request queued while this one held the places: the places are its.
      const upgraded = await ports.store.updateAndReturn<SignupDoc>(SIGNUPS, { _id: id, status: 'waitlisted' }, {
        status: 'confirmed',
        seatToken: token,
        waitlistSeq: null,
        confirmedAt: now,
        updatedAt: now,
      });
      if (upgraded) return upgraded;
    }
    if (reservedHere && current.seatToken !== token) await releaseSeat(ports, activity._id, id, token, n);
    return (await ports.store.get<SignupDoc>(SIGNUPS, id)) ?? current;
  };
  // Nobody jumps the queue: while anyone waits, newcomers join the waitlist behind them.
  const room = waiting === 0 && activity.confirmedCount + n <= activity.capacity;
  const reserved = room ? await reserveSeat(ports, activity, id, n, now) : null;
  if (reserved) return confirmWith(reserved.token, true);
  if (room) {
    // The room went meanwhile, or a copy of this same request holds it.
    const held = (await ports.store.get<ActivityDoc>('activities', activity._id))?.holders?.[id];
    if (held) return confirmWith(held.token, false);
  }
  if (!activity.waitlist) throw new DomainError('FULL', '名额已满');
  const numbered = await nextWaitlistNumber(ports, activity);
  const seq = numbered.waitlistSeq;
  const [joined, ahead] = await Promise.all([
    settle('waitlisted', null, seq),
    ports.store.count(SIGNUPS, { activityId: activity._id, status: 'waitlisted', waitlistSeq: cmd.lt(seq) }),
  ]);
  // Places came free while this one queued (a cancellation found no one waiting yet): fill them.
  if (joined.status === 'waitlisted' && numbered.confirmedCount + n <= numbered.capacity) {
    await fillFromWaitlist(ports, activity._id, now);
    const latest = (await ports.store.get<SignupDoc>(SIGNUPS, id)) ?? joined;
    return { signup: latest, ahead: latest.status === 'waitlisted' ? ahead : null };
  }
  return { signup: joined, ahead: joined.status === 'waitlisted' ? ahead : null };
};

/** What a cancellation reads first: the sign-up, its activity and the head of the waitlist. */
export const loadForCancel = async ({ ports }: LoadContext, input: { signupId: string; activityId?: string }) => {
  const around = (activityId: string) => Promise.all([ports.store.get<ActivityDoc>('activities', activityId), waitingQueue(ports, activityId)]);
  if (input.activityId) {
    const [signup, [activity, queue]] = await Promise.all([ports.store.get<SignupDoc>(SIGNUPS, input.signupId), around(input.activityId)]);
    if (!signup || signup.activityId === input.activityId) return { signup, activity, queue };
  }
  // Without the activity (or with a wrong one) the sign-up is read first.
  const signup = await ports.store.get<SignupDoc>(SIGNUPS, input.signupId);
  if (!signup) return { signup, activity: null, queue: [] as SignupDoc[] };
  const [activity, queue] = await around(signup.activityId);
  return { signup, activity, queue };
};

export type CancelLoad = Awaited<ReturnType<typeof loadForCancel>>;

/**
 * Cancels a sign-up. A confirmed one hands its places straight to the first in line who fits, in
 * one update on the activity; the cancelled sign-up, the promoted one and the promoted resident's
 * notice are written in the next round trip. When the queue moved meanwhile, the places are
 * released and the waitlist is filled step by step.
 */
export const cancelSignup = async ({ ports, caller, now }: CallerContext, input: { signupId: string; reason?: string }, loaded: CancelLoad): Promise<SignupDoc> => {
  const signup = loaded.signup ?? notFound('报名记录');
  if (signup.communityId !== caller.communityId && caller.role !== 'admin') throw new DomainError('FORBIDDEN', '无权访问其他社区的数据');
  const staff = caller.role === 'staff' || caller.role === 'admin';
  if (!staff && signup.userId !== caller.user._id) throw new DomainError('FORBIDDEN', '只能操作自己的报名');
  const activity = loaded.activity ?? notFound('活动');
  const proxy = signup.userId !== caller.user._id;

  if (signup.status === 'cancelled') {
    // Repeating a cancellation finishes one that stopped half-way, and changes nothing else.
    if (signup.seatToken && (await releaseSeat(ports, activity._id, signup._id, signup.seatToken, signup.attendees.length))) {
      await fillFromWaitlist(ports, activity._id, now);
    }
    return signup;
  }
  if (signup.status === 'checked_in') throw new DomainError('CONFLICT', '已签到的报名不能取消');
  if (signup.status === 'no_show') throw new DomainError('CONFLICT', '活动已结束，不能取消');
  if (signup.status === 'confirmed' && now >= activity.cancelDeadline) {
    throw new DomainError('CONFLICT', `已过取消截止时间（${formatMoment(activity.cancelDeadline)}）`);
  }
  if (now >= activity.startAt) throw new DomainError('CONFLICT', '活动已开始，不能取消');

  const from = signup.status;
  const note = [proxy ? '社区代取消' : '', input.reason ?? ''].filter(Boolean).join('：');
  const cancelSelf = () =>
    ports.store.updateAndReturn<SignupDoc>(SIGNUPS, { _id: signup._id, status: from }, {
      status: 'cancelled',
      cancelReason: input.reason ?? '',
      updatedAt: now,
      timeline: upd.push(timelineEvent(actorOf(caller), now, from, 'cancelled', note)),
    });
  // A guard that failed: a repeat of this cancellation answers the cancelled sign-up.
  const changed = async (): Promise<SignupDoc> => {
    const current = (await ports.store.get<SignupDoc>(SIGNUPS, signup._id)) ?? notFound('报名记录');
    if (current.status === 'cancelled') return current;
    throw new DomainError('CONFLICT', '报名状态已变化，请刷新后重试');
  };

  const held = activity.holders[signup._id];
  if (from === 'waitlisted' || signup.volunteer || !signup.seatToken || !held || held.token !== signup.seatToken) {
    return (await cancelSelf()) ?? changed();
  }
  const mine = { signupId: signup._id, token: signup.seatToken, n: signup.attendees.length };
  const free = activity.capacity - activity.confirmedCount + mine.n;
  const head = nextThatFits(loaded.queue.filter((s) => !activity.holders[s._id]), free);
  const headToken = head ? await handOverSeat(ports, activity, mine, { signupId: head._id, n: head.attendees.length }, now) : null;
  if (head && headToken) {
    const [cancelled] = await Promise.all([cancelSelf(), confirmPromotion(ports, { ...activity }, head, headToken, now)]);
    return cancelled ?? changed();
  }
  // Nobody waiting who fits, or the queue moved: give the places back, then fill step by step.
  const released = await releaseSeat(ports, activity._id, mine.signupId, mine.token, mine.n);
  const cancelled = await cancelSelf();
  if (released && (released.confirmedCount < released.capacity) && loaded.queue.length > 0) await fillFromWaitlist(ports, activity._id, now);
  return cancelled ?? changed();
};
