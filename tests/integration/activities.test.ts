import type { ActionInput } from '../../types/api';
import type { Attendee } from '../../types/activities';
import type { ActivityDoc } from '../../cloudfunctions/_core/activities/activityDocs';
import type { MessageDoc } from '../../cloudfunctions/_core/messages/notify';
import { openHarness, type DemoKey, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

const T = (shanghai: string) => Date.parse(`${shanghai}+08:00`);
const MIN = 60 * 1000;

type Form = ActionInput<'activities', 'addActivity'>;

/** 亲子手工课 on Monday 7 December 2026, 19:00–21:00; sign-ups 25 Nov 09:00 → 6 Dec 18:00. */
const form = (menuId: string, over: Partial<Form> = {}): Form => ({
  menuId,
  title: '亲子手工课',
  category: 'public_class',
  description: '社区志愿者带领亲子制作新年灯笼。',
  place: '社区党群服务中心二楼',
  date: '2026-12-07',
  startTime: '19:00',
  endTime: '21:00',
  capacity: 30,
  waitlist: true,
  checkinRequired: true,
  memberPoints: 5,
  signupOpensDate: '2026-11-25',
  signupOpensTime: '09:00',
  signupClosesDate: '2026-12-06',
  signupClosesTime: '18:00',
  cancelDeadlineDate: '2026-12-06',
  cancelDeadlineTime: '12:00',
  ...over,
});

const me = (name = '孙丽'): Attendee[] => [{ name, relation: 'self', age: 35 }];

const draftMenu = () => h.okAs('staff-li')('activities', 'createMenu', { month: '2026-12' });

/** A published December menu with one activity; the clock inside its sign-up window. */
const publishedActivity = async (over: Partial<Form> = {}) => {
  const menu = await draftMenu();
  const activity = await h.okAs('staff-li')('activities', 'addActivity', form(menu._id, over));
  await h.okAs('staff-li')('activities', 'publishMenu', { menuId: menu._id });
  h.clock.set('2026-11-26T10:00:00+08:00');
  return activity;
};

const signUp = (key: DemoKey, activityId: string, attendees = me()) => h.as(key)('activities', 'signUp', { activityId, attendees });
const activityDoc = async (id: string) => (await h.store.get<ActivityDoc>('activities', id))!;
const messagesOf = (key: DemoKey, kind: string) => h.store.find<MessageDoc>('messages', { userId: h.userId(key), kind });
const refusal = (answer: { ok: boolean; error?: { code: string; message: string; fields?: Record<string, string> } }) => {
  if (answer.ok) throw new Error('expected a refusal');
  return answer.error!;
};

describe('monthly menus', () => {
  test('one menu per community and month: its id is derived, its title defaults, asking twice answers the same', async () => {
    const first = await draftMenu();
    const again = await draftMenu();
    expect(first).toMatchObject({ month: '2026-12', title: '2026年12月党群服务菜单', status: 'draft', publishedAt: null });
    expect(again._id).toBe(first._id);
    const other = await h.okAs('staff-other')('activities', 'createMenu', { month: '2026-12' });
    expect(other._id).not.toBe(first._id);
    expect((await h.okAs('staff-li')('activities', 'listMenus', {})).items.map((m) => m._id)).toEqual([first._id]);
    expect(refusal(await h.as('staff-li')('activities', 'createMenu', { month: '2026-10' })).code).toBe('VALIDATION');
    expect(refusal(await h.as('staff-li')('activities', 'createMenu', { month: '2026-13' })).fields).toEqual({ month: '月份格式应为 YYYY-MM' });
  });

  test('a draft is invisible to residents; publishing shows it and notifies subscribers once', async () => {
    await h.okAs('resident-sun')('activities', 'subscribeMenus', { subscribed: true });
    await h.okAs('resident-zhou')('activities', 'subscribeMenus', { subscribed: true });
    await h.okAs('resident-zhou')('activities', 'subscribeMenus', { subscribed: false });
    const menu = await draftMenu();
    expect(refusal(await h.as('staff-li')('activities', 'publishMenu', { menuId: menu._id }))).toEqual({ code: 'CONFLICT', message: '菜单里还没有活动，请先添加活动' });
    const activity = await h.okAs('staff-li')('activities', 'addActivity', form(menu._id));

    const before = await h.okAs('resident-sun')('activities', 'monthMenu', { month: '2026-12' });
    expect(before).toMatchObject({ menu: null, activities: [], subscribed: true });
    expect(refusal(await h.as('resident-sun')('activities', 'getActivity', { activityId: activity._id })).code).toBe('NOT_FOUND');
    expect((await h.okAs('staff-li')('activities', 'monthMenu', { month: '2026-12' })).menu?.status).toBe('draft');

    expect(refusal(await h.as('resident-sun')('activities', 'publishMenu', { menuId: menu._id })).code).toBe('FORBIDDEN');
    expect(refusal(await h.as('member-zhang')('activities', 'publishMenu', { menuId: menu._id })).code).toBe('FORBIDDEN');
    expect(refusal(await h.as('staff-other')('activities', 'publishMenu', { menuId: menu._id })).code).toBe('FORBIDDEN');

    const published = await h.okAs('staff-li')('activities', 'publishMenu', { menuId: menu._id });
    expect(published.status).toBe('published');
    expect(published.timeline.map((e) => [e.from, e.to])).toEqual([[null, 'draft'], ['draft', 'published']]);
    await h.okAs('staff-li')('activities', 'publishMenu', { menuId: menu._id });

    const after = await h.okAs('resident-sun')('activities', 'monthMenu', { month: '2026-12' });
    expect(after.menu?._id).toBe(menu._id);
    expect(after.activities).toHaveLength(1);
    expect(after.activities[0]).toMatchObject({ placesLeft: 30, signupPhase: 'not_open' });
    expect(after.activities[0]).not.toHaveProperty('checkinCode');
    const notices = await messagesOf('resident-sun', 'activity_menu_published');
    expect(notices).toHaveLength(1);
    expect(notices[0].body).toContain('2026年12月党群服务菜单');
    expect(await messagesOf('resident-zhou', 'activity_menu_published')).toHaveLength(0);
  });

  test('another community can neither see nor change the menu and its activities', async () => {
    const activity = await publishedActivity();
    expect(refusal(await h.as('staff-other')('activities', 'getActivity', { activityId: activity._id })).code).toBe('FORBIDDEN');
    expect(refusal(await h.as('staff-other')('activities', 'addActivity', form(activity.menuId))).code).toBe('FORBIDDEN');
    expect(refusal(await h.as('staff-other')('activities', 'updateActivity', { activityId: activity._id, place: '别处' })).code).toBe('FORBIDDEN');
    expect(refusal(await h.as('staff-other')('activities', 'listSignups', { activityId: activity._id })).code).toBe('FORBIDDEN');
    expect((await h.okAs('staff-other')('activities', 'monthMenu', { month: '2026-12' })).menu).toBeNull();
  });

  test('bad activity forms are refused with Chinese messages naming the field, and nothing is written', async () => {
    const menu = await draftMenu();
    const cases: Array<[Partial<Form>, Record<string, string>]> = [
      [{ capacity: 0 }, { capacity: '名额不能小于1' }],
      [{ capacity: 1001 }, { capacity: '名额不能大于1000' }],
      [{ memberPoints: 51 }, { memberPoints: '志愿者积分不能大于50' }],
      [{ title: '   ' }, { title: '请填写活动名称' }],
      [{ category: 'party' as never }, { category: expect.any(String) }],
      [{ date: '2026-02-30' }, { date: '活动日期不存在，请重新选择' }],
      [{ startTime: '25:00' }, { startTime: '开始时间格式应为 HH:mm' }],
      [{ endTime: '18:00' }, { endTime: '结束时间须晚于开始时间' }],
      [{ signupClosesDate: '2026-12-08' }, { signupClosesTime: '报名截止不能晚于活动开始' }],
      [{ cancelDeadlineDate: '2026-12-08' }, { cancelDeadlineTime: '取消截止不能晚于活动开始' }],
      [{ ageMin: 12, ageMax: 6 }, { ageMax: '最大年龄不能小于最小年龄' }],
      [{ date: '2027-01-04', signupClosesDate: '2027-01-03', cancelDeadlineDate: '2027-01-03' }, { date: '活动日期须在2026年12月内' }],
    ];
    for (const [over, fields] of cases) {
      const error = refusal(await h.as('staff-li')('activities', 'addActivity', form(menu._id, over)));
      expect(error.code).toBe('VALIDATION');
      expect(error.fields).toEqual(fields);
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await h.store.count('activities', {})).toBe(0);
  });

  test('a retried addActivity (same request id) creates one activity', async () => {
    const menu = await draftMenu();
    const a = await h.okAs('staff-li')('activities', 'addActivity', form(menu._id), 'req-add-activity-1');
    const b = await h.okAs('staff-li')('activities', 'addActivity', form(menu._id), 'req-add-activity-1');
    expect(b._id).toBe(a._id);
    expect(await h.store.count('activities', {})).toBe(1);
  });

  test('a weekly series: 中医夜市 every Monday of December 2026, 19:00–21:00 Shanghai time', async () => {
    const menu = await draftMenu();
    const series = await h.okAs('staff-li')('activities', 'createSeries', {
      menuId: menu._id,
      title: '中医夜市',
      category: 'tcm_night',
      description: '社区卫生服务站中医师义诊、推拿。',
      place: '社区广场',
      weekday: 1,
      startTime: '19:00',
      endTime: '21:00',
      fromDate: '2026-12-01',
      toDate: '2026-12-31',
      capacity: 40,
      waitlist: false,
      checkinRequired: false,
      memberPoints: 5,
      signupOpensDate: '2026-11-25',
      signupOpensTime: '09:00',
      signupClosesHoursBefore: 2,
      cancelHoursBefore: 24,
    });
    expect(series.items.map((a) => [a.startAt, a.endAt])).toEqual(
      ['07', '14', '21', '28'].map((d) => [T(`2026-12-${d}T19:00:00`), T(`2026-12-${d}T21:00:00`)]),
    );
    expect(series.items[0]).toMatchObject({
      signupOpensAt: T('2026-11-25T09:00:00'),
      signupClosesAt: T('2026-12-07T17:00:00'),
      cancelDeadline: T('2026-12-06T19:00:00'),
      category: 'tcm_night',
      seriesId: series.seriesId,
    });
    expect(new Set(series.items.map((a) => a.seriesId))).toEqual(new Set([series.seriesId]));
    expect(series.items.every((a) => typeof a.checkinCode === 'string' && a.checkinCode.length >= 8)).toBe(true);

    const none = refusal(await h.as('staff-li')('activities', 'createSeries', {
      ...series.items[0],
      menuId: menu._id,
      weekday: 1,
      startTime: '19:00',
      endTime: '21:00',
      fromDate: '2026-12-01',
      toDate: '2026-12-06',
      signupOpensDate: '2026-11-25',
      signupOpensTime: '09:00',
      signupClosesHoursBefore: 2,
      cancelHoursBefore: 24,
    } as never));
    expect(none).toEqual({ code: 'VALIDATION', message: '所选日期内没有星期一', fields: { weekday: '所选日期内没有星期一' } });
    expect(await h.store.count('activities', {})).toBe(4);
  });

  test('while the menu is a draft anything may change; once published only the safe fields, capacity upwards', async () => {
    const menu = await draftMenu();
    const activity = await h.okAs('staff-li')('activities', 'addActivity', form(menu._id));
    const moved = await h.okAs('staff-li')('activities', 'updateActivity', { activityId: activity._id, startTime: '18:30', capacity: 2, waitlist: true });
    expect(moved).toMatchObject({ startAt: T('2026-12-07T18:30:00'), endAt: T('2026-12-07T21:00:00'), capacity: 2 });
    expect(refusal(await h.as('staff-li')('activities', 'updateActivity', { activityId: activity._id, endTime: '18:00' })).fields).toEqual({ endTime: '结束时间须晚于开始时间' });

    await h.okAs('staff-li')('activities', 'publishMenu', { menuId: menu._id });
    h.clock.set('2026-11-26T10:00:00+08:00');
    await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me() });
    await h.okAs('resident-zhou')('activities', 'signUp', { activityId: activity._id, attendees: me('周强') });
    const waiting = await h.okAs('resident-wu')('activities', 'signUp', { activityId: activity._id, attendees: me('吴敏') });
    expect(waiting.status).toBe('waitlisted');

    expect(refusal(await h.as('staff-li')('activities', 'updateActivity', { activityId: activity._id, startTime: '19:00' })).code).toBe('CONFLICT');
    expect(refusal(await h.as('staff-li')('activities', 'updateActivity', { activityId: activity._id, ageMin: 6 })).code).toBe('CONFLICT');
    expect(refusal(await h.as('staff-li')('activities', 'updateActivity', { activityId: activity._id, capacity: 1 })).message).toBe('菜单已发布，名额只能增加（当前2人）');
    const edited = await h.okAs('staff-li')('activities', 'updateActivity', { activityId: activity._id, place: '社区活动室', capacity: 3 });
    expect(edited).toMatchObject({ place: '社区活动室', capacity: 3, confirmedCount: 3, placesLeft: 0 });
    // The larger capacity went to the waitlist.
    const promoted = await h.okAs('resident-wu')('activities', 'getActivity', { activityId: activity._id });
    expect(promoted.mySignup?.status).toBe('confirmed');
    expect(await messagesOf('resident-wu', 'activity_promoted')).toHaveLength(1);
  });
});

