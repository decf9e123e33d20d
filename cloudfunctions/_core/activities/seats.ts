/**
 * Places on an activity. The activity's `holders` map says who holds its places; it is written in
 * the same guarded single-document update that moves `confirmedCount`, so:
 * - reserving is conditional on room (`confirmedCount <= capacity - n`) and on the sign-up holding
 *   nothing yet: capacity is never exceeded and one sign-up never holds twice;
 * - releasing is conditional on the exact reservation (its token), so it happens once;
 * - handing a place over (a cancellation promoting the first waiting) moves both holds at once.
 * A sign-up's status follows its hold: the hold is written first, the sign-up next. A request that
 * dies in between leaves a hold and a sign-up that disagree, both recognisable, and the reconciler
 * (activityReconcile.ts) brings them together again after a grace period.
 */
import { messageIdOf, notifyAll, type EventNotice } from '../messages/notify';
import { SYSTEM_ACTOR, timelineEvent } from '../runtime/timeline';
import { cmd, upd } from '../store/port';
import type { Ports } from '../ports';
import type { ActivityDoc, SignupDoc } from './activityDocs';
import { seatToken } from './activityCodes';
import { formatMoment } from './activityTime';

const holderPath = (signupId: string) => `holders.${signupId}`;

export type Reservation = { token: string; activity: ActivityDoc };

/** Reserves `n` places for a sign-up; answers the reservation, or null when there is no room (or it holds already). */
export const reserveSeat = async (ports: Ports, activity: Pick<ActivityDoc, '_id' | 'capacity'>, signupId: string, n: number, now: number): Promise<Reservation | null> => {
  const token = seatToken();
  const after = await ports.store.updateAndReturn<ActivityDoc>(
    'activities',
    // Capacity never goes down once sign-ups exist, so a bound computed from a read is safe.
    { _id: activity._id, confirmedCount: cmd.lte(activity.capacity - n), [holderPath(signupId)]: cmd.exists(false) },
    { confirmedCount: upd.inc(n), [holderPath(signupId)]: upd.set({ n, token, at: now }), holdsChangedAt: now },
  );
  return after ? { token, activity: after } : null;
};

/** Frees one exact reservation; answers the activity after it, or null when this call did not free it. */
export const releaseSeat = (ports: Ports, activityId: string, signupId: string, token: string, n: number): Promise<ActivityDoc | null> =>
  ports.store.updateAndReturn<ActivityDoc>(
    'activities',
    { _id: activityId, [`${holderPath(signupId)}.token`]: token },
    { confirmedCount: upd.inc(-n), [holderPath(signupId)]: upd.remove(), holdsChangedAt: ports.clock.now() },
  );

/**
 * Gives the places of one reservation to a waiting sign-up, in one update: the old holder's
 * reservation goes, the new one's comes, and the count moves by the difference. Answers the new
 * reservation's token, or null when the guard failed (the old one is gone, the new one already
 * holds, or the difference does not fit).
 */
export const handOverSeat = async (
  ports: Ports,
  activity: Pick<ActivityDoc, '_id' | 'capacity'>,
  from: { signupId: string; token: string; n: number },
  to: { signupId: string; n: number },
  now: number,
): Promise<string | null> => {
  const token = seatToken();
  const after = await ports.store.updateAndReturn<ActivityDoc>(
    'activities',
    {
      _id: activity._id,
      [`${holderPath(from.signupId)}.token`]: from.token,
      [holderPath(to.signupId)]: cmd.exists(false),
      confirmedCount: cmd.lte(activity.capacity - to.n + from.n),
    },
    {
      confirmedCount: upd.inc(to.n - from.n),
      [holderPath(from.signupId)]: upd.remove(),
      [holderPath(to.signupId)]: upd.set({ n: to.n, token, at: now }),
      holdsChangedAt: now,
    },
  );
  return after ? token : null;
};

