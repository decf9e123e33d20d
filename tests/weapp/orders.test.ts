/**
 * 我的订单 and 订单详情 as WeChat would run them: the built mini-program's main-package pages, with
 * `wx.cloud.callFunction` answering the way the `orders` function does — every envelope's data is
 * first checked against the action's output schema in types/api.ts.
 */
import { API } from '../../types/api';
import type { Envelope } from '../../types/errors';
import type { OrderEvent, OrderStatus, OrderView, RATING_TAGS } from '../../types/orders';
import { bootMiniProgram, type CloudCall, type MiniProgram } from './miniProgram';

const T0 = Date.parse('2026-11-20T09:00:00+08:00');
const MIN = 60_000;

const event = (at: number, by: string, byName: string, from: OrderStatus | null, to: OrderStatus, note = ''): OrderEvent => ({ at, by, byName, from, to, note });

const order = (id: string, status: OrderStatus, extra: Partial<OrderView> = {}): OrderView => ({
  _id: id,
  communityId: 'c_jiariruyuan',
  itemId: 'i_small',
  itemTitle: '小家电维修',
  categoryName: '家电维修',
  categoryKind: 'regular',
  skills: ['家电维修'],
  residentId: 'u_sun',
  residentName: '孙丽',
  phone: '13800000022',
  address: '2号楼2单元402',
  date: '2026-11-21',
  slot: 'morning',
  note: '电饭煲不加热',
  status,
  proxy: false,
  proxyBy: null,
  assigneeId: null,
  assigneeName: null,
  summary: '',
  photos: [],
  rating: null,
  cancelReason: '',
  overdue: false,
  timeline: [event(T0, 'u_sun', '孙丽', null, 'submitted')],
  createdAt: T0,
  updatedAt: T0,
  ...extra,
});

const COMPLETED = order('o_done', 'completed', {
  assigneeId: 'u_zhang',
  assigneeName: '张建国',
  summary: '更换了温控器，试用正常',
  timeline: [
    event(T0, 'u_sun', '孙丽', null, 'submitted'),
    event(T0 + 10 * MIN, 'u_li', '李红梅', 'submitted', 'assigned', '派给张建国'),
    event(T0 + 60 * MIN, 'u_zhang', '张建国', 'assigned', 'serving'),
    event(T0 + 120 * MIN, 'u_zhang', '张建国', 'serving', 'completed', '更换了温控器，试用正常'),
  ],
  updatedAt: T0 + 120 * MIN,
});

type Tag = (typeof RATING_TAGS)[number];

const rated = (stars: number, tags: Tag[], comment: string): OrderView => ({
  ...COMPLETED,
  status: 'rated',
  rating: { stars, tags, comment, at: T0 + 180 * MIN, auto: false },
  timeline: [...COMPLETED.timeline, event(T0 + 180 * MIN, 'u_sun', '孙丽', 'completed', 'rated', `${stars}星`)],
  updatedAt: T0 + 180 * MIN,
});

/** An answer only after its data passes the action's output contract, as the real function's would. */
const ok = <F extends 'orders' | 'users', A extends keyof (typeof API)[F]>(fn: F, action: A, data: unknown): Envelope<unknown> => {
  const contract = API[fn][action] as { output: { parse: (v: unknown) => unknown } };
  return { ok: true, data: contract.output.parse(data) };
};

const notFound = (call: CloudCall): Envelope<unknown> => ({ ok: false, error: { code: 'NOT_FOUND', message: `未知的操作：${call.data.action}` } });

const ordersCalls = (mp: MiniProgram, action: string) => mp.calls.filter((c) => c.name === 'orders' && c.data.action === action);

let mp: MiniProgram;

beforeAll(() => {
  mp = bootMiniProgram(notFound);
});

beforeEach(() => {
  mp.calls.length = 0;
  mp.navigations.length = 0;
});

