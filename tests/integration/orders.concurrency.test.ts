import { addUsers, openHarness, type Harness } from '../support/harness';
import { CLOUD_LATENCY_MS } from '../support/testStores';
import { itemByTitle, orderForm, orderIn, requestId } from '../support/orderFixtures';

let h: Harness;
beforeEach(async () => {
  h = await openHarness({ latencyMs: CLOUD_LATENCY_MS });
});
afterEach(() => h.close());

describe('under concurrency, through the real handlers', () => {
  test('50 members grab one order at once: exactly one wins, the other 49 hear 已被他人接单', async () => {
    const members = await addUsers(h, 50, { role: 'member', skills: ['家电维修'], prefix: 'grabber' });
    const order = await orderIn(h, 'submitted');
    const answers = await Promise.all(members.map((openid) => h.asOpenid(openid)('orders', 'grabOrder', { orderId: order._id })));
    const winners = answers.filter((a) => a.ok);
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error)).toEqual(
      Array.from({ length: 49 }, () => ({ code: 'CONFLICT', message: '已被他人接单' })),
    );
    const stored = await h.okAs('staff-li')('orders', 'getOrder', { orderId: order._id });
    expect(stored.status).toBe('assigned');
    expect(stored.assigneeId).toBe(winners[0].ok && winners[0].data.assigneeId);
    expect(stored.timeline.filter((e) => e.to === 'assigned')).toHaveLength(1);
  });

  test('200 residents order an item with a monthly quota of 20 at once: exactly 20 orders exist', async () => {
    const residents = await addUsers(h, 200, { role: 'resident', prefix: 'crowd' });
    const item = await itemByTitle(h, '作业辅导');
    expect(item.monthlyQuota).toBe(20);
    const answers = await Promise.all(
      residents.map((openid) => h.asOpenid(openid)('orders', 'createOrder', orderForm(item._id), requestId())),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(20);
    const refusals = answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code);
    expect(refusals).toEqual(Array.from({ length: 180 }, () => 'QUOTA'));
    expect(await h.store.count('orders', { itemId: item._id })).toBe(20);
  });

  test('one request id sent 10 times at once makes one order, and every answer is that order', async () => {
    const item = await itemByTitle(h, '小家电维修');
    const id = requestId();
    const answers = await Promise.all(Array.from({ length: 10 }, () => h.okAs('resident-sun')('orders', 'createOrder', orderForm(item._id), id)));
    expect(new Set(answers.map((a) => a._id)).size).toBe(1);
    expect(await h.store.count('orders', {})).toBe(1);
    // The open-order counter moved once, so two more orders still fit under the limit of 3.
    await orderIn(h, 'submitted');
    await orderIn(h, 'submitted');
    const fourth = await h.as('resident-sun')('orders', 'createOrder', orderForm(item._id), requestId());
    expect(fourth.ok || fourth.error.code).toBe('LIMIT');
  });

  test('a resident firing 10 different orders at once still gets at most 3 open', async () => {
    const item = await itemByTitle(h, '楼道清扫');
    const answers = await Promise.all(Array.from({ length: 10 }, () => h.as('resident-zhou')('orders', 'createOrder', orderForm(item._id), requestId())));
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    expect(await h.store.count('orders', { residentId: h.userId('resident-zhou') })).toBe(3);
  });

  test('ratings replayed, one after another and 10 at once, pay points once', async () => {
    const completed = await orderIn(h, 'completed');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => h.as('resident-sun')('orders', 'rateOrder', { orderId: completed._id, stars: 5, tags: [] })),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    const again = await h.as('resident-sun')('orders', 'rateOrder', { orderId: completed._id, stars: 4, tags: [] });
    expect(again).toEqual({ ok: false, error: { code: 'CONFLICT', message: '该订单已评价' } });
    const points = await h.okAs('member-zhang')('points', 'myPoints', {});
    expect(points.total).toBe(15);
    expect(await h.store.count('points_ledger', { memberId: h.userId('member-zhang') })).toBe(2);
  });

  test('cancelling an order of a quota item gives its place back, even under a rush', async () => {
    const residents = await addUsers(h, 40, { role: 'resident', prefix: 'rush' });
    const item = await itemByTitle(h, '作业辅导');
    const first = await Promise.all(residents.slice(0, 20).map((o) => h.asOpenid(o)('orders', 'createOrder', orderForm(item._id), requestId())));
    expect(first.every((a) => a.ok)).toBe(true);
    const toCancel = first.slice(0, 5).map((a) => (a.ok ? a.data._id : ''));
    const rush = Promise.all(residents.slice(20).map((o) => h.asOpenid(o)('orders', 'createOrder', orderForm(item._id), requestId())));
    await Promise.all(toCancel.map((orderId, i) => h.asOpenid(residents[i])('orders', 'cancelOrder', { orderId })));
    await rush;
    const live = await h.store.count('orders', { itemId: item._id, status: 'submitted' });
    expect(live).toBeLessThanOrEqual(20);
    // Whatever the interleaving, the quota counter equals the live orders.
    const counter = await h.store.find('counters', { _id: { $op: 'exists', value: true } }, { limit: 1000 });
    const quota = counter.find((c) => c._id.startsWith(`quota:${item._id}`)) as { count: number } | undefined;
    expect(quota?.count).toBe(live);
  });
});
