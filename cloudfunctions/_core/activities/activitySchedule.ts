import { ACTIVITY_RULES, type ActivityFields } from '../../../types/activities';
import { DomainError } from '../runtime/domainError';
import { dateOf } from '../time';
import type { ActivityDoc } from './activityDocs';
import { instantOf, monthLabel, timeOf } from './activityTime';

export type Schedule = Pick<ActivityDoc, 'startAt' | 'endAt' | 'signupOpensAt' | 'signupClosesAt' | 'cancelDeadline'>;

/** The form's wall-clock values as instants. */
export const scheduleOf = (v: ActivityFields): Schedule => ({
  startAt: instantOf(v.date, v.startTime),
  endAt: instantOf(v.endDate ?? v.date, v.endTime),
  signupOpensAt: instantOf(v.signupOpensDate, v.signupOpensTime),
  signupClosesAt: instantOf(v.signupClosesDate, v.signupClosesTime),
  cancelDeadline: instantOf(v.cancelDeadlineDate, v.cancelDeadlineTime),
});

/** A stored activity as the form that would create it: the base an update is merged onto. */
export const fieldsOf = (doc: ActivityDoc): ActivityFields => {
  const endDate = dateOf(doc.endAt);
  return {
    title: doc.title,
    category: doc.category,
    description: doc.description,
    place: doc.place,
    date: dateOf(doc.startAt),
    startTime: timeOf(doc.startAt),
    ...(endDate !== dateOf(doc.startAt) ? { endDate } : {}),
    endTime: timeOf(doc.endAt),
    capacity: doc.capacity,
    ageMin: doc.ageMin,
    ageMax: doc.ageMax,
    waitlist: doc.waitlist,
    checkinRequired: doc.checkinRequired,
    memberPoints: doc.memberPoints,
    signupOpensDate: dateOf(doc.signupOpensAt),
    signupOpensTime: timeOf(doc.signupOpensAt),
    signupClosesDate: dateOf(doc.signupClosesAt),
    signupClosesTime: timeOf(doc.signupClosesAt),
    cancelDeadlineDate: dateOf(doc.cancelDeadline),
    cancelDeadlineTime: timeOf(doc.cancelDeadline),
  };
};

/**
 * Checks a complete activity form against its menu's month (and, for a new activity, the clock)
 * and answers its instants. The form rules run here too: an update may have sent only some fields.
 */
export const checkSchedule = (v: ActivityFields, month: string, now: number | null): Schedule => {
  const fields: Record<string, string> = {};
  for (const rule of ACTIVITY_RULES) if (!rule.holds(v) && !fields[rule.path]) fields[rule.path] = rule.message;
  if (v.date.slice(0, 7) !== month) fields.date = `活动日期须在${monthLabel(month)}内`;
  const schedule = scheduleOf(v);
  if (now !== null && schedule.startAt <= now && !fields.date) fields.date = '活动开始时间已过，请重新选择';
  const first = Object.values(fields)[0];
  if (first) throw new DomainError('VALIDATION', first, fields);
  return schedule;
};