describe('订单详情 in the built mini-program', () => {
  it('shows the order, who serves it, and the timeline newest first', async () => {
    mp.answer((call) => (call.data.action === 'getOrder' ? ok('orders', 'getOrder', COMPLETED) : notFound(call)));
    const page = await mp.open('packages/resident-orders/pages/detail/index', { id: 'o_done' });

    expect(ordersCalls(mp, 'getOrder').map((c) => c.data.data)).toEqual([{ orderId: 'o_done' }]);
    const text = page.text();
    expect(text).toContain('小家电维修');
    expect(text).toContain('待评价');
    expect(text).toContain('2026-11-21 上午');
    expect(text).toContain('服务志愿者张建国');
    expect(text).toContain('更换了温控器，试用正常');
    expect(text).toContain('为这次服务打分');
    // Timeline: who did what, when, the new state, the note; oldest first like a wish's.
    expect(text).toContain('张建国 · 完成服务');
    expect(text).toContain('李红梅 · 派单');
    expect(text).toContain('孙丽 · 提交订单');
    expect(text).toContain('李红梅 · 派单已派单2026-11-20 09:10');
    expect(text).toContain('派给张建国');
    expect(text.indexOf('孙丽 · 提交订单')).toBeLessThan(text.indexOf('张建国 · 完成服务'));
    // A resident cannot cancel once the service is done.
    expect(text).not.toContain('取消订单');
    page.close();
  });

  it('asks for stars before sending a rating', async () => {
    mp.answer((call) => (call.data.action === 'getOrder' ? ok('orders', 'getOrder', COMPLETED) : notFound(call)));
    const page = await mp.open('packages/resident-orders/pages/detail/index', { id: 'o_done' });

    await page.tapText('提交评价');
    expect(page.text()).toContain('请点击星星评分');
    expect(ordersCalls(mp, 'rateOrder')).toHaveLength(0);
    page.close();
  });

  it('rates 5★ with a tag, then shows the rating and the new timeline entry', async () => {
    let current = COMPLETED;
    mp.answer((call) => {
      if (call.data.action === 'getOrder') return ok('orders', 'getOrder', current);
      if (call.data.action === 'rateOrder') {
        const input = call.data.data as { stars: number; tags: Tag[]; comment?: string };
        current = rated(input.stars, input.tags, input.comment ?? '');
        return ok('orders', 'rateOrder', current);
      }
      return notFound(call);
    });
    const page = await mp.open('packages/resident-orders/pages/detail/index', { id: 'o_done' });

    await page.tapId('star-5');
    expect(page.text()).toContain('5星 · 非常满意');
    await page.tapText('准时');
    await page.tapText('提交评价');
    await page.settle();

    expect(ordersCalls(mp, 'rateOrder').map((c) => c.data.data)).toEqual([{ orderId: 'o_done', stars: 5, tags: ['准时'] }]);
    const text = page.text();
    expect(text).toContain('已评价');
    expect(text).toContain('居民评价★★★★★');
    expect(text).toContain('孙丽 · 评价服务');
    expect(text).toContain('5星');
    expect(text).not.toContain('提交评价');
    page.close();
  });
});

describe('我的订单 in the built mini-program', () => {
  const SUBMITTED = order('o_new', 'submitted', { createdAt: T0 + 300 * MIN, updatedAt: T0 + 300 * MIN, itemTitle: '水电小修' });
  const ASSIGNED = order('o_assigned', 'assigned', { assigneeId: 'u_zhang', assigneeName: '张建国', createdAt: T0 + 200 * MIN, itemTitle: '法律咨询' });
  const SERVING = order('o_serving', 'serving', { assigneeId: 'u_liu', assigneeName: '刘芳', createdAt: T0 + 250 * MIN, itemTitle: '血压血糖测量' });
  const ALL = [SUBMITTED, SERVING, ASSIGNED, COMPLETED];

  beforeEach(() => {
    mp.answer((call) => {
      if (call.data.action !== 'listMyOrders') return notFound(call);
      const input = call.data.data as { status?: OrderStatus };
      const items = input.status ? ALL.filter((o) => o.status === input.status) : ALL;
      return ok('orders', 'listMyOrders', { items, nextCursor: null });
    });
  });

  it('lists every order with its state and volunteer', async () => {
    const page = await mp.open('packages/resident-orders/pages/list/index');
    expect(ordersCalls(mp, 'listMyOrders').map((c) => c.data.data)).toEqual([{ pageSize: 10 }]);
    const text = page.text();
    expect(text).toContain('水电小修');
    expect(text).toContain('等待社区派单');
    expect(text).toContain('服务志愿者：刘芳');
    expect(text).toContain('待评价');
    expect(text).toContain('没有更多了');
    page.close();
  });

  it('shows 进行中 as 已派单 and 服务中 together, newest first, and opens an order on tap', async () => {
    const page = await mp.open('packages/resident-orders/pages/list/index');
    mp.calls.length = 0;

    await page.tapText('进行中');
    await page.settle();

    expect(ordersCalls(mp, 'listMyOrders').map((c) => c.data.data)).toEqual([
      { status: 'assigned', pageSize: 10 },
      { status: 'serving', pageSize: 10 },
    ]);
    const text = page.text();
    expect(text).toContain('血压血糖测量');
    expect(text).toContain('法律咨询');
    expect(text).not.toContain('水电小修');
    expect(text).not.toContain('更换了温控器');
    expect(text.indexOf('血压血糖测量')).toBeLessThan(text.indexOf('法律咨询'));

    await page.tapText('血压血糖测量');
    expect(mp.navigations).toContainEqual({ api: 'navigateTo', url: '/packages/resident-orders/pages/detail/index?id=o_serving' });
    page.close();
  });

  it('says what to do when a tab is empty', async () => {
    const page = await mp.open('packages/resident-orders/pages/list/index');
    await page.tapText('已完成');
    await page.settle();
    expect(page.text()).toContain('还没有已完成的订单');
    page.close();
  });
});

