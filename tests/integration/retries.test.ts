/**
 * A client that does not hear the answer sends the same request again (same request id). After a
 * success, the retry answers the result — never INTERNAL, never a CONFLICT about the change it
 * made itself — and nothing happens twice.
 */
import { openHarness, type Harness, pointsTotalOf } from '../support/harness';
import { orderIn, requestId } from '../support/orderFixtures';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

test('a retried rateOrder answers the rated order; the bonus is paid once', async () => {
  const order = await orderIn(h, 'completed');
  const id = requestId();
  const first = await h.okAs('resident-sun')('orders', 'rateOrder', { orderId: order._id, stars: 5, tags: [] }, id);
  const again = await h.as('resident-sun')('orders', 'rateOrder', { orderId: order._id, stars: 5, tags: [] }, id);
  expect(again).toEqual({ ok: true, data: first });
  expect(await pointsTotalOf(h, h.userId('member-zhang'))).toBe(15);
  // A new request (another id) is a second rating: refused.
  expect(await h.as('resident-sun')('orders', 'rateOrder', { orderId: order._id, stars: 4, tags: [] }, requestId())).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
});

test('a retried cancelOrder answers the cancelled order; the quota place comes back once', async () => {
  const order = await orderIn(h, 'submitted', 'resident-sun', '作业辅导');
  const id = requestId();
  const first = await h.okAs('resident-sun')('orders', 'cancelOrder', { orderId: order._id }, id);
  expect(await h.as('resident-sun')('orders', 'cancelOrder', { orderId: order._id }, id)).toEqual({ ok: true, data: first });
  const [quota] = await h.store.find<{ _id: string; count: number }>('counters', { kind: 'quota' }, { limit: 10 });
  expect(quota.count).toBe(0);
});

test('a retried adjustPoints answers the same ledger entry; the points land once', async () => {
  const id = requestId();
  const first = await h.okAs('staff-li')('points', 'adjustPoints', { memberId: h.userId('member-zhang'), delta: 6, reason: '热心服务' }, id);
  h.clock.advance(60_000);
  expect(await h.as('staff-li')('points', 'adjustPoints', { memberId: h.userId('member-zhang'), delta: 6, reason: '热心服务' }, id)).toEqual({ ok: true, data: first });
  expect(await pointsTotalOf(h, h.userId('member-zhang'))).toBe(6);
});

test('retried transitions (grab, start, complete, dispatch) answer the order as it is', async () => {
  const waiting = await orderIn(h, 'submitted');
  const grab = requestId();
  const grabbed = await h.okAs('member-zhang')('orders', 'grabOrder', { orderId: waiting._id }, grab);
  expect(await h.okAs('member-zhang')('orders', 'grabOrder', { orderId: waiting._id }, grab)).toEqual(grabbed);
  const start = requestId();
  const started = await h.okAs('member-zhang')('orders', 'startOrder', { orderId: waiting._id }, start);
  expect(await h.okAs('member-zhang')('orders', 'startOrder', { orderId: waiting._id }, start)).toEqual(started);
  const done = requestId();
  const completed = await h.okAs('member-zhang')('orders', 'completeOrder', { orderId: waiting._id, summary: '好了', photos: [] }, done);
  expect(await h.okAs('member-zhang')('orders', 'completeOrder', { orderId: waiting._id, summary: '好了', photos: [] }, done)).toEqual(completed);
  expect(await pointsTotalOf(h, h.userId('member-zhang'))).toBe(10);
});
