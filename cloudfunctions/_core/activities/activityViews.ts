import type { ActivityView, BlockView, SignupPhase, SignupView, ActivityMenuView } from '../../../types/activities';
import type { ActivityBlockDoc, ActivityDoc, ActivityMenuDoc, SignupDoc } from './activityDocs';
import { cmd, type Store } from '../store/port';

export const signupPhaseOf = (a: Pick<ActivityDoc, 'signupOpensAt' | 'signupClosesAt' | 'endAt'>, now: number): SignupPhase =>
  now >= a.endAt ? 'ended' : now < a.signupOpensAt ? 'not_open' : now < a.signupClosesAt ? 'open' : 'closed';

/** The activity as a viewer sees it; only staff get the activity's own check-in code. */
export const activityView = (doc: ActivityDoc, now: number, staff: boolean): ActivityView => {
  const { checkinCode, holders: _holders, ratings: _ratings, waitlistSeq: _seq, ...rest } = doc;
  return {
    ...rest,
    published: doc.published,
    seriesId: doc.seriesId ?? null,
    placesLeft: Math.max(0, doc.capacity - doc.confirmedCount),
    signupPhase: signupPhaseOf(doc, now),
    ratingAverage: doc.ratingCount > 0 ? Math.round((doc.ratingSum / doc.ratingCount) * 10) / 10 : null,
    ...(staff ? { checkinCode } : {}),
  };
};

const SHOWS_CODE: ReadonlySet<string> = new Set(['confirmed', 'checked_in']);

/** A sign-up as its own resident or staff see it; `ahead` is the live queue before it, if waiting. */
export const signupView = (doc: SignupDoc, ahead: number | null = null): SignupView => ({
  ...doc,
  attendeeCount: doc.attendees.length,
  checkinCode: SHOWS_CODE.has(doc.status) ? doc.checkinCode : null,
  waitlistAhead: doc.status === 'waitlisted' ? ahead : null,
});

/** How many are waiting before a waitlisted sign-up, counted from the live queue (前面还有 N 人). */
export const countAhead = (store: Store, signup: SignupDoc): Promise<number | null> =>
  signup.status === 'waitlisted' && signup.waitlistSeq !== null
    ? store.count('activity_signups', { activityId: signup.activityId, status: 'waitlisted', waitlistSeq: cmd.lt(signup.waitlistSeq) })
    : Promise.resolve(null);

export const menuView = (doc: ActivityMenuDoc): ActivityMenuView => doc;

export const blockView = (doc: ActivityBlockDoc, now: number): BlockView => ({ ...doc, active: doc.until > now });
