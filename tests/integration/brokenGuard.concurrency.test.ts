/**
 * A concurrency test is only worth something if it fails when the guard is gone. Here the guarded
 * reservation of places is replaced by the naive read, check, write; the same rush that the real
 * code survives (activities.concurrency, targets.concurrency) must now overshoot the capacity, on
 * both stores: SQLite through the interleaving store, CloudBase through the emulator's latency.
 */
import type { ActivityDoc, SignupDoc } from '../../cloudfunctions/_core/activities/activityDocs';
import type { Ports } from '../../cloudfunctions/_core/ports';
import { addUsers, openHarness, type Harness } from '../support/harness';
import { CLOUD_LATENCY_MS } from '../support/testStores';

jest.mock('../../cloudfunctions/_core/activities/seats', () => {
  const real = jest.requireActual('../../cloudfunctions/_core/activities/seats');
  return {
    ...real,
    // Read, check, write: no guard in the update itself.
    reserveSeat: async (ports: Ports, activity: Pick<ActivityDoc, '_id' | 'capacity'>, signupId: string, n: number, now: number) => {
      const current = (await ports.store.get<ActivityDoc>('activities', activity._id))!;
      if (current.confirmedCount + n > current.capacity) return null;
      const token = `naive-${signupId}`;
      await ports.store.updateById('activities', activity._id, { confirmedCount: current.confirmedCount + n, [`holders.${signupId}`]: { n, token, at: now } });
      return { token, activity: current };
    },
  };
});

let h: Harness;
beforeEach(async () => {
  h = await openHarness({ latencyMs: CLOUD_LATENCY_MS });
});
afterEach(() => h.close());

/** The same invariant the real suites assert: confirmed attendees never exceed the capacity. */
const overshoot = async (activityId: string): Promise<number> => {
  const activity = (await h.store.get<ActivityDoc>('activities', activityId))!;
  const confirmed = await h.store.find<SignupDoc>('activity_signups', { activityId, status: 'confirmed' }, { limit: 1000 });
  return confirmed.reduce((sum, s) => sum + s.attendees.length, 0) - activity.capacity;
};

test('without the guard, 200 sign-ups at once for 5 places overshoot: the invariant check catches it', async () => {
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
    capacity: 5,
    waitlist: false,
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
  const openids = await addUsers(h, 200, { role: 'resident', prefix: 'naive' });
  await Promise.all(openids.map((openid, i) => h.asOpenid(openid)('activities', 'signUp', { activityId: activity._id, attendees: [{ name: `居民${i}`, relation: 'self', age: 40 }] })));
  const over = await overshoot(activity._id);
  console.log(`[broken guard/${h.kind}] 200 sign-ups for 5 places without the guard: ${5 + over} confirmed`);
  expect(over).toBeGreaterThan(0);
});