describe('signing up', () => {
  test('only inside the sign-up window', async () => {
    const activity = await publishedActivity();
    h.clock.set('2026-11-25T08:59:00+08:00');
    expect(refusal(await signUp('resident-sun', activity._id))).toEqual({ code: 'CONFLICT', message: '报名尚未开始，2026年11月25日 09:00开放报名' });
    h.clock.set('2026-11-25T09:00:00+08:00');
    expect((await signUp('resident-sun', activity._id)).ok).toBe(true);
    h.clock.set('2026-12-06T18:00:00+08:00');
    expect(refusal(await signUp('resident-zhou', activity._id))).toEqual({ code: 'CONFLICT', message: '报名已截止' });
    h.clock.set('2026-12-06T17:59:00+08:00');
    expect((await signUp('resident-zhou', activity._id)).ok).toBe(true);
    expect(await h.store.count('activity_signups', {})).toBe(2);
  });

  test('only within the audience age range (四点半课堂 6–12), per attendee', async () => {
    const activity = await publishedActivity({ title: '四点半课堂', category: 'after_school', ageMin: 6, ageMax: 12, startTime: '16:30', endTime: '18:00' });
    const kid = (age: number) => ({ name: '小明', relation: 'child' as const, age });
    const young = refusal(await signUp('resident-sun', activity._id, [kid(8), kid(5)]));
    expect(young).toEqual({ code: 'VALIDATION', message: '本活动面向6–12岁的居民', fields: { 'attendees.1.age': '本活动面向6–12岁的居民' } });
    expect(refusal(await signUp('resident-sun', activity._id, [kid(13)])).fields).toEqual({ 'attendees.0.age': '本活动面向6–12岁的居民' });
    expect(await h.store.count('activity_signups', {})).toBe(0);
    const ok = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: [kid(6), kid(12)] });
    expect(ok).toMatchObject({ status: 'confirmed', attendeeCount: 2 });
  });

  test('at most 3 attendees per account; bad attendee input is refused field by field', async () => {
    const activity = await publishedActivity();
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `家人${i}`, relation: 'other' as const, age: 30 }));
    expect(refusal(await signUp('resident-sun', activity._id, four))).toEqual({
      code: 'VALIDATION',
      message: '每个账号最多报名3人',
      fields: { attendees: '每个账号最多报名3人' },
    });
    expect(refusal(await signUp('resident-sun', activity._id, [])).fields).toEqual({ attendees: '请至少添加1位参加人' });
    const bad = refusal(await signUp('resident-sun', activity._id, [{ name: ' ', relation: 'cousin' as never, age: -1 }]));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.fields).toEqual({ 'attendees.0.name': '请填写参加人姓名', 'attendees.0.relation': expect.any(String), 'attendees.0.age': '年龄不能小于0' });
    expect(refusal(await h.as('resident-sun')('activities', 'signUp', { attendees: me() } as never)).fields).toHaveProperty('activityId');
    expect(refusal(await h.as('resident-sun')('activities', 'signUp', { activityId: 'nope', attendees: me() })).code).toBe('NOT_FOUND');
    expect(await h.store.count('activity_signups', {})).toBe(0);
  });

  test('signing up twice answers the existing sign-up; its check-in code is shown to its owner', async () => {
    const activity = await publishedActivity();
    const first = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me() });
    const second = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: [...me(), { name: '孙小宝', relation: 'child', age: 7 }] });
    expect(second).toEqual(first);
    expect(first).toMatchObject({ status: 'confirmed', attendeeCount: 1, waitlistSeq: null, proxy: false });
    expect(first.checkinCode).toMatch(/^[A-Z2-9]{10}$/);
    expect((await activityDoc(activity._id)).confirmedCount).toBe(1);
    const mine = await h.okAs('resident-sun')('activities', 'mySignups', {});
    expect(mine.items.map((s) => [s._id, s.checkinCode, s.activity.title])).toEqual([[first._id, first.checkinCode, '亲子手工课']]);
    expect(mine.items[0].activity).not.toHaveProperty('checkinCode');
  });

  test('beyond capacity without a waitlist: 名额已满', async () => {
    const activity = await publishedActivity({ capacity: 2, waitlist: false });
    expect((await signUp('resident-sun', activity._id, [...me(), { name: '孙父', relation: 'parent', age: 66 }])).ok).toBe(true);
    expect(refusal(await signUp('resident-zhou', activity._id))).toEqual({ code: 'FULL', message: '名额已满' });
    expect(await h.store.count('activity_signups', {})).toBe(1);
  });

  test('cancelling before the deadline frees the place and promotes the first waitlisted group that fits', async () => {
    const activity = await publishedActivity({ capacity: 2 });
    const sun = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me() });
    await h.okAs('resident-zhou')('activities', 'signUp', { activityId: activity._id, attendees: me('周强') });
    const pair = [{ name: '吴敏', relation: 'self' as const, age: 40 }, { name: '吴母', relation: 'parent' as const, age: 70 }];
    const wu = await h.okAs('resident-wu')('activities', 'signUp', { activityId: activity._id, attendees: pair });
    const zheng = await h.okAs('resident-zheng')('activities', 'signUp', { activityId: activity._id, attendees: me('郑小华') });
    expect([wu.status, wu.waitlistSeq, zheng.status, zheng.waitlistSeq]).toEqual(['waitlisted', 1, 'waitlisted', 2]);

    // One place frees up: the pair at the head does not fit, the single behind it does.
    const cancelled = await h.okAs('resident-sun')('activities', 'cancelSignup', { signupId: sun._id, reason: '临时有事' });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.checkinCode).toBeNull();
    expect((await h.okAs('resident-zheng')('activities', 'getActivity', { activityId: activity._id })).mySignup?.status).toBe('confirmed');
    expect((await h.okAs('resident-wu')('activities', 'getActivity', { activityId: activity._id })).mySignup?.status).toBe('waitlisted');
    const notice = await messagesOf('resident-zheng', 'activity_promoted');
    expect(notice.map((m) => m.body)).toEqual(['您候补的“亲子手工课”已递补成功，请于2026年12月7日 19:00到社区党群服务中心二楼参加']);
    expect((await activityDoc(activity._id)).confirmedCount).toBe(2);

    // Cancelling again changes nothing.
    expect((await h.okAs('resident-sun')('activities', 'cancelSignup', { signupId: sun._id })).status).toBe('cancelled');
    expect((await activityDoc(activity._id)).confirmedCount).toBe(2);

    // Past the deadline a confirmed sign-up stays.
    h.clock.set('2026-12-06T12:00:00+08:00');
    const zhou = (await h.okAs('resident-zhou')('activities', 'getActivity', { activityId: activity._id })).mySignup!;
    expect(refusal(await h.as('resident-zhou')('activities', 'cancelSignup', { signupId: zhou._id }))).toEqual({
      code: 'CONFLICT',
      message: '已过取消截止时间（2026年12月6日 12:00）',
    });
    // A waitlisted resident may still withdraw.
    expect((await h.okAs('resident-wu')('activities', 'cancelSignup', { signupId: wu._id })).status).toBe('cancelled');
  });

  test('a resident who cancelled may sign up again, behind anyone already waiting', async () => {
    const activity = await publishedActivity({ capacity: 1 });
    const sun = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me() });
    await h.okAs('resident-sun')('activities', 'cancelSignup', { signupId: sun._id });
    const back = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me() });
    expect(back).toMatchObject({ _id: sun._id, status: 'confirmed', checkinCode: sun.checkinCode });
    expect(back.timeline.map((e) => e.to)).toEqual(['confirmed', 'cancelled', 'confirmed']);
    expect((await activityDoc(activity._id)).confirmedCount).toBe(1);
    const zhou = await h.okAs('resident-zhou')('activities', 'signUp', { activityId: activity._id, attendees: me('周强') });
    expect(zhou.status).toBe('waitlisted');
  });

  test('only the resident or staff act on a sign-up; staff sign up on a resident’s behalf (代报名)', async () => {
    const activity = await publishedActivity();
    const sun = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me() });
    expect(refusal(await h.as('resident-zhou')('activities', 'cancelSignup', { signupId: sun._id })).code).toBe('FORBIDDEN');
    expect(refusal(await h.as('staff-other')('activities', 'cancelSignup', { signupId: sun._id })).code).toBe('FORBIDDEN');
    expect(refusal(await h.as('resident-zhou')('activities', 'signUp', { activityId: activity._id, attendees: me(), onBehalfOf: h.userId('resident-zhao') })).code).toBe('FORBIDDEN');
    expect(refusal(await h.as('staff-li')('activities', 'signUp', { activityId: activity._id, attendees: me() })).fields).toEqual({ onBehalfOf: '请选择代报名的居民' });

    const proxy = await h.okAs('staff-li')('activities', 'signUp', {
      activityId: activity._id,
      attendees: [{ name: '赵秀兰', relation: 'self', age: 78 }],
      onBehalfOf: h.userId('resident-zhao'),
    });
    expect(proxy).toMatchObject({ userId: h.userId('resident-zhao'), userName: '赵秀兰', proxy: true, status: 'confirmed' });
    expect(proxy.timeline[0]).toMatchObject({ by: h.userId('staff-li'), byName: '李红梅', note: '社区代报名' });
    const zhaos = await h.okAs('resident-zhao')('activities', 'mySignups', {});
    expect(zhaos.items.map((s) => s._id)).toEqual([proxy._id]);
    const cancelled = await h.okAs('staff-li')('activities', 'cancelSignup', { signupId: proxy._id });
    expect(cancelled.timeline[1]).toMatchObject({ by: h.userId('staff-li'), note: '社区代取消' });
  });

  test('members may sign up to serve; volunteers take no attendee place; residents cannot volunteer', async () => {
    const activity = await publishedActivity({ capacity: 1 });
    expect(refusal(await h.as('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me(), volunteer: true })).code).toBe('FORBIDDEN');
    const volunteer = await h.okAs('member-zhang')('activities', 'signUp', { activityId: activity._id, attendees: [{ name: '张建国', relation: 'self', age: 52 }], volunteer: true });
    expect(volunteer).toMatchObject({ status: 'confirmed', volunteer: true });
    expect((await activityDoc(activity._id)).confirmedCount).toBe(0);
    expect((await signUp('resident-sun', activity._id)).ok).toBe(true);
  });
});

describe('check-in and rating', () => {
  const setup = async () => {
    const activity = await publishedActivity();
    const sun = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me() });
    return { activity, sun };
  };

  test('staff scan the sign-up code from 30 minutes before the start to the end; twice answers the same', async () => {
    const { activity, sun } = await setup();
    const scan = () => h.as('staff-li')('activities', 'checkIn', { activityId: activity._id, code: sun.checkinCode! });
    h.clock.set(T('2026-12-07T19:00:00') - 31 * MIN);
    expect(refusal(await scan())).toEqual({ code: 'CONFLICT', message: '签到将于2026年12月7日 18:30开始' });
    h.clock.set(T('2026-12-07T19:00:00') - 30 * MIN);
    const first = await scan();
    expect(first).toEqual({ ok: true, data: expect.objectContaining({ status: 'checked_in', checkedInAt: T('2026-12-07T18:30:00') }) });
    h.clock.advance(5 * MIN);
    expect(await scan()).toEqual(first);
    h.clock.set(T('2026-12-07T21:00:00') + 1);
    expect(refusal(await scan())).toEqual({ code: 'CONFLICT', message: '活动已结束，签到已关闭' });
  });

  test('only staff check in by a sign-up code; a wrong code or another activity’s code is refused', async () => {
    const { activity, sun } = await setup();
    h.clock.set('2026-12-07T19:00:00+08:00');
    expect(refusal(await h.as('resident-sun')('activities', 'checkIn', { activityId: activity._id, code: sun.checkinCode! })).code).toBe('FORBIDDEN');
    expect(refusal(await h.as('member-zhang')('activities', 'checkIn', { activityId: activity._id, code: sun.checkinCode! })).code).toBe('FORBIDDEN');
    expect(refusal(await h.as('staff-other')('activities', 'checkIn', { activityId: activity._id, code: sun.checkinCode! })).code).toBe('FORBIDDEN');
    expect(refusal(await h.as('staff-li')('activities', 'checkIn', { activityId: activity._id, code: 'ZZZZZZZZZZ' }))).toEqual({ code: 'NOT_FOUND', message: '签到码无效或不属于本活动' });
    expect(refusal(await h.as('staff-li')('activities', 'checkIn', { activityId: activity._id, code: 'x' })).code).toBe('VALIDATION');
    expect((await h.okAs('resident-sun')('activities', 'getActivity', { activityId: activity._id })).mySignup?.status).toBe('confirmed');
  });

  test('the attendee scans the activity’s own code (which only staff are shown)', async () => {
    const { activity } = await setup();
    const forResident = await h.okAs('resident-sun')('activities', 'getActivity', { activityId: activity._id });
    expect(forResident.activity).not.toHaveProperty('checkinCode');
    const code = (await h.okAs('staff-li')('activities', 'getActivity', { activityId: activity._id })).activity.checkinCode!;
    h.clock.set('2026-12-07T18:45:00+08:00');
    expect(refusal(await h.as('resident-sun')('activities', 'selfCheckIn', { activityId: activity._id, code: 'WRONGCODE2' }))).toEqual({
      code: 'VALIDATION',
      message: '活动签到码不正确',
      fields: { code: '活动签到码不正确' },
    });
    expect(refusal(await h.as('resident-zhou')('activities', 'selfCheckIn', { activityId: activity._id, code })).code).toBe('NOT_FOUND');
    const done = await h.okAs('resident-sun')('activities', 'selfCheckIn', { activityId: activity._id, code });
    expect(done.status).toBe('checked_in');
    expect((await h.okAs('resident-sun')('activities', 'selfCheckIn', { activityId: activity._id, code })).checkedInAt).toBe(done.checkedInAt);
  });

  test('attendees who checked in rate once, 1–5 stars with a comment of at most 200 characters', async () => {
    const { activity, sun } = await setup();
    const rate = (stars: number, comment?: string) => h.as('resident-sun')('activities', 'rateActivity', { signupId: sun._id, stars, comment });
    expect(refusal(await rate(5)).message).toBe('签到后才能评价活动');
    h.clock.set('2026-12-07T19:00:00+08:00');
    await h.okAs('staff-li')('activities', 'checkIn', { activityId: activity._id, code: sun.checkinCode! });
    expect(refusal(await rate(6)).fields).toEqual({ stars: '评分不能大于5' });
    expect(refusal(await rate(4, '好'.repeat(201))).fields).toEqual({ comment: '评价不超过200个字' });
    expect(refusal(await h.as('resident-zhou')('activities', 'rateActivity', { signupId: sun._id, stars: 1 })).code).toBe('FORBIDDEN');
    const rated = await rate(4, '孩子很喜欢');
    expect(rated.ok && rated.data.rating).toMatchObject({ stars: 4, comment: '孩子很喜欢' });
    expect(refusal(await rate(5)).message).toBe('您已评价过该活动');
    expect((await h.okAs('resident-sun')('activities', 'getActivity', { activityId: activity._id })).activity).toMatchObject({ ratingCount: 1, ratingAverage: 4 });
  });
});