/** The resident's notice of a promotion; its id derives from the promotion, so it is written once. */
export const promotionNotice = (activity: Pick<ActivityDoc, '_id' | 'title' | 'startAt' | 'place'>, signup: Pick<SignupDoc, 'communityId' | 'userId' | '_id'>, at: number): EventNotice => ({
  communityId: signup.communityId,
  userId: signup.userId,
  kind: 'activity_promoted',
  title: '候补成功',
  body: `您候补的“${activity.title}”已递补成功，请于${formatMoment(activity.startAt)}到${activity.place}参加`,
  refType: 'activity',
  refId: activity._id,
  at,
  key: signup._id,
});

export const promotionMessageId = (activityId: string, signup: Pick<SignupDoc, 'userId' | '_id'>, at: number) =>
  messageIdOf({ userId: signup.userId, kind: 'activity_promoted', refId: activityId, at, key: signup._id });

/**
 * Turns a waiting sign-up that now holds places into a confirmed one, and tells the resident, in
 * one round trip. When the sign-up was no longer waiting (its resident withdrew meanwhile), the
 * notice is taken back and the places are released and offered to the next in line.
 */
export const confirmPromotion = async (ports: Ports, activity: ActivityDoc, waiting: SignupDoc, token: string, now: number): Promise<boolean> => {
  const [flipped] = await Promise.all([
    ports.store.updateWhere(
      'activity_signups',
      { _id: waiting._id, status: 'waitlisted' },
      {
        status: 'confirmed',
        seatToken: token,
        confirmedAt: now,
        promotedAt: now,
        updatedAt: now,
        timeline: upd.push(timelineEvent(SYSTEM_ACTOR, now, 'waitlisted', 'confirmed', '候补递补')),
      },
    ),
    notifyAll(ports, [promotionNotice(activity, waiting, now)]),
  ]);
  if (flipped === 1) return true;
  await ports.store.removeById('messages', promotionMessageId(activity._id, waiting, now));
  await releaseSeat(ports, activity._id, waiting._id, token, waiting.attendees.length);
  await fillFromWaitlist(ports, activity._id, now);
  return false;
};

/** The first waiting sign-ups, in waitlist order. */
export const waitingQueue = (ports: Ports, activityId: string, limit = 20) =>
  ports.store.find<SignupDoc>('activity_signups', { activityId, status: 'waitlisted' }, { orderBy: [['waitlistSeq', 'asc'], ['_id', 'asc']], limit });

/** The first in line that fits into `free` places. */
export const nextThatFits = (queue: SignupDoc[], free: number, skip: ReadonlySet<string> = new Set()) =>
  queue.find((s) => s.attendees.length <= free && !skip.has(s._id)) ?? null;

/** Bound on rounds per call; each round promotes someone or ends the loop. */
const MAX_ROUNDS = 200;

/**
 * Fills free places from the waitlist in order, skipping groups too large for what is free. Safe
 * to run from any number of requests at once: every step is guarded. Answers how many sign-ups
 * this call promoted.
 */
export const fillFromWaitlist = async (ports: Ports, activityId: string, now: number): Promise<number> => {
  let promoted = 0;
  const skip = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const [activity, queue] = await Promise.all([ports.store.get<ActivityDoc>('activities', activityId), waitingQueue(ports, activityId)]);
    if (!activity || now >= activity.startAt) return promoted;
    const free = activity.capacity - activity.confirmedCount;
    if (free <= 0) return promoted;
    const next = nextThatFits(queue, free, skip);
    if (!next) return promoted;
    const n = next.attendees.length;
    const reserved = await reserveSeat(ports, activity, next._id, n, now);
    if (!reserved) {
      // It holds already (a promotion under way elsewhere), or someone took the room first.
      if (activity.holders[next._id] || (await ports.store.get<ActivityDoc>('activities', activityId))?.holders[next._id]) skip.add(next._id);
      continue;
    }
    if (await confirmPromotion(ports, reserved.activity, next, reserved.token, now)) promoted++;
  }
  return promoted;
};
