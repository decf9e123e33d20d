/**
 * What activities count in the monthly aggregates, in the activity's month: once it has ended, the
 * session with its places, sign-ups, waitlist demand, attendance and no-shows (counted by the job
 * that marks no-shows, from the sign-ups as they stand then); later, each attendee's rating. Pure.
 */
import type { ActivityDoc, SignupDoc } from '../activities/activityDocs';
import { holdKey } from '../store/holds';
import { monthOf } from '../time';
import type { StatEvent } from './statsDocs';

type SignupFacts = Pick<SignupDoc, 'status' | 'attendees' | 'volunteer'>;

/** The session as it ended. */
export const activityEndEvent = (
  activity: Pick<ActivityDoc, '_id' | 'communityId' | 'month' | 'category' | 'capacity' | 'confirmedCount' | 'waitlistSeq' | 'checkinRequired' | 'endAt'>,
  signups: SignupFacts[],
): StatEvent => {
  const attendees = (status: string) => signups.filter((s) => !s.volunteer && s.status === status).reduce((sum, s) => sum + s.attendees.length, 0);
  const checkedIn = attendees('checked_in');
  const k = `cat.${activity.category}`;
  const deltas: Record<string, number> = {
    sessions: 1,
    places: activity.capacity,
    signups: activity.confirmedCount,
    waitlist: activity.waitlistSeq ?? 0,
    checkedIn,
    noShows: attendees('no_show'),
    volunteers: signups.filter((s) => s.volunteer && s.status === 'checked_in').length,
    [`${k}.sessions`]: 1,
    [`${k}.places`]: activity.capacity,
    [`${k}.signups`]: activity.confirmedCount,
    [`${k}.waitlist`]: activity.waitlistSeq ?? 0,
    [`${k}.checkedIn`]: checkedIn,
  };
  // Attendance is measured where check-in is required: elsewhere nobody is marked absent.
  if (activity.checkinRequired) deltas['required.checkedIn'] = checkedIn;
  return {
    section: 'activities',
    communityId: activity.communityId,
    month: activity.month,
    ref: activity._id,
    s: 'activity',
    key: `a_${holdKey(activity._id)}`,
    deltas,
    at: activity.endAt,
  };
};

/** An attendee's rating of an activity, in the activity's month. */
export const activityRatingEvent = (signup: Pick<SignupDoc, '_id' | 'communityId' | 'startAt' | 'rating'>): StatEvent | null =>
  signup.rating
    ? {
        section: 'activities',
        communityId: signup.communityId,
        month: monthOf(signup.startAt),
        ref: signup._id,
        s: 'rating',
        key: `r_${holdKey(signup._id)}`,
        deltas: { 'rating.n': 1, 'rating.sum': signup.rating.stars, [`rating.s${signup.rating.stars}`]: 1 },
        at: signup.rating.at,
      }
    : null;
