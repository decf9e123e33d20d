/**
 * Places on an activity. A place is held by a sign-up through an entry in the activity's `holders`
 * map, written in the same guarded update that moves `confirmedCount`:
 * - reserving is conditional on room (`confirmedCount <= capacity - n`) and on the sign-up holding
 *   nothing yet, so capacity is never exceeded and one sign-up never holds twice;
 * - releasing is conditional on the exact reservation (its token), so it happens once.
 * The sign-up's own status moves in a second guarded update; when that one loses a race the
 * reservation is handed back, so the two documents agree again.
 */
import { cmd, upd } from '../store/port';
import { notify } from '../messages/notify';
import { SYSTEM_ACTOR, timelineEvent } from '../runtime/timeline';
import type { Ports } from '../ports';
import type { ActivityDoc, SignupDoc } from './activityDocs';
import { seatToken } from './activityCodes';
import { formatMoment } from './activityTime';

const holderPath = (signupId: string) => `holders.${signupId}`;

/** Reserves `n` places for a sign-up; answers the reservation's token, or null when there is no room. */
export const reserveSeat = async (ports: Ports, activity: Pick<ActivityDoc, '_id' | 'capacity'>, signupId: string, n: number): Promise<string | null> => {
  const token = seatToken();
  const modified = await ports.store.updateWhere(
    'activities',
    // Capacity never changes downwards once sign-ups exist, so a bound computed from a read is safe.
    { _id: activity._id, confirmedCount: cmd.lte(activity.capacity - n), [holderPath(signupId)]: cmd.exists(false) },
    { confirmedCount: upd.inc(n), [holderPath(signupId)]: upd.set({ n, token }) },
  );
  return modified === 1 ? token : null;
};

/**
 * The reservation a sign-up already holds for `n` places (a concurrent copy of the same request,
 * or an earlier attempt that stopped half-way), or null.
 */
export const existingSeat = async (ports: Ports, activityId: string, signupId: string, n: number): Promise<string | null | 'mismatch'> => {
  const activity = await ports.store.get<ActivityDoc>('activities', activityId);
  const hold = activity?.holders?.[signupId];
  if (!hold) return null;
  return hold.n === n ? hold.token : 'mismatch';
};

/** Frees one exact reservation; answers whether this call freed it. */
export const releaseHold = async (ports: Ports, activityId: string, signupId: string, token: string, n: number): Promise<boolean> =>
  (await ports.store.updateWhere(
    'activities',
    { _id: activityId, [`${holderPath(signupId)}.token`]: token },
    { confirmedCount: upd.inc(-n), [holderPath(signupId)]: upd.remove() },
  )) === 1;

/** Frees the place a (cancelled) sign-up held, if it still holds it. */
export const releaseSeat = (ports: Ports, signup: SignupDoc): Promise<boolean> =>
  signup.seatToken ? releaseHold(ports, signup.activityId, signup._id, signup.seatToken, signup.attendees.length) : Promise.resolve(false);

/**
 * Moves one waitlisted sign-up to confirmed: 'promoted' when this call did it (and so notified the
 * resident; concurrent promoters of one sign-up promote it once), 'lost' when the state moved on
 * under it, 'stuck' when a reservation of another size blocks it (an attempt that stopped half-way).
 */
const promote = async (ports: Ports, activity: ActivityDoc, waiting: SignupDoc, now: number): Promise<'promoted' | 'lost' | 'stuck'> => {
  const n = waiting.attendees.length;
  let token = await reserveSeat(ports, activity, waiting._id, n);
  if (!token) {
    const held = await existingSeat(ports, activity._id, waiting._id, n);
    if (held === 'mismatch') return 'stuck';
    if (!held) return 'lost';
    token = held;
  }
  const promoted = await ports.store.updateWhere(
    'activity_signups',
    { _id: waiting._id, status: 'waitlisted' },
    {
      status: 'confirmed',
      seatToken: token,
      confirmedAt: now,
      updatedAt: now,
      timeline: upd.push(timelineEvent(SYSTEM_ACTOR, now, 'waitlisted', 'confirmed', '候补递补')),
    },
  );
  if (promoted === 1) {
    await notify(ports, {
      communityId: waiting.communityId,
      userId: waiting.userId,
      kind: 'activity_promoted',
      title: '候补成功',
      body: `您候补的“${activity.title}”已递补成功，请于${formatMoment(activity.startAt)}到${activity.place}参加`,
      refType: 'activity',
      refId: activity._id,
    }, now);
    return 'promoted';
  }
  // Someone else promoted it (nothing to undo) or the resident withdrew meanwhile (hand the place back).
  const current = await ports.store.get<SignupDoc>('activity_signups', waiting._id);
  if (!current || current.status === 'cancelled') await releaseHold(ports, activity._id, waiting._id, token, n);
  return 'lost';
};

/** Bound on rounds per call; each round promotes someone or ends the loop. */
const MAX_ROUNDS = 1000;

/**
 * Fills free places from the waitlist in arrival order, skipping groups too large for what is
 * free. Safe to run from any number of requests at once: every step is guarded. Answers how many
 * sign-ups this call promoted.
 */
export const fillFromWaitlist = async (ports: Ports, activityId: string, now: number): Promise<number> => {
  let promoted = 0;
  const stuck = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const activity = await ports.store.get<ActivityDoc>('activities', activityId);
    if (!activity || now >= activity.startAt) return promoted;
    const free = activity.capacity - activity.confirmedCount;
    if (free <= 0) return promoted;
    const queue = await ports.store.find<SignupDoc>(
      'activity_signups',
      { activityId, status: 'waitlisted' },
      { orderBy: [['waitlistSeq', 'asc']], limit: 1000 },
    );
    const next = queue.find((s) => s.attendees.length <= free && !stuck.has(s._id));
    if (!next) return promoted;
    const outcome = await promote(ports, activity, next, now);
    if (outcome === 'promoted') promoted++;
    if (outcome === 'stuck') stuck.add(next._id);
  }
  return promoted;
};
