import {
  ActivityForm,
  SeriesForm,
  type ActivityCategory,
  type ActivityFields,
  type ActivityView,
  type SeriesFields,
} from '../../../../types/activities';
import type { FieldErrors } from '../../../lib/fieldErrors';
import { dateOf, monthBounds, monthOf, timeOf } from '../../../pages/activities/lib/activityTime';

/** The fields an activity and a weekly series share, as the inputs hold them (numbers as text). */
export interface CommonDraft {
  title: string;
  category: ActivityCategory | '';
  description: string;
  place: string;
  startTime: string;
  endTime: string;
  capacity: string;
  ageMin: string;
  ageMax: string;
  waitlist: boolean;
  checkinRequired: boolean;
  memberPoints: string;
  signupOpensDate: string;
  signupOpensTime: string;
}

export interface ActivityDraft extends CommonDraft {
  date: string;
  /** Only for an activity spanning days (夏令营); empty otherwise. */
  endDate: string;
  /** Empty means "when the activity starts". */
  signupClosesDate: string;
  signupClosesTime: string;
  cancelDeadlineDate: string;
  cancelDeadlineTime: string;
}

export interface SeriesDraft extends CommonDraft {
  weekday: string;
  fromDate: string;
  toDate: string;
  signupClosesHoursBefore: string;
  cancelHoursBefore: string;
}

const commonDraft = (now: number): CommonDraft => ({
  title: '',
  category: '',
  description: '',
  place: '',
  startTime: '',
  endTime: '',
  capacity: '',
  ageMin: '',
  ageMax: '',
  waitlist: true,
  checkinRequired: true,
  memberPoints: '0',
  // Sign-ups open as soon as the menu is published, unless staff choose a later moment.
  signupOpensDate: dateOf(now),
  signupOpensTime: timeOf(now),
});

export const emptyActivityDraft = (now: number = Date.now()): ActivityDraft => ({
  ...commonDraft(now),
  date: '',
  endDate: '',
  signupClosesDate: '',
  signupClosesTime: '',
  cancelDeadlineDate: '',
  cancelDeadlineTime: '',
});

/** A weekly series over the rest of the month (from today when it is this month). */
export const emptySeriesDraft = (month: string, now: number = Date.now()): SeriesDraft => {
  const { first, last } = monthBounds(month);
  const today = dateOf(now);
  return {
    ...commonDraft(now),
    weekday: '1',
    fromDate: month === monthOf(now) && today > first ? today : first,
    toDate: last,
    signupClosesHoursBefore: '2',
    cancelHoursBefore: '2',
  };
};

const optionalNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));
const requiredNumber = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));
const trimmed = (text: string) => text.trim();

/** A stored activity back in the form, for editing. */
export const draftOfActivity = (a: ActivityView): ActivityDraft => {
  const endDate = dateOf(a.endAt);
  return {
    title: a.title,
    category: a.category,
    description: a.description,
    place: a.place,
    date: dateOf(a.startAt),
    startTime: timeOf(a.startAt),
    endDate: endDate !== dateOf(a.startAt) ? endDate : '',
    endTime: timeOf(a.endAt),
    capacity: String(a.capacity),
    ageMin: a.ageMin === null ? '' : String(a.ageMin),
    ageMax: a.ageMax === null ? '' : String(a.ageMax),
    waitlist: a.waitlist,
    checkinRequired: a.checkinRequired,
    memberPoints: String(a.memberPoints),
    signupOpensDate: dateOf(a.signupOpensAt),
    signupOpensTime: timeOf(a.signupOpensAt),
    signupClosesDate: dateOf(a.signupClosesAt),
    signupClosesTime: timeOf(a.signupClosesAt),
    cancelDeadlineDate: dateOf(a.cancelDeadline),
    cancelDeadlineTime: timeOf(a.cancelDeadline),
  };
};

const commonInput = (d: CommonDraft) => ({
  title: d.title,
  category: d.category || undefined,
  description: d.description,
  place: d.place,
  startTime: trimmed(d.startTime),
  endTime: trimmed(d.endTime),
  capacity: requiredNumber(d.capacity),
  ageMin: optionalNumber(d.ageMin),
  ageMax: optionalNumber(d.ageMax),
  waitlist: d.waitlist,
  checkinRequired: d.checkinRequired,
  memberPoints: requiredNumber(d.memberPoints),
  signupOpensDate: trimmed(d.signupOpensDate),
  signupOpensTime: trimmed(d.signupOpensTime),
});

const firstPerField = (issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldErrors => {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
};

/**
 * Validated with ActivityForm, the schema addActivity applies. An empty sign-up deadline or
 * cancellation deadline means the activity's start.
 */
export const validateActivityDraft = (d: ActivityDraft): { data: ActivityFields | null; errors: FieldErrors } => {
  const closesBlank = d.signupClosesDate.trim() === '' && d.signupClosesTime.trim() === '';
  const cancelBlank = d.cancelDeadlineDate.trim() === '' && d.cancelDeadlineTime.trim() === '';
  const result = ActivityForm.safeParse({
    ...commonInput(d),
    date: trimmed(d.date),
    ...(d.endDate.trim() ? { endDate: trimmed(d.endDate) } : {}),
    signupClosesDate: closesBlank ? trimmed(d.date) : trimmed(d.signupClosesDate),
    signupClosesTime: closesBlank ? trimmed(d.startTime) : trimmed(d.signupClosesTime),
    cancelDeadlineDate: cancelBlank ? trimmed(d.date) : trimmed(d.cancelDeadlineDate),
    cancelDeadlineTime: cancelBlank ? trimmed(d.startTime) : trimmed(d.cancelDeadlineTime),
  });
  if (result.success) return { data: result.data, errors: {} };
  const errors = firstPerField(result.error.issues);
  if (errors.category && !d.category) errors.category = '请选择活动类别';
  if (!d.date.trim()) errors.date = '请选择活动日期';
  // A deadline left blank is the start: a problem with it is a problem with the start, said there.
  if (closesBlank) {
    const problem = errors.signupClosesTime;
    delete errors.signupClosesDate;
    delete errors.signupClosesTime;
    if (problem === '报名截止须晚于报名开始' && !errors.date) errors.date = '活动开始须晚于报名开始';
  }
  if (cancelBlank) {
    delete errors.cancelDeadlineDate;
    delete errors.cancelDeadlineTime;
  }
  return { data: null, errors };
};

export const validateSeriesDraft = (d: SeriesDraft): { data: SeriesFields | null; errors: FieldErrors } => {
  const result = SeriesForm.safeParse({
    ...commonInput(d),
    weekday: requiredNumber(d.weekday),
    fromDate: trimmed(d.fromDate),
    toDate: trimmed(d.toDate),
    signupClosesHoursBefore: requiredNumber(d.signupClosesHoursBefore),
    cancelHoursBefore: requiredNumber(d.cancelHoursBefore),
  });
  if (result.success) return { data: result.data, errors: {} };
  const errors = firstPerField(result.error.issues);
  if (errors.category && !d.category) errors.category = '请选择活动类别';
  return { data: null, errors };
};
