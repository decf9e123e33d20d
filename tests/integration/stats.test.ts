/**
 * The monthly aggregates stay equal to their records: concurrent events count once each, the
 * reconciler counts what a crash left uncounted and takes back what was counted for nothing, and
 * marks are forgotten once nothing can count their event again, without changing a count.
 */
import { countStats } from '../../cloudfunctions/_core/stats/countStats';
import { orderEvents } from '../../cloudfunctions/_core/stats/orderStats';
import { PRUNE_MARKS_AFTER_MS, reconcileStats } from '../../cloudfunctions/_core/stats/statsReconcile';
import { MONTHLY_STATS, statsIdOf, type StatsDoc } from '../../cloudfunctions/_core/stats/statsDocs';
import { RECONCILE_GRACE_MS } from '../../cloudfunctions/_core/scheduler/reconcileWindow';
import type { OrderDoc } from '../../cloudfunctions/_core/orders/orderDoc';
import { DEMO_COMMUNITY } from '../../cloudfunctions/_local/demoData';
import { addUsers, openHarness, type Harness } from '../support/harness';
import { invariantViolations } from '../support/invariants';
import { CLOUD_LATENCY_MS } from '../support/testStores';
import { DAY, HOUR } from '../support/manualClock';
import { orderIn, requestId } from '../support/orderFixtures';

let h: Harness;
afterEach(() => h.close());

const ordersDoc = (month = '2026-11') => h.store.get<StatsDoc>(MONTHLY_STATS, statsIdOf(DEMO_COMMUNITY._id, 'orders', month));
const settle = () => h.clock.advance(RECONCILE_GRACE_MS + 60_000);

test('events that arrive together count once each: a month’s first events, and twenty members claiming one wish', async () => {
  h = await openHarness({ latencyMs: CLOUD_LATENCY_MS });
  const members = await addUsers(h, 20, { role: 'member', prefix: 'race' });
  // Ten orders placed at once create November's document together.
  const residents = await addUsers(h, 10, { role: 'resident', prefix: 'first' });
  const menu = await h.okAs('staff-li')('orders', 'listItemsAdmin', {});
  const item = menu.items.find((i) => i.title === '楼道清扫')!;
  await Promise.all(residents.map((openid) => h.okAsOpenid(openid)('orders', 'createOrder', { itemId: item._id, date: '2026-11-25', slot: 'morning', address: '1号楼', phone: '13800000022' }, requestId())));
  expect((await ordersDoc())?.c.total).toBe(10);

  const wish = await h.okAs('resident-zhao')('wishes', 'postWish', { beneficiaryType: 'elderly', kind: 'material', title: '一台收音机', content: '想听戏。', value: 80, deadline: '2026-12-31' }, requestId());
  await h.okAs('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: true });
  const answers = await Promise.all(members.map((openid) => h.asOpenid(openid)('wishes', 'claimWish', { wishId: wish._id })));
  expect(answers.filter((a) => a.ok)).toHaveLength(1);
  // Without any reconciler: the one claim is counted, the others took back nothing of it.
  expect(await invariantViolations(h.store)).toEqual([]);
  const wishes = await h.store.get<StatsDoc>(MONTHLY_STATS, statsIdOf(DEMO_COMMUNITY._id, 'wishes', '2026-11'));
  expect(wishes?.c).toMatchObject({ to: { posted: 1, open: 1, claimed: 1 } });
});

test('the reconciler counts events a crash left uncounted, within its window only, and takes back counts without a record', async () => {
  h = await openHarness();
  h.clock.set('2026-11-20T09:00:00+08:00');
  const old = await orderIn(h, 'rated');
  h.clock.advance(3 * DAY);
  const recent = await orderIn(h, 'assigned', 'resident-zhou');
  // The month's document is lost: as if every count of it had died on the way.
  await h.store.removeById(MONTHLY_STATS, statsIdOf(DEMO_COMMUNITY._id, 'orders', '2026-11'));
  // A count for an order that was never written (its request died before the insert).
  const ghost: OrderDoc = { ...(await h.store.get<OrderDoc>('orders', recent._id))!, _id: 'order_ghost', timeline: [(await h.store.get<OrderDoc>('orders', recent._id))!.timeline[0]] };
  await countStats(h.store, orderEvents(ghost)[0], h.clock.now());
  expect((await ordersDoc())?.c.total).toBe(1);

  settle();
  await reconcileStats.run(h.app.ports);
  await reconcileStats.run(h.app.ports);
  const doc = (await ordersDoc())!;
  // The recent order's two events are counted again; the ghost is taken back; the order rated
  // three days ago is beyond the window: nothing counts it twice, nor at all now.
  expect(doc.c).toMatchObject({ total: 1, status: { assigned: 1, submitted: 0 } });
  expect(Object.keys(doc.m).sort()).toEqual(orderEvents((await h.store.get<OrderDoc>('orders', recent._id))!).map((e) => e.key).sort());
  expect(old.status).toBe('rated');
});

test('marks are forgotten after the window; the counts stay, and nothing is counted again', async () => {
  h = await openHarness();
  h.clock.set('2026-11-20T09:00:00+08:00');
  await orderIn(h, 'rated');
  const before = (await ordersDoc())!;
  expect(Object.keys(before.m).length).toBeGreaterThan(0);
  h.clock.advance(PRUNE_MARKS_AFTER_MS + HOUR);
  // A new event keeps the document among the recently changed ones.
  await orderIn(h, 'submitted', 'resident-zhou');
  h.clock.advance(RECONCILE_GRACE_MS + 60_000);
  await reconcileStats.run(h.app.ports);
  const after = (await ordersDoc())!;
  expect(Object.keys(after.m)).toHaveLength(1); // only the new order's
  expect(after.c).toMatchObject({ total: 2, status: { rated: 1, submitted: 1 } });
  await reconcileStats.run(h.app.ports);
  expect((await ordersDoc())!.c).toEqual(after.c);
});
