/**
 * The 活动 tab (党群服务菜单) as WeChat would run it: the built mini-program, its cloud calls
 * answered the way the `activities` function answers (envelopes checked against the contract).
 */
import { ACTIVITIES_API, type ActivityView } from '../../types/activities';
import type { Envelope } from '../../types/errors';
import { bootMiniProgram, type CloudCall, type MiniProgram } from './miniProgram';

const pad = (n: number) => String(n).padStart(2, '0');
/** The month the page opens on: today in Shanghai. */
const shanghaiMonth = (offset: number) => {
  const d = new Date(Date.now() + 8 * 3600_000);
  const index = d.getUTCFullYear() * 12 + d.getUTCMonth() + offset;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
};
const THIS_MONTH = shanghaiMonth(0);
const NEXT_MONTH = shanghaiMonth(1);
const at = (month: string, day: number, time: string) => Date.parse(`${month}-${pad(day)}T${time}:00+08:00`);

const activity = (id: string, month: string, day: number, extra: Partial<ActivityView>): ActivityView => ({
  _id: id,
  communityId: 'c_jiariruyuan',
  menuId: `menu_${month}`,
  month,
  seriesId: null,
  title: '活动',
  category: 'public_class',
  description: '活动简介',
  place: '社区党群服务中心',
  startAt: at(month, day, '16:30'),
  endAt: at(month, day, '18:00'),
  capacity: 20,
  confirmedCount: 0,
  placesLeft: 20,
  signupOpensAt: at(month, 1, '08:00'),
  signupClosesAt: at(month, day, '16:30'),
  cancelDeadline: at(month, day, '12:00'),
  ageMin: null,
  ageMax: null,
  waitlist: true,
  checkinRequired: true,
  memberPoints: 0,
  signupPhase: 'open',
  ratingCount: 0,
  ratingAverage: null,
  createdAt: at(month, 1, '08:00'),
  updatedAt: at(month, 1, '08:00'),
  ...extra,
});

const menu = (month: string) => ({
  _id: `menu_${month}`,
  communityId: 'c_jiariruyuan',
  month,
  title: `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月党群服务菜单`,
  status: 'published' as const,
  publishedAt: at(month, 1, '08:00'),
  timeline: [],
  createdAt: at(month, 1, '08:00'),
  updatedAt: at(month, 1, '08:00'),
});

const MENUS: Record<string, unknown> = {
  [THIS_MONTH]: ACTIVITIES_API.monthMenu.output.parse({
    month: THIS_MONTH,
    menu: menu(THIS_MONTH),
    activities: [
      activity('a_class', THIS_MONTH, 3, { title: '四点半课堂·手工课', category: 'after_school', ageMin: 6, ageMax: 12, capacity: 10, confirmedCount: 7, placesLeft: 3 }),
      activity('a_clinic', THIS_MONTH, 3, { title: '健康义诊', category: 'health_clinic', startAt: at(THIS_MONTH, 3, '19:00'), endAt: at(THIS_MONTH, 3, '21:00'), capacity: 5, confirmedCount: 5, placesLeft: 0, waitlist: true }),
      activity('a_camp', THIS_MONTH, 9, { title: '书法体验', category: 'culture_sports', capacity: 8, confirmedCount: 8, placesLeft: 0, waitlist: false }),
    ],
    subscribed: false,
    blockedUntil: null,
  }),
  [NEXT_MONTH]: ACTIVITIES_API.monthMenu.output.parse({
    month: NEXT_MONTH,
    menu: menu(NEXT_MONTH),
    activities: [
      activity('a_tcm1', NEXT_MONTH, 7, { title: '中医夜市', category: 'tcm_night', seriesId: 's1', startAt: at(NEXT_MONTH, 7, '19:00'), endAt: at(NEXT_MONTH, 7, '21:00'), signupPhase: 'not_open' }),
    ],
    subscribed: false,
    blockedUntil: null,
  }),
};

const ok = (data: unknown): Envelope<unknown> => ({ ok: true, data });
const refuse = (call: CloudCall): Envelope<unknown> => ({ ok: false, error: { code: 'NOT_FOUND', message: `未知的操作：${call.data.action}` } });

const CLASS = (MENUS[THIS_MONTH] as { activities: ActivityView[] }).activities[0];
const MY_SIGNUP = {
  _id: 's_sun',
  communityId: 'c_jiariruyuan',
  activityId: CLASS._id,
  userId: 'u_sun',
  userName: '孙丽',
  phone: '13800000022',
  attendees: [{ name: '孙小雨', relation: 'child', age: 8 }],
  attendeeCount: 1,
  volunteer: false,
  status: 'confirmed',
  waitlistSeq: null,
  checkinCode: 'K7M3Q9RT2W',
  checkedInAt: null,
  rating: null,
  proxy: false,
  timeline: [],
  createdAt: CLASS.createdAt,
  updatedAt: CLASS.createdAt,
};
// The detail page's answer: an activity still days ahead, so the sign-up can be cancelled.
const AHEAD = Date.now() + 3 * 86_400_000;
const DETAIL = ACTIVITIES_API.getActivity.output.parse({
  activity: { ...CLASS, startAt: AHEAD, endAt: AHEAD + 5_400_000, signupClosesAt: AHEAD, cancelDeadline: AHEAD - 3_600_000 },
  mySignup: MY_SIGNUP,
  waitlisted: 0,
});
const ME = {
  user: {
    _id: 'u_sun',
    communityId: 'c_jiariruyuan',
    communityName: '假日润园社区',
    name: '孙丽',
    phone: '13800000022',
    building: '2号楼',
    room: '2单元402',
    role: 'resident',
    elderly: false,
    memberStatus: 'none',
    skills: [],
    createdAt: 0,
  },
};

