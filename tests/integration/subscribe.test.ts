/**
 * Subscribe messages (订阅消息), end to end through the real handlers: every event PRODUCT.md lists
 * puts its message in the outbox after the action that causes it, for a user who consented on the
 * tap before; one consent, one message; a retry, a second copy of a job and the reconciler send
 * nothing twice; a failed send is recorded and never fails the action.
 */
import type { OutboxEntry } from '../../cloudfunctions/_adapters/local/outbox';
import { balanceIdOf, SUBSCRIBE_BALANCES, type BalanceDoc } from '../../cloudfunctions/_core/messages/subscribeBalances';
import { localSubscribeConfig } from '../../cloudfunctions/_core/messages/subscribeTemplates';
import { RECONCILE_GRACE_MS } from '../../cloudfunctions/_core/scheduler/reconcileWindow';
import { ALL_JOBS, RECONCILE_JOBS, runJobs } from '../../cloudfunctions/_core/scheduler/runJobs';
import { SUBSCRIBE_EVENTS } from '../../types/subscribe';
import { openHarness, type DemoKey, type Harness } from '../support/harness';
import { itemByTitle, orderForm, orderIn, PNG, requestId } from '../support/orderFixtures';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

const sentTo = (key: DemoKey, event?: string): OutboxEntry[] =>
  h.outbox.entries().filter((e) => e.userId === h.userId(key) && (!event || e.event === event));
const balanceOf = async (key: DemoKey, event: (typeof SUBSCRIBE_EVENTS)[number]) =>
  (await h.store.get<BalanceDoc>(SUBSCRIBE_BALANCES, balanceIdOf(h.userId(key), localSubscribeConfig().templates[event].templateId)))?.count ?? 0;

