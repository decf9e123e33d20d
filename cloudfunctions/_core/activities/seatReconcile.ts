/**
 * Brings the sign-ups of activities not yet started back in line with who holds their places.
 * The activity's holds are the truth; every use-case writes the hold first and the sign-up next,
 * so a request that died in between leaves one of these, settled here once it is older than the
 * grace period:
 * - a hold for a sign-up that does not exist (signing up died before writing it), or that is
 *   cancelled (re-signing up died before bringing it back): released, the places offered on;
 * - a hold for a waiting sign-up (a promotion died before confirming it): the promotion is
 *   completed and the resident told;
 * - a confirmed sign-up without a hold (a cancellation gave its places away and died before
 *   marking it): the cancellation is completed;
 * - free places while people wait: filled from the waitlist;
 * - a promotion whose notice is missing: the notice is written (its id derives from the promotion).
 * Also, a rating not yet counted into its activity's average is counted.
 */
import type { Job } from '../scheduler/job';
import { settledRange } from '../scheduler/reconcileWindow';
import { SYSTEM_ACTOR, timelineEvent } from '../runtime/timeline';
import { getMany, scanAll } from '../store/scan';
import { cmd, upd } from '../store/port';
import { notifyAll } from '../messages/notify';
import type { Ports } from '../ports';
import type { ActivityDoc, SignupDoc } from './activityDocs';
import { confirmPromotion, fillFromWaitlist, promotionMessageId, promotionNotice, releaseSeat } from './seats';
import { tallyRating } from './attendanceActions';
import { countEvents } from '../stats/countStats';
import { activityRatingEvent } from '../stats/activityStats';

const SIGNUPS = 'activity_signups';

const signupsOf = async (ports: Ports, activityId: string): Promise<SignupDoc[]> => {
  const all: SignupDoc[] = [];
  await scanAll<SignupDoc>(ports.store, SIGNUPS, { activityId, status: cmd.in(['confirmed', 'waitlisted']) }, async (page) => {
    all.push(...page);
    return 0;
  });
  return all;
};

const settleActivity = async (ports: Ports, activity: ActivityDoc, settledBefore: number, now: number): Promise<number> => {
  let changed = 0;
  const stale = Object.entries(activity.holders ?? {}).filter(([, hold]) => hold.at < settledBefore);
  const [signups, holdersOnly] = await Promise.all([
    signupsOf(ports, activity._id),
    getMany<SignupDoc>(ports.store, SIGNUPS, stale.map(([id]) => id)),
  ]);
  for (const [signupId, hold] of stale) {
    const signup = holdersOnly.get(signupId);
    if (!signup || signup.status === 'cancelled') {
      if (await releaseSeat(ports, activity._id, signupId, hold.token, hold.n)) changed++;
    } else if (signup.status === 'waitlisted') {
      if (await confirmPromotion(ports, activity, signup, hold.token, now)) changed++;
    } else if (signup.status === 'confirmed' && signup.seatToken !== hold.token) {
      changed += await ports.store.updateWhere(SIGNUPS, { _id: signup._id, status: 'confirmed' }, { seatToken: hold.token, updatedAt: now });
    }
  }
  // Confirmed without a hold: the places went to someone else, the cancellation is finished.
  const quiet = (activity.holdsChangedAt ?? 0) < settledBefore;
  const unheld = quiet ? signups.filter((s) => s.status === 'confirmed' && !s.volunteer && !activity.holders?.[s._id] && s.updatedAt < settledBefore) : [];
  for (const s of unheld) {
    changed += await ports.store.updateWhere(SIGNUPS, { _id: s._id, status: 'confirmed', seatToken: s.seatToken }, {
      status: 'cancelled',
      updatedAt: now,
      timeline: upd.push(timelineEvent(SYSTEM_ACTOR, now, 'confirmed', 'cancelled', '取消报名（系统补全）')),
    });
  }
  // Promotions whose notice is missing.
  const promoted = signups.filter((s) => s.status === 'confirmed' && s.promotedAt && s.promotedAt < settledBefore);
  if (promoted.length) {
    const sent = await getMany(ports.store, 'messages', promoted.map((s) => promotionMessageId(activity._id, s, s.promotedAt!)), ['_id']);
    const missing = promoted.filter((s) => !sent.has(promotionMessageId(activity._id, s, s.promotedAt!)));
    await notifyAll(ports, missing.map((s) => promotionNotice(activity, s, s.promotedAt!)));
    changed += missing.length;
  }
  if (signups.some((s) => s.status === 'waitlisted')) changed += await fillFromWaitlist(ports, activity._id, now);
  return changed;
};

/**
 * Ratings of the window not yet counted into their activity (tallyRating is guarded per sign-up),
 * nor into their month's review (the count is keyed per sign-up).
 */
const countRatings = (ports: Ports, from: number, to: number) =>
  scanAll<SignupDoc>(ports.store, SIGNUPS, { status: 'checked_in', 'rating.at': cmd.gte(from), $and: [{ 'rating.at': cmd.lt(to) }] }, async (signups) => {
    const counted = await Promise.all(signups.map(async (s) => (await tallyRating(ports, s)) + (await countEvents(ports, activityRatingEvent(s)))));
    return counted.reduce((a, b) => a + b, 0);
  });

export const reconcileSeats: Job = {
  name: 'activities.reconcile',
  async run(ports) {
    const now = ports.clock.now();
    const { from, to } = settledRange(now);
    const seats = scanAll<ActivityDoc>(ports.store, 'activities', { startAt: cmd.gt(now), published: true }, async (activities) => {
      let changed = 0;
      for (const activity of activities) changed += await settleActivity(ports, activity, to, now);
      return changed;
    });
    const [a, b] = await Promise.all([seats, countRatings(ports, from, to)]);
    return a + b;
  },
};