const answer = (call: CloudCall): Envelope<unknown> => {
  if (call.name === 'users' && call.data.action === 'me') return ok(ME);
  if (call.name !== 'activities') return refuse(call);
  if (call.data.action === 'getActivity') {
    expect(ACTIVITIES_API.getActivity.input.parse(call.data.data)).toEqual({ activityId: CLASS._id });
    return ok(DETAIL);
  }
  if (call.data.action === 'monthMenu') {
    const { month } = ACTIVITIES_API.monthMenu.input.parse(call.data.data);
    const found = month ? MENUS[month] : undefined;
    return ok(found ?? ACTIVITIES_API.monthMenu.output.parse({ month, menu: null, activities: [], subscribed: false, blockedUntil: null }));
  }
  return refuse(call);
};

let mp: MiniProgram;

beforeAll(() => {
  mp = bootMiniProgram(answer);
});

beforeEach(() => {
  mp.calls.length = 0;
  mp.navigations.length = 0;
  mp.answer(answer);
});

describe('活动 tab in the built mini-program', () => {
  it('asks for this month’s menu and shows its activities by date with the places left', async () => {
    const page = await mp.open('pages/activities/index');

    expect(mp.calls).toContainEqual({ name: 'activities', data: { action: 'monthMenu', data: { month: THIS_MONTH } } });
    const text = page.text();
    expect(text).toContain(`${Number(THIS_MONTH.slice(0, 4))}年${Number(THIS_MONTH.slice(5, 7))}月党群服务菜单`);
    expect(text).toContain('四点半课堂·手工课');
    expect(text).toContain('剩余 3 个名额');
    expect(text).toContain('适合6–12岁');
    expect(text).toContain('健康义诊');
    expect(text).toContain('已满·可候补');
    expect(text).toContain('书法体验');
    expect(text).toMatch(/书法体验\s*已满/);
    expect(text).toContain('16:30–18:00');
    expect(text).toContain('订阅每月菜单');
    // Two activities on the 3rd, one on the 9th: two date headings.
    expect(text).toContain(`${Number(THIS_MONTH.slice(5, 7))}月3日`);
    expect(text).toContain(`${Number(THIS_MONTH.slice(5, 7))}月9日`);
    page.close();
  });

  it('switches to next month’s menu when 下月 is tapped', async () => {
    const page = await mp.open('pages/activities/index');
    expect(page.text()).toContain('四点半课堂·手工课');

    await page.tapId('month-next');

    expect(mp.calls).toContainEqual({ name: 'activities', data: { action: 'monthMenu', data: { month: NEXT_MONTH } } });
    const text = page.text();
    expect(text).toContain('中医夜市');
    expect(text).toContain('未开始报名');
    expect(text).not.toContain('四点半课堂·手工课');

    await page.tapId('month-next');
    expect(page.text()).toContain('的活动菜单还未发布');
    expect(page.text()).toContain('订阅每月菜单');
    page.close();
  });

  it('opens an activity’s detail when its card is tapped', async () => {
    const page = await mp.open('pages/activities/index');
    await page.tapText('健康义诊');
    expect(mp.navigations).toContainEqual({ api: 'navigateTo', url: '/packages/resident-activities/pages/detail/index?id=a_clinic' });
    page.close();
  });

  it('shows my sign-up on the activity page with its check-in code, and asks before cancelling', async () => {
    const page = await mp.open('packages/resident-activities/pages/detail/index', { id: CLASS._id });
    expect(mp.calls).toContainEqual({ name: 'activities', data: { action: 'getActivity', data: { activityId: CLASS._id } } });
    const text = page.text();
    expect(text).toContain('四点半课堂·手工课');
    expect(text).toContain('我的报名');
    expect(text).toContain('已报名');
    expect(text).toContain('参加人：孙小雨（子女，8岁）');
    expect(text).toContain('签到码 K7M3Q9RT2W');
    expect(text).toContain('6–12岁（按参加人实际年龄）');

    await page.tapText('取消报名');
    expect(page.text()).toContain('确认取消报名');
    expect(page.text()).toContain('名额将让给候补的居民');
    expect(mp.calls.some((c) => c.data.action === 'cancelSignup')).toBe(false);
    page.close();
  });

  it('shows the server’s refusal and recovers on retry', async () => {
    mp.answer(() => ({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } }));
    const page = await mp.open('pages/activities/index');
    expect(page.text()).toContain('加载失败');
    expect(page.text()).toContain('系统繁忙，请稍后再试');

    mp.answer(answer);
    await page.tapText('重新加载');
    expect(page.text()).toContain('四点半课堂·手工课');
    page.close();
  });
});
