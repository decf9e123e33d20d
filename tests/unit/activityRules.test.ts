import { ActivityForm, SeriesForm, isRealDate, type ActivityFields } from '../../types/activities';
import { instantOf, timeOf, weekdayOf, weeklyDates, formatMoment } from '../../cloudfunctions/_core/activities/activityTime';
import { checkSchedule, fieldsOf, scheduleOf } from '../../cloudfunctions/_core/activities/activitySchedule';
import { decideBlock } from '../../cloudfunctions/_core/activities/noShowBlocks';
import { signupPhaseOf } from '../../cloudfunctions/_core/activities/activityViews';
import type { ActivityDoc } from '../../cloudfunctions/_core/activities/activityDocs';
import { DomainError } from '../../cloudfunctions/_core/runtime/domainError';

const T = (shanghai: string) => Date.parse(`${shanghai}+08:00`);
const DAY = 24 * 60 * 60 * 1000;

const fields: ActivityFields = {
  title: '四点半课堂',
  category: 'after_school',
  description: '作业辅导。',
  place: '社区图书室',
  date: '2026-12-08',
  startTime: '16:30',
  endTime: '18:00',
  capacity: 20,
  ageMin: 6,
  ageMax: 12,
  waitlist: true,
  checkinRequired: true,
  memberPoints: 5,
  signupOpensDate: '2026-11-25',
  signupOpensTime: '09:00',
  signupClosesDate: '2026-12-08',
  signupClosesTime: '12:00',
  cancelDeadlineDate: '2026-12-07',
  cancelDeadlineTime: '18:00',
};

describe('Shanghai wall-clock arithmetic, whatever the host time zone', () => {
  test('a date and time become the Shanghai instant and back', () => {
    expect(instantOf('2026-12-07', '19:00')).toBe(Date.parse('2026-12-07T11:00:00Z'));
    expect(instantOf('2027-01-01', '00:30')).toBe(Date.parse('2026-12-31T16:30:00Z'));
    expect(timeOf(Date.parse('2026-12-31T16:30:00Z'))).toBe('00:30');
    expect(formatMoment(T('2027-01-20T21:00:00'))).toBe('2027年1月20日 21:00');
  });

  test('weekdays count Monday as 1 and Sunday as 7', () => {
    expect(['2026-12-07', '2026-12-08', '2026-12-12', '2026-12-13'].map(weekdayOf)).toEqual([1, 2, 6, 7]);
  });

  test('a weekly series lists every matching date in the range, ends included', () => {
    expect(weeklyDates('2026-12-01', '2026-12-31', 1, 31)).toEqual(['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28']);
    expect(weeklyDates('2026-12-07', '2026-12-28', 1, 31)).toEqual(['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28']);
    expect(weeklyDates('2026-12-29', '2027-01-04', 7, 31)).toEqual(['2027-01-03']);
    expect(weeklyDates('2026-12-01', '2026-12-06', 1, 31)).toEqual([]);
    // One past the bound, so the caller can tell "too many" from "exactly the bound".
    expect(weeklyDates('2026-01-01', '2026-12-31', 1, 3)).toHaveLength(4);
  });

  test('only real calendar dates pass', () => {
    expect(['2026-02-28', '2028-02-29', '2026-12-31'].map(isRealDate)).toEqual([true, true, true]);
    expect(['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-1'].map(isRealDate)).toEqual([false, false, false, false, false]);
  });
});

describe('the activity form', () => {
  test('the page and the function share the cross-field rules', () => {
    expect(ActivityForm.safeParse(fields).success).toBe(true);
    const bad = ActivityForm.safeParse({ ...fields, endTime: '16:00', ageMin: 13, cancelDeadlineDate: '2026-12-09' });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries((bad.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(messages).toEqual({ endTime: '结束时间须晚于开始时间', ageMax: '最大年龄不能小于最小年龄', cancelDeadlineTime: '取消截止不能晚于活动开始' });
  });

  test('a multi-day activity (夏令营) may end on a later date at an earlier clock time', () => {
    expect(ActivityForm.safeParse({ ...fields, endDate: '2026-12-10', endTime: '12:00' }).success).toBe(true);
    expect(scheduleOf({ ...fields, endDate: '2026-12-10', endTime: '12:00' }).endAt).toBe(T('2026-12-10T12:00:00'));
  });

  test('the series form checks its own order of times and dates', () => {
    const series = {
      ...fields,
      weekday: 1,
      fromDate: '2026-12-01',
      toDate: '2026-11-30',
      signupClosesHoursBefore: 2,
      cancelHoursBefore: 24,
    };
    const result = SeriesForm.safeParse(series);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['toDate', '结束日期不能早于开始日期']]);
    expect(SeriesForm.safeParse({ ...series, weekday: 8, toDate: '2026-12-31' }).error?.issues.map((i) => i.message)).toEqual(['星期不能大于7']);
  });

  test('a stored activity turns back into the form that made it', () => {
    const schedule = checkSchedule(fields, '2026-12', T('2026-11-23T09:00:00'));
    const doc = { ...fields, ...schedule, seriesId: null } as unknown as ActivityDoc;
    expect(fieldsOf(doc)).toEqual(expect.objectContaining({ ...fields }));
    expect(fieldsOf(doc)).not.toHaveProperty('endDate');
  });

  test('the schedule must fall in the menu’s month, and a new activity in the future', () => {
    expect(() => checkSchedule(fields, '2027-01', null)).toThrow(new DomainError('VALIDATION', '活动日期须在2027年1月内'));
    expect(() => checkSchedule(fields, '2026-12', T('2026-12-08T16:30:00'))).toThrow('活动开始时间已过，请重新选择');
    expect(checkSchedule(fields, '2026-12', T('2026-12-08T16:29:00')).startAt).toBe(T('2026-12-08T16:30:00'));
  });

  test('the sign-up phase follows the window and the end', () => {
    const a = { signupOpensAt: 100, signupClosesAt: 200, endAt: 300 };
    expect([99, 100, 199, 200, 299, 300].map((now) => signupPhaseOf(a, now))).toEqual(['not_open', 'open', 'open', 'closed', 'closed', 'ended']);
  });
});

describe('no-show blocks', () => {
  const now = T('2026-12-21T21:10:00');
  const at = (d: string) => T(`${d}T21:00:00`);

  test('3 no-shows within 90 days block for 30 days from the third', () => {
    expect(decideBlock([at('2026-12-07'), at('2026-12-14')], 0, now)).toBeNull();
    expect(decideBlock([at('2026-12-14'), at('2026-12-07'), at('2026-12-21')], 0, now)).toEqual({
      trigger: at('2026-12-21'),
      until: at('2026-12-21') + 30 * DAY,
      count: 3,
    });
  });

  test('no-shows older than 90 days, or already spent on a block, do not count', () => {
    expect(decideBlock([now - 91 * DAY, at('2026-12-14'), at('2026-12-21')], 0, now)).toBeNull();
    expect(decideBlock([at('2026-12-07'), at('2026-12-14'), at('2026-12-21')], at('2026-12-21'), now)).toBeNull();
    expect(decideBlock([at('2026-12-07'), at('2026-12-14'), at('2026-12-21')], at('2026-12-07'), now)).toBeNull();
  });

  test('the decision is the same on every run: it depends on the no-shows, not on when it runs', () => {
    const times = [at('2026-12-07'), at('2026-12-14'), at('2026-12-21')];
    expect(decideBlock(times, 0, now)).toEqual(decideBlock(times, 0, now + 5 * DAY));
  });
});
