/** Carrying a month's 党群服务菜单 forward, and what next month still lacks. */
import { sameWeekdayNextMonth } from '../../cloudfunctions/_core/activities/carryForward';
import { dateOf } from '../../cloudfunctions/_core/time';
import { invariantViolations } from '../support/invariants';
import { openHarness, type Harness } from '../support/harness';
import { requestId } from '../support/orderFixtures';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

const single = (menuId: string) => ({
  menuId,
  title: '健康义诊',
  category: 'health_clinic' as const,
  description: '区人民医院专家义诊。',
  place: '社区卫生服务站',
  date: '2026-12-12', // the 2nd Saturday
  startTime: '09:00',
  endTime: '11:30',
  capacity: 5,
  waitlist: true,
  checkinRequired: true,
  memberPoints: 5,
  signupOpensDate: '2026-11-23',
  signupOpensTime: '09:00',
  signupClosesDate: '2026-12-11',
  signupClosesTime: '18:00',
  cancelDeadlineDate: '2026-12-11',
  cancelDeadlineTime: '12:00',
});
const series = (menuId: string) => ({
  menuId,
  title: '中医夜市',
  category: 'tcm_night' as const,
  description: '每周一晚社区中医义诊。',
  place: '社区广场',
  startTime: '19:00',
  endTime: '21:00',
  capacity: 20,
  waitlist: false,
  checkinRequired: false,
  memberPoints: 3,
  signupOpensDate: '2026-11-23',
  signupOpensTime: '09:00',
  weekday: 1,
  fromDate: '2026-12-01',
  toDate: '2026-12-31',
  signupClosesHoursBefore: 2,
  cancelHoursBefore: 4,
});

/** December: one Saturday clinic (with a sign-up) and a Monday series, published. */
const december = async () => {
  const menu = await h.okAs('staff-li')('activities', 'createMenu', { month: '2026-12' });
  const clinic = await h.okAs('staff-li')('activities', 'addActivity', single(menu._id), requestId());
  await h.okAs('staff-li')('activities', 'createSeries', series(menu._id), requestId());
  await h.okAs('staff-li')('activities', 'publishMenu', { menuId: menu._id });
  await h.okAs('resident-sun')('activities', 'signUp', { activityId: clinic._id, attendees: [{ name: '孙丽', relation: 'self', age: 40 }] });
  return { menu, clinic };
};

test('the same weekday of the next month: the n-th occurrence, or the last one', () => {
  expect(sameWeekdayNextMonth('2026-12-12')).toBe('2027-01-09');
  expect(sameWeekdayNextMonth('2026-12-31')).toBe('2027-01-28'); // a 5th Thursday → the last
  expect(sameWeekdayNextMonth('2026-01-31')).toBe('2026-02-28');
  expect(sameWeekdayNextMonth('2026-11-02')).toBe('2026-12-07');
});