const activityForm = (menuId: string, capacity: number) => ({
  menuId,
  title: '中医养生讲座：冬季进补与常见慢病的日常调理方法',
  category: 'health_clinic' as const,
  description: '社区卫生服务站中医师主讲。',
  place: '社区党群服务中心二楼多功能厅',
  date: '2026-12-12',
  startTime: '09:00',
  endTime: '11:00',
  capacity,
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
const me = (name: string) => [{ name, relation: 'self' as const, age: 40 }];

test('the deployment tells each tap which templates to ask for', async () => {
  const templates = await h.okAs('resident-sun')('users', 'subscribeTemplates', {});
  expect(templates.moments).toEqual({
    submitOrder: ['local-order-accepted', 'local-order-completed'],
    takeOrder: ['local-order-assigned'],
    claimWish: ['local-order-assigned'],
    postWish: ['local-wish-claimed', 'local-wish-fulfilled'],
    signUp: ['local-activity-promoted', 'local-activity-reminder'],
    subscribeMenus: ['local-activity-menu-published'],
  });
  expect(templates.events.map((e) => e.event).sort()).toEqual([...SUBSCRIBE_EVENTS].sort());
});

test('every event’s message is in the outbox after the action that causes it, to the user who consented', async () => {
  for (const [key, moment] of [
    ['resident-sun', 'submitOrder'],
    ['member-zhang', 'takeOrder'],
    ['resident-zhao', 'postWish'],
    ['resident-zhou', 'signUp'],
    ['resident-wu', 'subscribeMenus'],
  ] as const) {
    await h.consent(key, moment);
  }

  // 派单 → the member (order_assigned) and the resident (order_accepted).
  const order = await orderIn(h, 'assigned');
  expect(sentTo('member-zhang', 'order_assigned')).toHaveLength(1);
  expect(sentTo('resident-sun', 'order_accepted')).toHaveLength(1);
  const [accepted] = sentTo('resident-sun', 'order_accepted');
  expect(accepted).toMatchObject({
    templateId: 'local-order-accepted',
    touser: h.openidOf('resident-sun'),
    page: `packages/resident-orders/pages/detail/index?id=${encodeURIComponent(order._id)}`,
    miniprogramState: 'developer',
    data: { thing1: { value: '小家电维修' }, name2: { value: '张建国' }, thing3: { value: '11月25日上午' }, phrase4: { value: '已接单' } },
    result: { ok: true },
  });
  expect(sentTo('member-zhang', 'order_assigned')[0].data).toMatchObject({ thing1: { value: '小家电维修' }, phrase3: { value: '社区派单' } });

  // 送菜 → the resident (order_completed).
  await h.okAs('member-zhang')('orders', 'startOrder', { orderId: order._id });
  await h.okAs('member-zhang')('orders', 'completeOrder', { orderId: order._id, summary: '已修好', photos: [] });
  expect(sentTo('resident-sun', 'order_completed')).toHaveLength(1);
  expect(sentTo('resident-sun', 'order_completed')[0].data.time3.value).toBe('2026年11月23日 09:00');

  // 微心愿: claimed, fulfilled → the poster.
  const wish = await h.okAs('resident-zhao')('wishes', 'postWish', { beneficiaryType: 'elderly', kind: 'material', title: '一台能听戏的收音机', content: '想听戏。', value: 80, deadline: '2026-12-31' }, requestId());
  await h.okAs('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: true });
  await h.okAs('member-liu')('wishes', 'claimWish', { wishId: wish._id });
  expect(sentTo('resident-zhao', 'wish_claimed')).toHaveLength(1);
  expect(sentTo('resident-zhao', 'wish_claimed')[0].data).toMatchObject({ thing1: { value: '一台能听戏的收音机' }, name2: { value: '刘芳' }, phrase4: { value: '已认领' } });
  await h.okAs('member-liu')('wishes', 'fulfilWish', { wishId: wish._id, note: '已送到', photos: [h.app.files.save(PNG, 'image/png')] });
  expect(sentTo('resident-zhao', 'wish_fulfilled')).toHaveLength(1);

  // 党群服务菜单: published → the subscriber; a promotion and the reminder → the resident.
  await h.okAs('resident-wu')('activities', 'subscribeMenus', { subscribed: true });
  const menu = await h.okAs('staff-li')('activities', 'createMenu', { month: '2026-12' });
  const activity = await h.okAs('staff-li')('activities', 'addActivity', activityForm(menu._id, 1), requestId());
  await h.okAs('staff-li')('activities', 'publishMenu', { menuId: menu._id });
  expect(sentTo('resident-wu', 'activity_menu_published')).toHaveLength(1);
  expect(sentTo('resident-wu', 'activity_menu_published')[0].data).toMatchObject({ thing1: { value: '2026年12月党群服务菜单' }, number2: { value: '1' } });

  const first = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me('孙丽') });
  await h.okAs('resident-zhou')('activities', 'signUp', { activityId: activity._id, attendees: me('周强') });
  await h.okAs('resident-sun')('activities', 'cancelSignup', { signupId: first._id, activityId: activity._id });
  expect(sentTo('resident-zhou', 'activity_promoted')).toHaveLength(1);
  const promoted = sentTo('resident-zhou', 'activity_promoted')[0];
  // `thing` is cut to 20 characters, ending in an ellipsis; the time is formatted.
  expect(promoted.data.thing1.value).toBe('中医养生讲座：冬季进补与常见慢病的日常…');
  expect(Array.from(promoted.data.thing1.value)).toHaveLength(20);
  expect(promoted.data.time2.value).toBe('2026年12月12日 09:00');
  expect(promoted.data.thing3.value).toBe('社区党群服务中心二楼多功能厅');

  h.clock.set('2026-12-11T10:00:00+08:00');
  await runJobs(h.app.ports, ALL_JOBS);
  expect(sentTo('resident-zhou', 'activity_reminder')).toHaveLength(1);

  // Every event went out, each to the one who consented, and nothing failed.
  expect(new Set(h.outbox.entries().map((e) => e.event))).toEqual(new Set(SUBSCRIBE_EVENTS));
  expect(h.outbox.entries().every((e) => e.result.ok)).toBe(true);
  // Every value fits its type.
  for (const e of h.outbox.entries()) {
    for (const [key, { value }] of Object.entries(e.data)) {
      if (key.startsWith('thing')) expect(Array.from(value).length).toBeLessThanOrEqual(20);
      if (key.startsWith('phrase')) expect(value).toMatch(/^[\u4e00-\u9fa5]{1,5}$/);
      if (key.startsWith('name')) expect(Array.from(value).length).toBeLessThanOrEqual(10);
    }
  }
});

test('without a consent nothing is sent, though the in-app notice is written; one consent sends one message', async () => {
  await orderIn(h, 'assigned');
  expect(h.outbox.entries()).toEqual([]);
  expect(await h.store.count('messages', { userId: h.userId('resident-sun'), kind: 'order_accepted' })).toBe(1);

  await h.consent('resident-sun', 'submitOrder');
  expect(await balanceOf('resident-sun', 'order_accepted')).toBe(1);
  const second = await orderIn(h, 'assigned', 'resident-sun', '楼道清扫');
  expect(sentTo('resident-sun', 'order_accepted')).toHaveLength(1);
  expect(await balanceOf('resident-sun', 'order_accepted')).toBe(0);
  // The consent is used up: the next event is not sent.
  h.clock.advance(60_000);
  await h.okAs('member-zhang')('orders', 'declineOrder', { orderId: second._id, reason: '临时有事' });
  await h.okAs('staff-li')('orders', 'dispatchOrder', { orderId: second._id, memberId: h.userId('member-zhang') });
  expect(sentTo('resident-sun', 'order_accepted')).toHaveLength(1);
  expect(await h.store.count('messages', { userId: h.userId('resident-sun'), kind: 'order_accepted' })).toBe(3);
});

test('consents add up (up to a cap), and a user sees what is left', async () => {
  await h.consent('resident-sun', 'submitOrder', 3);
  const mine = await h.okAs('resident-sun')('users', 'mySubscriptions', {});
  expect(mine.balances.find((b) => b.event === 'order_accepted')?.count).toBe(3);
  expect(mine.balances.find((b) => b.event === 'wish_claimed')?.count).toBe(0);
  // An id this deployment does not use is ignored.
  const reported = await h.okAs('resident-sun')('users', 'reportSubscribe', { accepted: ['someone-elses-template'] });
  expect(reported.balances.every((b) => b.count <= 3)).toBe(true);
  await h.consent('resident-sun', 'submitOrder', 30);
  expect(await balanceOf('resident-sun', 'order_accepted')).toBe(20);
});

test('a retried request, a second copy of a job and the reconciler send nothing twice', async () => {
  await h.consent('resident-sun', 'submitOrder', 5);
  await h.consent('member-zhang', 'takeOrder', 5);
  const order = await orderIn(h, 'submitted');
  const grab = requestId();
  const [a, b] = await Promise.all([
    h.as('member-zhang')('orders', 'grabOrder', { orderId: order._id }, grab),
    h.as('member-zhang')('orders', 'grabOrder', { orderId: order._id }, grab),
  ]);
  expect(a.ok && b.ok).toBe(true);
  expect(sentTo('resident-sun', 'order_accepted')).toHaveLength(1);
  expect(sentTo('member-zhang', 'order_assigned')).toHaveLength(1);
  expect(sentTo('member-zhang', 'order_assigned')[0].data.phrase3.value).toBe('抢单成功');
  expect(await balanceOf('resident-sun', 'order_accepted')).toBe(4);

  await h.okAs('member-zhang')('orders', 'startOrder', { orderId: order._id });
  await h.okAs('member-zhang')('orders', 'completeOrder', { orderId: order._id, summary: '已修好', photos: [] });
  // The reconciler finishing a completion (it re-runs what follows it) sends nothing again.
  h.clock.advance(RECONCILE_GRACE_MS + 60_000);
  await runJobs(h.app.ports, RECONCILE_JOBS);
  expect(sentTo('resident-sun', 'order_completed')).toHaveLength(1);
});

test('two copies of the reminder job remind once', async () => {
  await h.consent('resident-zhou', 'signUp', 3);
  const menu = await h.okAs('staff-li')('activities', 'createMenu', { month: '2026-12' });
  const activity = await h.okAs('staff-li')('activities', 'addActivity', activityForm(menu._id, 5), requestId());
  await h.okAs('staff-li')('activities', 'publishMenu', { menuId: menu._id });
  await h.okAs('resident-zhou')('activities', 'signUp', { activityId: activity._id, attendees: me('周强') });
  h.clock.set('2026-12-11T10:00:00+08:00');
  await Promise.all([runJobs(h.app.ports, ALL_JOBS), runJobs(h.app.ports, ALL_JOBS)]);
  await runJobs(h.app.ports, ALL_JOBS);
  expect(sentTo('resident-zhou', 'activity_reminder')).toHaveLength(1);
});

test('a refused send (43101) is recorded, never fails the action, and the balance goes to 0', async () => {
  await h.consent('resident-sun', 'submitOrder', 3);
  h.outbox.refuse(h.openidOf('resident-sun'));
  const order = await orderIn(h, 'submitted');
  const dispatched = await h.as('staff-li')('orders', 'dispatchOrder', { orderId: order._id, memberId: h.userId('member-zhang') });
  expect(dispatched.ok).toBe(true);
  expect(sentTo('resident-sun', 'order_accepted')).toHaveLength(1);
  expect(sentTo('resident-sun', 'order_accepted')[0].result).toEqual({ ok: false, code: 43101, message: expect.any(String) });
  const balance = (await h.store.get<BalanceDoc>(SUBSCRIBE_BALANCES, balanceIdOf(h.userId('resident-sun'), 'local-order-accepted')))!;
  expect(balance.count).toBe(0);
  expect(Object.values(balance.spent)).toEqual([expect.objectContaining({ event: 'order_accepted', failed: expect.objectContaining({ code: 43101 }) })]);
});

test('any other failure is recorded too, and the balance is kept for the next event', async () => {
  await h.consent('resident-sun', 'submitOrder', 3);
  h.outbox.refuse(h.openidOf('resident-sun'), 47003);
  await orderIn(h, 'assigned');
  expect(await balanceOf('resident-sun', 'order_accepted')).toBe(2);
  const balance = (await h.store.get<BalanceDoc>(SUBSCRIBE_BALANCES, balanceIdOf(h.userId('resident-sun'), 'local-order-accepted')))!;
  expect(Object.values(balance.spent)[0].failed?.code).toBe(47003);
});

test('a claim that loses its race takes its notice and its reserved message back', async () => {
  await h.consent('resident-zhao', 'postWish', 2);
  const wish = await h.okAs('resident-zhao')('wishes', 'postWish', { beneficiaryType: 'elderly', kind: 'material', title: '收音机', content: '想听戏。', value: 80, deadline: '2026-12-31' }, requestId());
  await h.okAs('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: true });
  const answers = await Promise.all([h.as('member-zhang')('wishes', 'claimWish', { wishId: wish._id }), h.as('member-liu')('wishes', 'claimWish', { wishId: wish._id })]);
  expect(answers.filter((a) => a.ok)).toHaveLength(1);
  expect(sentTo('resident-zhao', 'wish_claimed')).toHaveLength(1);
  expect(await h.store.count('messages', { userId: h.userId('resident-zhao'), kind: 'wish_claimed' })).toBe(1);
  expect(await balanceOf('resident-zhao', 'wish_claimed')).toBe(1);
});

test('an event without a template in this deployment sends nothing and asks for nothing', async () => {
  await h.close();
  const config = localSubscribeConfig();
  config.templates.order_accepted = { ...config.templates.order_accepted, templateId: '' };
  h = await openHarness({ subscribe: config });
  const templates = await h.okAs('resident-sun')('users', 'subscribeTemplates', {});
  expect(templates.moments.submitOrder).toEqual(['local-order-completed']);
  await h.consent('resident-sun', 'submitOrder');
  const item = await itemByTitle(h, '小家电维修');
  const order = await h.okAs('resident-sun')('orders', 'createOrder', orderForm(item._id), requestId());
  await h.okAs('staff-li')('orders', 'dispatchOrder', { orderId: order._id, memberId: h.userId('member-zhang') });
  expect(h.outbox.entries()).toEqual([]);
});
