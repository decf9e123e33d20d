/**
 * The demo community starts with a year of history written through the real handlers: a
 * populated 月度复盘 with a 12-month trend, a 先锋榜 with members at several star levels, a wish
 * wall with 累计圆梦, orders in every state, and everything derived agreeing with its records.
 */
import type { OrderDoc } from '../../cloudfunctions/_core/orders/orderDoc';
import { seedHistory } from '../../cloudfunctions/_local/demoHistory';
import { openHarness, type Harness } from '../support/harness';
import { invariantViolations } from '../support/invariants';

let h: Harness;
beforeAll(async () => {
  h = await openHarness({ interleave: false, history: true });
}, 120_000);
afterAll(() => h.close());

test('a year is written quickly, through the handlers, once', async () => {
  const history = h.history!;
  console.log(`[demo history] ${history.from}–${history.to}: ${history.calls} calls (${history.refusals} refused as people are), ${history.ms} ms`);
  expect(history).toMatchObject({ ran: true, from: '2025-11', to: '2026-11' });
  expect(history.calls).toBeGreaterThan(3000);
  expect(history.ms).toBeLessThan(60_000);
  const again = await seedHistory(h.app, { now: h.clock.now() });
  expect(again.ran).toBe(false);
});

test('last month’s review is full: every section, and a trend over twelve months', async () => {
  const review = await h.okAs('staff-li')('reports', 'monthlyReview', { month: '2026-10' });
  expect(review.totals.orders).toBeGreaterThan(10);
  expect(review.totals.completionRate).toBeGreaterThan(0.5);
  expect(review.totals.averageRating).toBeGreaterThan(3.5);
  expect(review.categories.length).toBeGreaterThan(5);
  expect(review.wishes.posted).toBeGreaterThan(3);
  expect(review.wishes.fulfilled).toBeGreaterThan(0);
  expect(review.activities.sessions).toBeGreaterThan(5);
  expect(review.activities.attendanceRate).toBeGreaterThan(0.5);
  expect(review.members.points).toBeGreaterThan(50);
  expect(review.members.hours).toBeGreaterThan(10);
  expect(review.topMembers.length).toBeGreaterThanOrEqual(5);
  expect(review.trend).toHaveLength(12);
  for (const month of review.trend) expect(month.orders).toBeGreaterThan(0);
  // A term's first days: more parents asked for 作业辅导 than it had places.
  const september = await h.okAs('staff-li')('reports', 'monthlyReview', { month: '2026-09' });
  expect(september.totals.quotaRefused).toBeGreaterThan(0);
});

test('the 先锋榜 ranks members at several star levels, and the wall counts 累计圆梦', async () => {
  const year = await h.okAs('member-zhang')('points', 'leaderboard', { period: 'year' });
  expect(year.rows.filter((r) => r.points > 0).length).toBeGreaterThanOrEqual(8);
  expect(new Set(year.rows.map((r) => r.stars)).size).toBeGreaterThanOrEqual(3);
  const lastMonth = await h.okAs('member-zhang')('points', 'leaderboard', { period: 'month', date: '2026-10-15' });
  expect(lastMonth.closed).toBe(true);
  expect(lastMonth.rows[0].points).toBeGreaterThan(0);
  const wall = await h.okAs('resident-sun')('wishes', 'wishWall', {});
  expect(wall.counts.fulfilled).toBeGreaterThan(30);
  expect(wall.items.length).toBeGreaterThan(0);
  const card = await h.okAs('member-zhang')('points', 'myHours', {});
  expect(card.year.hours).toBeGreaterThan(10);
});

test('orders stand in every state, and everything derived agrees with its records', async () => {
  const orders = await h.store.find<OrderDoc>('orders', { communityId: 'c_jiariruyuan', month: '2026-11' }, { limit: 1000, fields: ['status'] });
  const all = await h.store.find<OrderDoc>('orders', { communityId: 'c_jiariruyuan' }, { limit: 1000, fields: ['status', 'everOverdue', 'rating'] });
  const states = new Set(all.map((o) => o.status));
  for (const s of ['submitted', 'assigned', 'completed', 'rated', 'cancelled']) expect(states).toContain(s);
  expect(orders.length).toBeGreaterThan(0);
  expect(all.some((o) => o.everOverdue)).toBe(true);
  expect(all.some((o) => o.rating?.auto)).toBe(true);
  expect(all.some((o) => (o.rating?.stars ?? 5) <= 2)).toBe(true);
  expect(await invariantViolations(h.store, h.clock.now())).toEqual([]);
}, 60_000);
