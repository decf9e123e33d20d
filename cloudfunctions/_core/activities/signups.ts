/**
 * Signing up and cancelling. One sign-up per account and activity (deterministic id); places are
 * held through the guarded reservations of `seats.ts`; the waitlist is ordered by arrival numbers
 * drawn in a transaction from a per-activity counter.
 */
import type { Attendee, SignupStatus, SignUpInput } from '../../../types/activities';
import { actorOf, timelineEvent } from '../runtime/timeline';
import { isDuplicateKey, upd, type Transaction } from '../store/port';
import type { Caller, CallerContext } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import type { Ports } from '../ports';
import type { UserDoc } from '../users/userDoc';
import { actingFor, loadActivity, loadSignupFor } from './activityAccess';
import { randomCode } from './activityCodes';
import {
  HOLDING_STATUSES,
  blockIdFor,
  signupIdFor,
  waitlistCounterIdFor,
  type ActivityBlockDoc,
  type ActivityDoc,
  type SignupDoc,
  type WaitlistCounterDoc,
} from './activityDocs';
import { formatMoment } from './activityTime';
import { existingSeat, fillFromWaitlist, releaseHold, releaseSeat, reserveSeat } from './seats';

const SIGNUPS = 'activity_signups';
const HOLDS_PLACE: ReadonlySet<SignupStatus> = new Set(HOLDING_STATUSES);

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

