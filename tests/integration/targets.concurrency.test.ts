/**
 * The concurrency targets, through the real handlers, on both stores: on the CloudBase path every
 * store call is a real SDK request to the emulator with 5–30 ms round trips, so the requests
 * interleave as they would in the cloud. Each test prints its figures.
 */
import type { ActivityDoc, SignupDoc } from '../../cloudfunctions/_core/activities/activityDocs';
import { addUsers, openHarness, type Harness } from '../support/harness';
import { itemByTitle, orderForm, orderIn, requestId } from '../support/orderFixtures';
import { CLOUD_LATENCY_MS } from '../support/testStores';

let h: Harness;
beforeEach(async () => {
  h = await openHarness({ latencyMs: CLOUD_LATENCY_MS });
});
afterEach(() => h.close());

type Answer = { ok: boolean; error?: { code: string } };
const tally = (answers: Answer[]) =>
  answers.reduce<Record<string, number>>((acc, a) => {
    const key = a.ok ? 'ok' : a.error!.code;
    acc[key] = (acc[key] ?? 0) + 1;
    return acc;
  }, {});

const report = (what: string, counts: Record<string, number>, started: number) =>
  console.log(`[targets/${h.kind}] ${what}: ${JSON.stringify(counts)} in ${Date.now() - started} ms`);

test('1,000 sign-ups at once for 30 places: 30 confirmed, 970 waitlisted with distinct places in line, 0 INTERNAL', async () => {
  const menu = await h.okAs('staff-li')('activities', 'createMenu', { month: '2026-12' });
  const activity = await h.okAs('staff-li')('activities', 'addActivity', {
    menuId: menu._id,
    title: '健康义诊',
    category: 'health_clinic',
    description: '区人民医院专家义诊。',
    place: '社区卫生服务站',
    date: '2026-12-12',
    startTime: '09:00',
    endTime: '11:30',
    capacity: 30,
    waitlist: true,
    checkinRequired: true,
    memberPoints: 5,
    signupOpensDate: '2026-11-25',
    signupOpensTime: '09:00',
    signupClosesDate: '2026-12-11',
    signupClosesTime: '18:00',
    cancelDeadlineDate: '2026-12-11',
    cancelDeadlineTime: '12:00',
  });
  await h.okAs('staff-li')('activities', 'publishMenu', { menuId: menu._id });
  h.clock.set('2026-11-26T10:00:00+08:00');
  const openids = await addUsers(h, 1000, { role: 'resident', prefix: 'thousand' });

  const started = Date.now();
  const answers = await Promise.all(
    openids.map((openid, i) => h.asOpenid(openid)('activities', 'signUp', { activityId: activity._id, attendees: [{ name: `居民${i}`, relation: 'self', age: 40 }] })),
  );
  const counts = tally(answers);
  const signups = answers.flatMap((a) => (a.ok ? [a.data] : []));
  const byStatus = { confirmed: signups.filter((s) => s.status === 'confirmed').length, waitlisted: signups.filter((s) => s.status === 'waitlisted').length };
  report('1000 sign-ups / 30 places', { ...counts, ...byStatus }, started);

  expect(counts).toEqual({ ok: 1000 });
  expect(byStatus).toEqual({ confirmed: 30, waitlisted: 970 });
  // Places in line: one number each, handed out in the order the requests reached the counter.
  const numbers = signups.filter((s) => s.status === 'waitlisted').map((s) => s.waitlistSeq!);
  expect(new Set(numbers).size).toBe(970);
  expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 970 }, (_, i) => i + 1));
  const stored = await h.store.get<ActivityDoc>('activities', activity._id);
  expect(stored).toMatchObject({ confirmedCount: 30, waitlistSeq: 970 });
  expect(Object.keys(stored!.holders)).toHaveLength(30);
  // The live line: 前面还有 N 人 is the number of those with a smaller number.
  for (const i of [0, 123, 499, 999]) {
    const mine = (await h.okAsOpenid(openids[i])('activities', 'getActivity', { activityId: activity._id })).mySignup!;
    if (mine.status === 'waitlisted') expect(mine.waitlistAhead).toBe(mine.waitlistSeq! - 1);
  }
  const confirmed = await h.store.find<SignupDoc>('activity_signups', { activityId: activity._id, status: 'confirmed' }, { limit: 100 });
  expect(confirmed.map((s) => s._id).sort()).toEqual(Object.keys(stored!.holders).sort());
});

test('300 orders at once against a monthly quota of 20: 20 orders, 280 QUOTA, 0 INTERNAL', async () => {
  const residents = await addUsers(h, 300, { role: 'resident', prefix: 'quota' });
  const item = await itemByTitle(h, '作业辅导');
  expect(item.monthlyQuota).toBe(20);
  const started = Date.now();
  const answers = await Promise.all(residents.map((openid) => h.asOpenid(openid)('orders', 'createOrder', orderForm(item._id), requestId())));
  const counts = tally(answers);
  report('300 orders / quota 20', counts, started);
  expect(counts).toEqual({ ok: 20, QUOTA: 280 });
  expect(await h.store.count('orders', { itemId: item._id })).toBe(20);
  const counter = await h.store.find<{ _id: string; count: number }>('counters', { kind: 'quota', itemId: item._id }, { limit: 10 });
  expect(counter.map((c) => c.count)).toEqual([20]);
});

test('200 members grab one order at once: exactly one wins, 0 INTERNAL', async () => {
  const members = await addUsers(h, 200, { role: 'member', skills: ['家电维修'], prefix: 'grab' });
  const order = await orderIn(h, 'submitted');
  const started = Date.now();
  const answers = await Promise.all(members.map((openid) => h.asOpenid(openid)('orders', 'grabOrder', { orderId: order._id })));
  const counts = tally(answers);
  report('200 grabs / 1 order', counts, started);
  expect(counts).toEqual({ ok: 1, CONFLICT: 199 });
  const stored = await h.okAs('staff-li')('orders', 'getOrder', { orderId: order._id });
  expect(stored.timeline.filter((e) => e.to === 'assigned')).toHaveLength(1);
});

test('200 members claim one wish at once: exactly one claimer, one slot held, 0 INTERNAL', async () => {
  const members = await addUsers(h, 200, { role: 'member', prefix: 'claim' });
  const wish = await h.okAs('resident-zhao')('wishes', 'postWish', { beneficiaryType: 'elderly', kind: 'material', title: '一副老花镜', content: '看报纸看不清字了。', value: 60, deadline: '2026-12-31' }, requestId());
  await h.okAs('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: true });
  const started = Date.now();
  const answers = await Promise.all(members.map((openid) => h.asOpenid(openid)('wishes', 'claimWish', { wishId: wish._id })));
  const counts = tally(answers);
  report('200 claims / 1 wish', counts, started);
  expect(counts).toEqual({ ok: 1, CONFLICT: 199 });
  const slots = await h.store.find<{ _id: string; count: number }>('wish_claim_counters', { count: { $op: 'gt', value: 0 } }, { limit: 300 });
  expect(slots.map((s) => s.count)).toEqual([1]);
});
