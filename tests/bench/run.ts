/**
 * npm run bench: how fast the real handlers are over the real SQLite file, single process.
 * Figures, not pass/fail: performance targets live here rather than in timed unit tests.
 */
import { performance } from 'node:perf_hooks';
import { addUsers, openHarness } from '../support/harness';
import { itemByTitle, orderForm, orderIn, requestId } from '../support/orderFixtures';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const timed = async <T>(fn: () => Promise<T>) => {
  const started = performance.now();
  await fn();
  return performance.now() - started;
};

const report = (name: string, latencies: number[], wallMs: number) => {
  const rate = (latencies.length / wallMs) * 1000;
  console.log(
    `${name.padEnd(44)} n=${String(latencies.length).padStart(4)}  p50=${percentile(latencies, 50).toFixed(2).padStart(7)} ms  p95=${percentile(latencies, 95).toFixed(2).padStart(7)} ms  ${rate.toFixed(0).padStart(6)} req/s`,
  );
};

const main = async () => {
  const h = await openHarness();
  try {
    const residents = await addUsers(h, 300, { role: 'resident', prefix: 'bench-r' });
    const members = await addUsers(h, 100, { role: 'member', skills: ['家电维修'], prefix: 'bench-m' });
    const item = await itemByTitle(h, '小家电维修');

    // 300 residents order at once (no quota): each request is one transaction.
    let started = performance.now();
    const createLatencies = await Promise.all(
      residents.map((openid) => timed(() => h.okAsOpenid(openid)('orders', 'createOrder', orderForm(item._id), requestId()))),
    );
    report('orders.createOrder, 300 at once', createLatencies, performance.now() - started);

    // Reading the menu, 500 times at once.
    started = performance.now();
    const menuLatencies = await Promise.all(Array.from({ length: 500 }, (_, i) => timed(() => h.okAsOpenid(residents[i % 300])('orders', 'listMenu', {}))));
    report('orders.listMenu, 500 at once', menuLatencies, performance.now() - started);

    // 100 members race for 100 orders, each member grabbing a different one, then all for one.
    const hall = await h.store.find<{ _id: string }>('orders', { status: 'submitted' }, { limit: 100 });
    started = performance.now();
    const grabLatencies = await Promise.all(hall.map((o, i) => timed(() => h.asOpenid(members[i])('orders', 'grabOrder', { orderId: o._id }))));
    report('orders.grabOrder, 100 different orders', grabLatencies, performance.now() - started);

    const contested = await orderIn(h, 'submitted', 'resident-sun');
    started = performance.now();
    const raceLatencies = await Promise.all(members.map((openid) => timed(() => h.asOpenid(openid)('orders', 'grabOrder', { orderId: contested._id }))));
    report('orders.grabOrder, 100 members on one order', raceLatencies, performance.now() - started);

    started = performance.now();
    const boardLatencies = await Promise.all(Array.from({ length: 100 }, () => timed(() => h.okAs('staff-li')('orders', 'dispatchBoard', {}))));
    report('orders.dispatchBoard (300 orders), 100 at once', boardLatencies, performance.now() - started);
  } finally {
    await h.close();
  }
};

void main();
