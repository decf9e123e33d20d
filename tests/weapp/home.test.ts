/**
 * The role-aware 首页 and the 长辈模式 root class, in the built mini-program. Identity comes from
 * the platform, so the page learns who is calling from users.me.
 */
import type { UserProfile } from '../../types/users';
import { bootMiniProgram, type MiniProgram } from './miniProgram';

const profile = (overrides: Partial<UserProfile>): UserProfile => ({
  _id: 'u_1',
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
  createdAt: 1_767_225_600_000,
  ...overrides,
});

let mp: MiniProgram;
let me: UserProfile | null = null;
let badges: unknown = null;
let gaps: unknown = null;

beforeAll(() => {
  mp = bootMiniProgram((call) => {
    if (call.name === 'users' && call.data.action === 'me') return { ok: true, data: { user: me } };
    if (call.name === 'users' && call.data.action === 'homeBadges' && badges) return { ok: true, data: badges };
    if (call.name === 'activities' && call.data.action === 'menuGaps' && gaps) return { ok: true, data: gaps };
    return { ok: false, error: { code: 'NOT_FOUND', message: `未知的操作：${call.data.action}` } };
  });
});

beforeEach(() => {
  mp.storage.clear();
  mp.navigations.length = 0;
  badges = null;
  gaps = null;
});

describe('首页 in the built mini-program', () => {
  it('invites a WeChat user who has not registered to register', async () => {
    me = null;
    const page = await mp.open('pages/index/index');
    expect(mp.calls).toContainEqual({ name: 'users', data: { action: 'me', data: {} } });
    expect(page.text()).toContain('欢迎来到邻里服务');

    await page.tapText('立即注册');
    expect(mp.navigations).toContainEqual({ api: 'navigateTo', url: '/packages/me/pages/register/index' });
    page.close();
  });

  it('gives staff the 服务管理 and 党员审核 entries, which open the staff subpackage', async () => {
    me = profile({ name: '李红梅', role: 'staff' });
    const page = await mp.open('pages/index/index');
    const text = page.text();
    expect(text).toContain('李红梅，您好');
    expect(text).toContain('社区工作者');
    expect(text).toContain('党员审核');
    expect(text).not.toContain('我的党员卡');

    await page.tapText('服务管理');
    expect(mp.navigations).toContainEqual({ api: 'navigateTo', url: '/packages/staff/pages/items/index' });
    page.close();
  });

  it('shows staff what waits on the tiles, from users.homeBadges (issue 13)', async () => {
    me = profile({ name: '李红梅', role: 'staff' });
    badges = { dispatch: 3, wishReview: 12, memberReview: 0, myTasks: null, taskHall: null, myClaims: null, unreadMessages: 0 };
    const page = await mp.open('pages/index/index');
    await page.settle(300);
    expect(mp.calls).toContainEqual({ name: 'users', data: { action: 'homeBadges', data: {} } });
    const flat = page.text().replace(/\s+/g, '');
    expect(flat).toContain('派单台待派单、超时、低分回访3');
    expect(flat).toContain('心愿审核居民发布的心愿12');
    // Nothing waits for 党员审核: no badge.
    expect(flat).toContain('党员审核双报到申请活动签到');
    page.close();
  });

  it('shows a resident their member application state', async () => {
    me = profile({ memberStatus: 'pending', branch: '区人民医院党支部', skills: ['医疗健康'] });
    const page = await mp.open('pages/index/index');
    // The identity cached from the previous test shows until users.me answers.
    await page.settle(300);
    // A resident's home leads with what they can do next.
    expect(page.text()).toContain('我想要');
    expect(page.text()).toContain('预约服务');
    expect(page.text()).toContain('发布心愿');
    expect(page.text()).toContain('报名活动');
    expect(page.text()).toContain('审核中');
    expect(page.text()).not.toContain('党员审核');
    page.close();
  });

  it('gives a member the way to their card', async () => {
    me = profile({ name: '张建国', role: 'member', memberStatus: 'approved', branch: '假日润园社区第一党支部', skills: ['家电维修'] });
    const page = await mp.open('pages/index/index');
    expect(page.text()).toContain('假日润园社区第一党支部');
    await page.tapText('我的党员卡');
    expect(mp.navigations).toContainEqual({ api: 'navigateTo', url: '/packages/member/pages/card/index' });
    page.close();
  });

  it('renders in 长辈模式 when the device has it switched on', async () => {
    me = profile({ name: '赵秀兰', elderly: true });
    mp.storage.set('linli.elderlyMode', true);
    const elderly = await mp.open('pages/index/index');
    expect(elderly.rootClasses()).toEqual(expect.arrayContaining(['page', 'page--elderly']));
    elderly.close();

    mp.storage.set('linli.elderlyMode', false);
    const normal = await mp.open('pages/index/index');
    expect(normal.rootClasses()).toContain('page');
    expect(normal.rootClasses()).not.toContain('page--elderly');
    normal.close();
  });

  it('tells staff what next month’s activity menu still lacks, and leads to it (issue 12)', async () => {
    me = profile({ name: '李红梅', role: 'staff' });
    gaps = {
      month: '2026-12',
      previousMonth: '2026-11',
      menu: null,
      previousActivities: 6,
      ready: false,
      gaps: [
        { kind: 'menu', title: '2026年12月', category: null, note: '尚未创建，可从本月菜单一键沿用' },
        { kind: 'category', title: '四点半课堂', category: 'after_school', note: '上月4场，本月还没有' },
        { kind: 'series', title: '中医夜市', category: 'tcm_night', note: '每周活动，本月还没有安排' },
        { kind: 'activity', title: '红色电影放映', category: 'culture_sports', note: '上月有，本月还没有' },
      ],
    };
    const page = await mp.open('pages/index/index');
    await page.settle(300);
    expect(mp.calls).toContainEqual({ name: 'activities', data: { action: 'menuGaps', data: {} } });
    const flat = page.text().replace(/\s+/g, '');
    expect(flat).toContain('12月活动菜单还缺4项');
    expect(flat).toContain('四点半课堂：上月4场，本月还没有');
    // Three shown, the rest counted.
    expect(flat).not.toContain('红色电影放映');
    expect(flat).toContain('还有1项…');
    expect(flat).toContain('活动菜单管理每月活动与发布4');
    await page.tapText('去安排12月菜单');
    expect(mp.navigations).toContainEqual({ api: 'navigateTo', url: '/packages/activities-staff/pages/menu/index?month=2026-12' });
    page.close();
  });

  it('shows no planning card once next month’s menu is ready', async () => {
    me = profile({ name: '李红梅', role: 'staff' });
    gaps = { month: '2026-12', previousMonth: '2026-11', menu: { _id: 'm', title: '2026年12月党群服务菜单', status: 'published', activities: 8 }, previousActivities: 6, ready: true, gaps: [] };
    const page = await mp.open('pages/index/index');
    await page.settle(300);
    expect(mp.calls).toContainEqual({ name: 'activities', data: { action: 'menuGaps', data: {} } });
    expect(page.text()).not.toContain('活动菜单还缺');
    page.close();
  });
});