describe('沿用到下月', () => {
  test('copies the menu as a draft: same weekdays, the series regenerated, no sign-ups; a retry duplicates nothing', async () => {
    const { clinic } = await december();
    const copied = await h.okAs('staff-li')('activities', 'carryForward', { month: '2026-12' });
    expect(copied.menu).toMatchObject({ month: '2027-01', status: 'draft', title: '2027年1月党群服务菜单' });
    expect(copied).toMatchObject({ from: '2026-12', created: 5, skipped: 0 });
    const dates = copied.items.map((a) => `${dateOf(a.startAt)} ${a.title}`);
    expect(dates).toEqual(['2027-01-04 中医夜市', '2027-01-09 健康义诊', '2027-01-11 中医夜市', '2027-01-18 中医夜市', '2027-01-25 中医夜市']);

    const jan = copied.items.find((a) => a.title === '健康义诊')!;
    const shift = jan.startAt - clinic.startAt;
    // Every time of the activity moves with it; the places are all free again.
    expect([jan.endAt - clinic.endAt, jan.signupOpensAt - clinic.signupOpensAt, jan.signupClosesAt - clinic.signupClosesAt, jan.cancelDeadline - clinic.cancelDeadline]).toEqual([shift, shift, shift, shift]);
    expect(jan).toMatchObject({ capacity: 5, confirmedCount: 0, placesLeft: 5, published: false, month: '2027-01', waitlist: true, memberPoints: 5 });
    const nights = copied.items.filter((a) => a.title === '中医夜市');
    expect(new Set(nights.map((a) => a.seriesId)).size).toBe(1);
    expect(nights[0].seriesId).not.toBeNull();
    // A series opens for sign-ups at one moment; each date closes 2 hours before it starts.
    expect(new Set(nights.map((a) => a.signupOpensAt)).size).toBe(1);
    for (const n of nights) expect(n.startAt - n.signupClosesAt).toBe(2 * 3600_000);

    const again = await h.okAs('staff-li')('activities', 'carryForward', { month: '2026-12' });
    expect(again.items.map((a) => a._id).sort()).toEqual(copied.items.map((a) => a._id).sort());
    const seen = await h.okAs('staff-li')('activities', 'monthMenu', { month: '2027-01' });
    expect(seen.activities).toHaveLength(5);
    // Residents do not see a draft.
    expect((await h.okAs('resident-sun')('activities', 'monthMenu', { month: '2027-01' })).activities).toEqual([]);
    expect(await invariantViolations(h.store)).toEqual([]);
  });

  test('refused when there is nothing to copy, when next month is published, and for anyone but staff', async () => {
    const empty = await h.as('staff-li')('activities', 'carryForward', { month: '2026-12' });
    expect(empty.ok || empty.error.code).toBe('NOT_FOUND');
    await december();
    const copied = await h.okAs('staff-li')('activities', 'carryForward', { month: '2026-12' });
    await h.okAs('staff-li')('activities', 'publishMenu', { menuId: copied.menu._id });
    const published = await h.as('staff-li')('activities', 'carryForward', { month: '2026-12' });
    expect(published.ok || published.error.code).toBe('CONFLICT');
    const resident = await h.as('resident-sun')('activities', 'carryForward', { month: '2026-12' });
    expect(resident.ok || resident.error.code).toBe('FORBIDDEN');
    // Another community has no December menu of its own.
    const other = await h.as('staff-other')('activities', 'carryForward', { month: '2026-12' });
    expect(other.ok || other.error.code).toBe('NOT_FOUND');
    const past = await h.as('staff-li')('activities', 'carryForward', { month: '2026-09' });
    expect(past.ok || past.error.code).toBe('VALIDATION');
  });

  test('dates already past are left out when copying late', async () => {
    await december();
    // December is copied while January is already under way.
    h.clock.set('2027-01-10T10:00:00+08:00');
    const copied = await h.okAs('staff-li')('activities', 'carryForward', { month: '2026-12' });
    expect(copied.items.map((a) => dateOf(a.startAt))).toEqual(['2027-01-11', '2027-01-18', '2027-01-25']);
    expect(copied.skipped).toBe(2);
  });
});

describe('下月还缺什么', () => {
  test('names the missing menu, categories, series and activities; nothing once next month is copied and published', async () => {
    await december();
    const before = await h.okAs('staff-li')('activities', 'menuGaps', { month: '2027-01' });
    expect(before).toMatchObject({ month: '2027-01', previousMonth: '2026-12', menu: null, previousActivities: 5, ready: false });
    expect(before.gaps.map((g) => [g.kind, g.title])).toEqual([
      ['menu', '2027年1月党群服务菜单'],
      ['category', '中医夜市'],
      ['category', '健康义诊'],
      ['series', '中医夜市（每星期一）'],
      ['activity', '健康义诊'],
    ]);
    const copied = await h.okAs('staff-li')('activities', 'carryForward', { month: '2026-12' });
    const drafted = await h.okAs('staff-li')('activities', 'menuGaps', { month: '2027-01' });
    expect(drafted.gaps).toEqual([{ kind: 'menu', title: '2027年1月党群服务菜单', category: null, note: '尚未发布' }]);
    await h.okAs('staff-li')('activities', 'publishMenu', { menuId: copied.menu._id });
    expect(await h.okAs('staff-li')('activities', 'menuGaps', { month: '2027-01' })).toMatchObject({ gaps: [], ready: true, menu: { status: 'published', activities: 5 } });
    // Without a month: next month from today (2026-11-23 → December).
    expect((await h.okAs('staff-li')('activities', 'menuGaps', {})).month).toBe('2026-12');
  });
});
