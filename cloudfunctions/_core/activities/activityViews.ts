import type { ActivityView, BlockView, SignupPhase, SignupView, ActivityMenuView } from '../../../types/activities';
import type { ActivityBlockDoc, ActivityDoc, ActivityMenuDoc, SignupDoc } from './activityDocs';

export const signupPhaseOf = (a: Pick<ActivityDoc, 'signupOpensAt' | 'signupClosesAt' | 'endAt'>, now: number): SignupPhase =>
  now >= a.endAt ? 'ended' : now < a.signupOpensAt ? 'not_open' : now < a.signupClosesAt ? 'open' : 'closed';

/** The activity as a viewer sees it; only staff get the activity's own check-in code. */
export const activityView = (doc: ActivityDoc, now: number, staff: boolean): ActivityView => {
  const { checkinCode, holders: _holders, ...rest } = doc;
  return {
    ...rest,
    seriesId: doc.seriesId ?? null,
    placesLeft: Math.max(0, doc.capacity - doc.confirmedCount),
    signupPhase: signupPhaseOf(doc, now),
    ratingAverage: doc.ratingCount > 0 ? Math.round((doc.ratingSum / doc.ratingCount) * 10) / 10 : null,
    ...(staff ? { checkinCode } : {}),
  };
};

const SHOWS_CODE: ReadonlySet<string> = new Set(['confirmed', 'checked_in']);

/** A sign-up as its own resident or staff see it. */
export const signupView = (doc: SignupDoc): SignupView => ({
  ...doc,
  attendeeCount: doc.attendees.length,
  checkinCode: SHOWS_CODE.has(doc.status) ? doc.checkinCode : null,
});

export const menuView = (doc: ActivityMenuDoc): ActivityMenuView => doc;

export const blockView = (doc: ActivityBlockDoc, now: number): BlockView => ({ ...doc, active: doc.until > now });