describe('服务详情 in the built mini-program', () => {
  const ITEM = {
    _id: 'i_small',
    communityId: 'c_jiariruyuan',
    categoryId: 'cat_repair',
    categoryName: '家电维修',
    categoryKind: 'regular',
    title: '小家电维修',
    description: '电饭煲、电风扇、吹风机等小家电的检测与维修。',
    skills: ['家电维修'],
    durationMinutes: 60,
    monthlyQuota: null,
    status: 'published',
    createdAt: T0,
    updatedAt: T0,
  };
  const profile = (role: 'resident' | 'staff') => ({
    _id: role === 'staff' ? 'u_li' : 'u_sun',
    communityId: 'c_jiariruyuan',
    communityName: '假日润园社区',
    name: role === 'staff' ? '李红梅' : '孙丽',
    phone: '13800000022',
    building: '2号楼',
    room: '2单元402',
    role,
    elderly: false,
    memberStatus: 'none',
    skills: [],
    createdAt: T0,
  });
  const answerAs = (role: 'resident' | 'staff') =>
    mp.answer((call) => {
      if (call.name === 'users' && call.data.action === 'me') return ok('users', 'me', { user: profile(role) });
      if (call.name === 'orders' && call.data.action === 'getItem') return ok('orders', 'getItem', ITEM);
      return notFound(call);
    });

  it('gives a resident the one primary action 我要点单, which opens the order form', async () => {
    answerAs('resident');
    const page = await mp.open('packages/resident-orders/pages/item/index', { id: 'i_small' });
    await page.tapText('我要点单');
    expect(mp.navigations).toContainEqual({ api: 'navigateTo', url: '/packages/resident-orders/pages/form/index?itemId=i_small' });
    page.close();
  });

  it('sends staff to 代点单 instead', async () => {
    answerAs('staff');
    const page = await mp.open('packages/resident-orders/pages/item/index', { id: 'i_small' });
    await page.tapText('代居民点单');
    expect(mp.navigations).toContainEqual({ api: 'navigateTo', url: '/packages/orders-staff/pages/proxy/index' });
    page.close();
  });
});

describe('我的 in the built mini-program', () => {
  it('shows the unread count on 消息中心 and opens it', async () => {
    mp.answer((call) => {
      if (call.name === 'users' && call.data.action === 'me') {
        return ok('users', 'me', {
          user: { _id: 'u_zhang', communityId: 'c_jiariruyuan', communityName: '假日润园社区', name: '张建国', phone: '13800000011', building: '3号楼', room: '2单元301', role: 'member', elderly: false, memberStatus: 'approved', branch: '假日润园社区第一党支部', skills: ['家电维修'], createdAt: T0 },
        });
      }
      if (call.name === 'users' && call.data.action === 'listMessages') {
        const message = (id: string, title: string) => ({ _id: id, kind: 'order_assigned', title, body: '“小家电维修”，2026-11-21，请及时联系居民', refType: 'order', refId: 'o_1', at: T0, read: false });
        return ok('users', 'listMessages', { items: [message('m1', '您有新的服务订单'), message('m2', '您有新的服务订单'), message('m3', '您有新的服务订单')], unread: 3, nextCursor: null });
      }
      return notFound(call);
    });
    const page = await mp.open('pages/mine/index');
    await page.settle();
    const text = page.text();
    expect(text).toContain('消息中心3');
    expect(text).toContain('我的任务');
    expect(text).toContain('我的积分');
    expect(text).toContain('先锋榜');

    await page.tapText('消息中心');
    expect(mp.navigations).toContainEqual({ api: 'navigateTo', url: '/packages/me/pages/messages/index' });
    page.close();
  });
});
