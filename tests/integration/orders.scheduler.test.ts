import { runJobs } from '../../cloudfunctions/_core/scheduler/runJobs';
import { ORDER_JOBS } from '../../cloudfunctions/_core/orders/orderJobs';
import { openHarness, type Harness } from '../support/harness';
import { DAY, HOUR } from '../support/manualClock';
import { orderIn } from '../support/orderFixtures';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

const [flagOverdue, autoClose] = ORDER_JOBS;

describe('timed rules of orders (injected clock)', () => {
  test('an order unassigned for 48 h is flagged overdue on the dashboard, not a minute earlier', async () => {
    const order = await orderIn(h, 'submitted');
    h.clock.advance(48 * HOUR - 60_000);
    expect(await flagOverdue.run(h.app.ports)).toBe(0);
    h.clock.advance(60_000);
    expect(await flagOverdue.run(h.app.ports)).toBe(1);
    const board = await h.okAs('staff-li')('orders', 'dispatchBoard', {});
    expect(board.counts.overdue).toBe(1);
    expect(board.overdue.map((o) => o._id)).toEqual([order._id]);
    // Run again, and two copies at once: nothing changes twice.
    expect(await flagOverdue.run(h.app.ports)).toBe(0);
    expect(await Promise.all([flagOverdue.run(h.app.ports), flagOverdue.run(h.app.ports)])).toEqual([0, 0]);
  });

  test('dispatching clears the overdue flag; a decline restarts the 48 h', async () => {
    const order = await orderIn(h, 'submitted');
    h.clock.advance(49 * HOUR);
    await flagOverdue.run(h.app.ports);
    await h.okAs('staff-li')('orders', 'dispatchOrder', { orderId: order._id, memberId: h.userId('member-zhang') });
    await h.okAs('member-zhang')('orders', 'declineOrder', { orderId: order._id, reason: '临时有事' });
    expect((await h.okAs('staff-li')('orders', 'getOrder', { orderId: order._id })).overdue).toBe(false);
    h.clock.advance(47 * HOUR);
    expect(await flagOverdue.run(h.app.ports)).toBe(0);
    h.clock.advance(HOUR);
    expect(await flagOverdue.run(h.app.ports)).toBe(1);
  });

  test('a completed order unrated for 7 days closes with no stars and base points only; replays change nothing', async () => {
    const order = await orderIn(h, 'completed');
    h.clock.advance(7 * DAY - 1);
    expect(await autoClose.run(h.app.ports)).toBe(0);
    h.clock.advance(1);
    const [a, b] = await Promise.all([autoClose.run(h.app.ports), autoClose.run(h.app.ports)]);
    expect(a + b).toBe(1);
    expect(await autoClose.run(h.app.ports)).toBe(0);
    const closed = await h.okAs('resident-sun')('orders', 'getOrder', { orderId: order._id });
    expect(closed).toMatchObject({ status: 'rated', rating: { stars: null, auto: true } });
    expect(closed.timeline.at(-1)).toMatchObject({ byName: '系统', note: '7天未评价，系统自动关闭' });
    expect((await h.okAs('member-zhang')('points', 'myPoints', {})).total).toBe(10);
    const late = await h.as('resident-sun')('orders', 'rateOrder', { orderId: order._id, stars: 5, tags: [] });
    expect(late.ok || late.error.code).toBe('CONFLICT');
  });

  test('runJobs runs every job and reports what each changed', async () => {
    await orderIn(h, 'submitted');
    h.clock.advance(3 * DAY);
    const report = await runJobs(h.app.ports);
    expect(report['orders.flagOverdue']).toBe(1);
    expect(report['orders.autoClose']).toBe(0);
  });
});
