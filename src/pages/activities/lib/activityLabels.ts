import type { ActivityMenuStatus, ActivityView, SignupPhase, SignupStatus } from '../../../../types/activities';
import { CHECKIN_OPENS_BEFORE_MS } from '../../../../types/constants/activities';
import { ACTIVITY_MENU_STATUS_LABELS, SIGNUP_PHASE_LABELS, SIGNUP_STATUS_LABELS } from '../../../../types/constants/activities';
import type { StatusTone } from '../../../components';

export const SIGNUP_STATUS_TONES: Record<SignupStatus, StatusTone> = {
  confirmed: 'brand',
  waitlisted: 'warning',
  cancelled: 'muted',
  checked_in: 'success',
  no_show: 'danger',
};

export const SIGNUP_PHASE_TONES: Record<SignupPhase, StatusTone> = {
  not_open: 'warning',
  open: 'success',
  closed: 'muted',
  ended: 'muted',
};

export const MENU_STATUS_TONES: Record<ActivityMenuStatus, StatusTone> = { draft: 'muted', published: 'success' };

export { ACTIVITY_MENU_STATUS_LABELS, SIGNUP_PHASE_LABELS, SIGNUP_STATUS_LABELS };

/**
 * Where a waitlisted sign-up stands, from the live queue (`waitlistAhead`): it moves as people
 * ahead cancel or are promoted, unlike the arrival number. The arrival number only when the server
 * sent no live count.
 */
export const queueText = (signup: { waitlistAhead?: number | null; waitlistSeq: number | null }): string | null => {
  if (typeof signup.waitlistAhead === 'number') return signup.waitlistAhead === 0 ? '排在候补第一位' : `前面还有 ${signup.waitlistAhead} 人`;
  return signup.waitlistSeq !== null ? `候补第${signup.waitlistSeq}位` : null;
};

type AgeRange = Pick<ActivityView, 'ageMin' | 'ageMax'>;

/** 6–12岁, 60岁及以上, 12岁及以下; null when the activity is open to all ages. */
export const ageRangeText = ({ ageMin, ageMax }: AgeRange): string | null => {
  if (ageMin != null && ageMax != null) return `${ageMin}–${ageMax}岁`;
  if (ageMin != null) return `${ageMin}岁及以上`;
  if (ageMax != null) return `${ageMax}岁及以下`;
  return null;
};

/** The same words the function uses when it refuses an age. */
export const ageRefusal = (activity: AgeRange): string => `本活动面向${ageRangeText(activity) ?? '所有年龄'}的居民`;

export const isAgeAllowed = ({ ageMin, ageMax }: AgeRange, age: number): boolean =>
  (ageMin == null || age >= ageMin) && (ageMax == null || age <= ageMax);

export type PlacesKind = 'open' | 'waitlist' | 'full';

/** Where the places stand: 剩余 N 个名额 / 已满·可候补 / 已满. */
export const placesKind = (activity: Pick<ActivityView, 'placesLeft' | 'waitlist'>): PlacesKind =>
  activity.placesLeft > 0 ? 'open' : activity.waitlist ? 'waitlist' : 'full';

export const placesText = (activity: Pick<ActivityView, 'placesLeft' | 'waitlist'>): string => {
  const kind = placesKind(activity);
  return kind === 'open' ? `剩余 ${activity.placesLeft} 个名额` : kind === 'waitlist' ? '已满·可候补' : '已满';
};

/** Check-in runs from 30 minutes before the start to the end. */
export const checkinWindow = (activity: { startAt: number; endAt: number }, now: number = Date.now()): 'before' | 'open' | 'after' =>
  now < activity.startAt - CHECKIN_OPENS_BEFORE_MS ? 'before' : now > activity.endAt ? 'after' : 'open';

export const checkinOpensAt = (activity: { startAt: number }): number => activity.startAt - CHECKIN_OPENS_BEFORE_MS;

/** The word under an activity's stars: 1 很不满意 … 5 非常满意. */
export const starWord = (stars: number): string => ['', '很不满意', '不太满意', '一般', '满意', '非常满意'][stars] ?? '';