const checkBlock = async (ports: Ports, user: UserDoc, now: number) => {
  const block = await ports.store.get<ActivityBlockDoc>('activity_blocks', blockIdFor(user._id));
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
 * Writes the confirmed sign-up for a place already held (or for a volunteer, who holds none).
 * Answers the sign-up, or null when a concurrent copy of the request wrote it first.
 */
const writeConfirmed = async (ports: Ports, t: Attempt, id: string, previous: SignupDoc | null, seatToken: string | null): Promise<SignupDoc | null> => {
  if (previous) {
    const rejoined = await ports.store.updateWhere(SIGNUPS, { _id: id, status: 'cancelled' }, {
      ...joinFields(t, 'confirmed', seatToken, null),
      timeline: upd.push(timelineEvent(actorOf(t.caller), t.now, 'cancelled', 'confirmed', '重新报名')),
    });
    return rejoined === 1 ? ports.store.get<SignupDoc>(SIGNUPS, id) : null;
  }
  // A clash of random check-in codes (unique index) is retried with a new code.
  for (let attempt = 0; attempt < 3; attempt++) {
    const doc = newSignup(t, id, 'confirmed', seatToken, null);
    try {
      await ports.store.insert(SIGNUPS, doc);
      return doc;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      if (await ports.store.get(SIGNUPS, id)) return null;
    }
  }
  throw new DomainError('INTERNAL');
};

/** Draws the next arrival number and writes the waitlisted sign-up, atomically. */
const joinWaitlist = async (ports: Ports, t: Attempt, id: string): Promise<SignupDoc> => {
  const counterId = waitlistCounterIdFor(t.activity._id);
  const run = async (tx: Transaction): Promise<SignupDoc> => {
    const current = await tx.get<SignupDoc>(SIGNUPS, id);
    if (current && current.status !== 'cancelled') return current;
    const counter = await tx.get<WaitlistCounterDoc>('activity_waitlist_counters', counterId);
    const seq = (counter?.value ?? 0) + 1;
    if (counter) await tx.updateById('activity_waitlist_counters', counterId, { value: seq });
    else await tx.insert('activity_waitlist_counters', { _id: counterId, activityId: t.activity._id, value: seq });
    if (current) {
      await tx.updateById(SIGNUPS, id, {
        ...joinFields(t, 'waitlisted', null, seq),
        timeline: upd.push(timelineEvent(actorOf(t.caller), t.now, 'cancelled', 'waitlisted', '重新报名')),
      });
      return { ...current, ...joinFields(t, 'waitlisted', null, seq) };
    }
    const doc = newSignup(t, id, 'waitlisted', null, seq);
    await tx.insert(SIGNUPS, doc);
    return doc;
  };
  // Two first arrivals may both create the counter (CloudBase reports a duplicate, not a conflict).
  for (let attempt = 0; ; attempt++) {
    try {
      return await ports.store.transaction(run);
    } catch (e) {
      if (!isDuplicateKey(e) || attempt >= 3) throw e;
    }
  }
};

export const signUp = async (ctx: CallerContext, input: SignUpInput): Promise<SignupDoc> => {
  const { ports, caller, now } = ctx;
  const { user, proxy } = await actingFor(ctx, input.onBehalfOf);
  const { activity, menu } = await loadActivity(ports, caller, input.activityId);
  if (menu.status !== 'published') throw new DomainError('CONFLICT', '活动菜单尚未发布，暂不能报名');
  const id = signupIdFor(activity._id, user._id);
  const previous = await ports.store.get<SignupDoc>(SIGNUPS, id);
  // Signing up again answers the sign-up that exists.
  if (previous && previous.status !== 'cancelled') return previous;

  checkWindow(activity, now);
  const volunteer = input.volunteer === true;
  if (volunteer && user.role !== 'member') throw new DomainError('FORBIDDEN', '只有党员志愿者可以报名志愿服务');
  if (!volunteer) checkAges(activity, input.attendees);
  await checkBlock(ports, user, now);

  const t: Attempt = { caller, user, proxy, activity, attendees: input.attendees, volunteer, now };
  // A re-join first finishes a cancellation that stopped before handing its place back.
  if (previous) await releaseSeat(ports, previous);
  // Volunteers serve the activity: they take no attendee place.
  if (volunteer) return (await writeConfirmed(ports, t, id, previous, null)) ?? (await ports.store.get<SignupDoc>(SIGNUPS, id)) ?? notFound('报名记录');

  const n = input.attendees.length;
  // Nobody jumps the queue: while anyone waits, newcomers join the waitlist behind them.
  const queueEmpty = (await ports.store.count(SIGNUPS, { activityId: activity._id, status: 'waitlisted' })) === 0;
  let token = queueEmpty ? await reserveSeat(ports, activity, id, n) : null;
  let reservedHere = token !== null;
  if (!token) {
    const held = await existingSeat(ports, activity._id, id, n);
    if (held === 'mismatch') throw new DomainError('CONFLICT', '您的报名正在处理中，请稍后刷新查看');
    token = held;
    reservedHere = false;
  }

  if (token) {
    const written = await writeConfirmed(ports, t, id, previous, token);
    if (written) return written;
    // A concurrent copy of this request wrote the sign-up first.
    const current = (await ports.store.get<SignupDoc>(SIGNUPS, id)) ?? notFound('报名记录');
    if (reservedHere && (current.seatToken !== token || !HOLDS_PLACE.has(current.status))) {
      await releaseHold(ports, activity._id, id, token, n);
      await fillFromWaitlist(ports, activity._id, now);
      return (await ports.store.get<SignupDoc>(SIGNUPS, id)) ?? current;
    }
    return current;
  }

  if (!activity.waitlist) throw new DomainError('FULL', '名额已满');
  const joined = await joinWaitlist(ports, t, id);
  if (joined.status !== 'waitlisted') return joined;
  await fillFromWaitlist(ports, activity._id, now);
  return (await ports.store.get<SignupDoc>(SIGNUPS, id)) ?? joined;
};

export const cancelSignup = async ({ ports, caller, now }: CallerContext, input: { signupId: string; reason?: string }): Promise<SignupDoc> => {
  let signup = await loadSignupFor(ports, caller, input.signupId);
  const proxy = signup.userId !== caller.user._id;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (signup.status === 'cancelled') {
      // Repeating a cancellation finishes one that stopped half-way, and changes nothing else.
      if (await releaseSeat(ports, signup)) await fillFromWaitlist(ports, signup.activityId, now);
      return signup;
    }
    if (signup.status === 'checked_in') throw new DomainError('CONFLICT', '已签到的报名不能取消');
    if (signup.status === 'no_show') throw new DomainError('CONFLICT', '活动已结束，不能取消');
    const activity = (await ports.store.get<ActivityDoc>('activities', signup.activityId)) ?? notFound('活动');
    if (signup.status === 'confirmed' && now >= activity.cancelDeadline) {
      throw new DomainError('CONFLICT', `已过取消截止时间（${formatMoment(activity.cancelDeadline)}）`);
    }
    if (now >= activity.startAt) throw new DomainError('CONFLICT', '活动已开始，不能取消');
    const from = signup.status;
    const note = [proxy ? '社区代取消' : '', input.reason ?? ''].filter(Boolean).join('：');
    const cancelled = await ports.store.updateWhere(SIGNUPS, { _id: signup._id, status: from }, {
      status: 'cancelled',
      cancelReason: input.reason ?? '',
      updatedAt: now,
      timeline: upd.push(timelineEvent(actorOf(caller), now, from, 'cancelled', note)),
    });
    if (cancelled === 1) {
      if (from === 'confirmed') await releaseSeat(ports, signup);
      await fillFromWaitlist(ports, signup.activityId, now);
      return (await ports.store.get<SignupDoc>(SIGNUPS, signup._id)) ?? signup;
    }
    // The sign-up moved meanwhile (promoted from the waitlist, say): decide again on what it is now.
    signup = (await ports.store.get<SignupDoc>(SIGNUPS, signup._id)) ?? notFound('报名记录');
  }
  throw new DomainError('CONFLICT', '报名状态已变化，请刷新后重试');
};
