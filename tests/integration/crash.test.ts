/**
 * A crash between two writes is completed or undone without anyone repeating the action. Each
 * use-case that writes more than one document is run with the store dying right after its k-th
 * write, for every k; then, once the grace period has passed, the reconciler runs (twice, as a
 * retried timer would) and every invariant must hold (support/invariants.ts). Then the client's
 * retry of the same request must not act twice.
 */
import type { ActionInput, ActionName, FunctionName } from '../../types/api';
import { FUNCTIONS } from '../../cloudfunctions/_core/functions';
import { createHandler } from '../../cloudfunctions/_core/runtime/defineFunction';
import { RECONCILE_JOBS, runJobs } from '../../cloudfunctions/_core/scheduler/runJobs';
import { RECONCILE_GRACE_MS } from '../../cloudfunctions/_core/scheduler/reconcileWindow';
import { crashingStore } from '../support/crashingStore';
import { invariantViolations } from '../support/invariants';
import { openHarness, type DemoKey, type Harness } from '../support/harness';
import { itemByTitle, orderForm, orderIn, PNG, requestId } from '../support/orderFixtures';
import { TEST_SETUP_CODE } from '../support/harness';

type Call = { fn: FunctionName; action: string; data: Record<string, unknown>; as: DemoKey; requestId: string; openid?: string };

interface Scenario {
  name: string;
  /** Brings a fresh community to the moment before the action; answers the action. */
  setup(h: Harness): Promise<Call>;
}

const call = <F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, as: DemoKey, data: ActionInput<F, A>): Call => ({
  fn,
  action,
  as,
  data: data as Record<string, unknown>,
  requestId: requestId(),
});

const activityForm = (menuId: string, capacity: number) => ({
  menuId,
  title: '健康义诊',
  category: 'health_clinic' as const,
  description: '区人民医院专家义诊。',
  place: '社区卫生服务站',
  date: '2026-12-12',
  startTime: '09:00',
  endTime: '11:30',
  capacity,
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

const seriesForm = (menuId: string) => ({
  menuId,
  title: '中医夜市',
  category: 'tcm_night' as const,
  description: '每周一晚社区中医义诊。',
  place: '社区广场',
  startTime: '19:00',
  endTime: '21:00',
  capacity: 20,
  waitlist: true,
  checkinRequired: false,
  memberPoints: 5,
  signupOpensDate: '2026-11-25',
  signupOpensTime: '09:00',
  weekday: 1,
  fromDate: '2026-12-01',
  toDate: '2026-12-31',
  signupClosesHoursBefore: 2,
  cancelHoursBefore: 4,
});

const openActivity = async (h: Harness, capacity: number) => {
  const menu = await h.okAs('staff-li')('activities', 'createMenu', { month: '2026-12' });
  const activity = await h.okAs('staff-li')('activities', 'addActivity', activityForm(menu._id, capacity));
  await h.okAs('staff-li')('activities', 'publishMenu', { menuId: menu._id });
  h.clock.set('2026-11-26T10:00:00+08:00');
  return activity;
};
const me = (name: string) => [{ name, relation: 'self' as const, age: 40 }];

const openWish = async (h: Harness) => {
  const wish = await h.okAs('resident-zhao')('wishes', 'postWish', { beneficiaryType: 'elderly', kind: 'material', title: '一台收音机', content: '想听戏。', value: 80, deadline: '2026-12-31' }, requestId());
  await h.okAs('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: true });
  return wish._id;
};
const claimedWish = async (h: Harness) => {
  const wishId = await openWish(h);
  await h.okAs('member-zhang')('wishes', 'claimWish', { wishId });
  return wishId;
};

const SCENARIOS: Scenario[] = [
  { name: 'orders.createOrder (a quota item)', setup: async (h) => call('orders', 'createOrder', 'resident-sun', orderForm((await itemByTitle(h, '作业辅导'))._id)) },
  {
    name: 'orders.cancelOrder (a quota item)',
    setup: async (h) => {
      const order = await h.okAs('resident-sun')('orders', 'createOrder', orderForm((await itemByTitle(h, '作业辅导'))._id), requestId());
      return call('orders', 'cancelOrder', 'resident-sun', { orderId: order._id });
    },
  },
  { name: 'orders.grabOrder', setup: async (h) => call('orders', 'grabOrder', 'member-zhang', { orderId: (await orderIn(h, 'submitted'))._id }) },
  {
    name: 'orders.completeOrder',
    setup: async (h) => {
      // The member's month is under way (their totals and the month's aggregates exist): the usual path,
      // whose writes are the same in every run. (A first of the month creates documents in a race whose length varies.)
      await orderIn(h, 'completed', 'resident-zhou');
      return call('orders', 'completeOrder', 'member-zhang', { orderId: (await orderIn(h, 'serving'))._id, summary: '已修好', photos: [] });
    },
  },
  { name: 'orders.rateOrder (5 stars)', setup: async (h) => call('orders', 'rateOrder', 'resident-sun', { orderId: (await orderIn(h, 'completed'))._id, stars: 5, tags: [] }) },
  { name: 'orders.rateOrder (1 star)', setup: async (h) => call('orders', 'rateOrder', 'resident-sun', { orderId: (await orderIn(h, 'completed'))._id, stars: 1, tags: [], comment: '没修好' }) },
  { name: 'wishes.claimWish', setup: async (h) => call('wishes', 'claimWish', 'member-zhang', { wishId: await openWish(h) }) },
  { name: 'wishes.releaseClaim', setup: async (h) => call('wishes', 'releaseClaim', 'member-zhang', { wishId: await claimedWish(h), reason: '临时有事' }) },
  { name: 'wishes.fulfilWish', setup: async (h) => call('wishes', 'fulfilWish', 'member-zhang', { wishId: await claimedWish(h), note: '已送到', photos: [h.app.files.save(PNG, 'image/png')] }) },
  {
    name: 'wishes.confirmWish',
    setup: async (h) => {
      const wishId = await claimedWish(h);
      await h.okAs('member-zhang')('wishes', 'fulfilWish', { wishId, note: '已送到', photos: [h.app.files.save(PNG, 'image/png')] });
      return call('wishes', 'confirmWish', 'resident-zhao', { wishId });
    },
  },
  { name: 'activities.signUp (a place)', setup: async (h) => call('activities', 'signUp', 'resident-sun', { activityId: (await openActivity(h, 5))._id, attendees: me('孙丽') }) },
  {
    name: 'activities.signUp (the waitlist)',
    setup: async (h) => {
      const activity = await openActivity(h, 1);
      await h.okAs('resident-zhou')('activities', 'signUp', { activityId: activity._id, attendees: me('周强') });
      return call('activities', 'signUp', 'resident-sun', { activityId: activity._id, attendees: me('孙丽') });
    },
  },
  {
    name: 'activities.signUp (again, after cancelling)',
    setup: async (h) => {
      const activity = await openActivity(h, 5);
      const first = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me('孙丽') });
      await h.okAs('resident-sun')('activities', 'cancelSignup', { signupId: first._id, activityId: activity._id });
      return call('activities', 'signUp', 'resident-sun', { activityId: activity._id, attendees: me('孙丽') });
    },
  },
  {
    name: 'activities.cancelSignup (promotes the first waiting)',
    setup: async (h) => {
      const activity = await openActivity(h, 1);
      const first = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me('孙丽') });
      await h.okAs('resident-zhou')('activities', 'signUp', { activityId: activity._id, attendees: me('周强') });
      await h.okAs('resident-wu')('activities', 'signUp', { activityId: activity._id, attendees: me('吴敏') });
      return call('activities', 'cancelSignup', 'resident-sun', { signupId: first._id, activityId: activity._id });
    },
  },
  {
    name: 'activities.cancelSignup (nobody waiting)',
    setup: async (h) => {
      const activity = await openActivity(h, 5);
      const first = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me('孙丽') });
      return call('activities', 'cancelSignup', 'resident-sun', { signupId: first._id, activityId: activity._id });
    },
  },
  { name: 'points.adjustPoints', setup: async () => call('points', 'adjustPoints', 'staff-li', { memberId: '', delta: 7, reason: '热心服务' }) },
  // Photos: their content checks are recorded with the change that shows them.
  {
    name: 'orders.completeOrder (photos)',
    setup: async (h) => call('orders', 'completeOrder', 'member-zhang', { orderId: (await orderIn(h, 'serving'))._id, summary: '已修好', photos: [h.app.files.save(PNG, 'image/png'), h.app.files.save(PNG, 'image/png')] }),
  },
  { name: 'wishes.postWish (photos)', setup: async (h) => call('wishes', 'postWish', 'resident-zhao', { beneficiaryType: 'elderly', kind: 'material', title: '收音机', content: '想听戏。', value: 80, deadline: '2026-12-31', photos: [h.app.files.save(PNG, 'image/png')] }) },
  {
    name: 'admin.hidePhoto',
    setup: async (h) => {
      const order = await orderIn(h, 'completed');
      return call('admin', 'hidePhoto', 'staff-li', { refType: 'order', refId: order._id, fileId: order.photos[0], reason: '居民投诉' });
    },
  },
  // Subscribe messages: a send is taken from each recipient's balance in the notices' round trip.
  {
    name: 'orders.grabOrder (both consented)',
    setup: async (h) => {
      await h.consent('resident-sun', 'submitOrder');
      await h.consent('member-zhang', 'takeOrder');
      return call('orders', 'grabOrder', 'member-zhang', { orderId: (await orderIn(h, 'submitted'))._id });
    },
  },
  // Setting up: the setup record, then the admin; an invitation claimed, then its staff member.
  { name: 'users.setup', setup: async () => ({ ...call('users', 'setup', 'resident-sun', { code: TEST_SETUP_CODE, name: '街道王主任', phone: '13700000001' }), openid: 'wx-first-admin' }) },
  {
    name: 'users.redeemStaffInvite (a new user)',
    setup: async (h) => {
      await h.okAsOpenid('wx-first-admin')('users', 'setup', { code: TEST_SETUP_CODE, name: '街道王主任', phone: '13700000001' });
      const invite = await h.okAsOpenid('wx-first-admin')('admin', 'createStaffInvite', { communityId: 'c_wenhuali' });
      return { ...call('users', 'redeemStaffInvite', 'resident-sun', { code: invite.code, name: '新网格员', phone: '13700000002' }), openid: 'wx-new-staff' };
    },
  },
  {
    name: 'users.redeemStaffInvite (a registered resident)',
    setup: async (h) => {
      await h.okAsOpenid('wx-first-admin')('users', 'setup', { code: TEST_SETUP_CODE, name: '街道王主任', phone: '13700000001' });
      const invite = await h.okAsOpenid('wx-first-admin')('admin', 'createStaffInvite', { communityId: 'c_wenhuali' });
      return call('users', 'redeemStaffInvite', 'resident-wu', { code: invite.code });
    },
  },
  { name: 'points.adjustHours', setup: async () => call('points', 'adjustHours', 'staff-li', { memberId: '', hours: 1.5, reason: '补录社区值守' }) },
  { name: 'orders.createOrder (no quota)', setup: async (h) => call('orders', 'createOrder', 'resident-sun', orderForm((await itemByTitle(h, '小家电维修'))._id)) },
  { name: 'orders.declineOrder', setup: async (h) => call('orders', 'declineOrder', 'member-zhang', { orderId: (await orderIn(h, 'assigned'))._id, reason: '临时有事' }) },
  {
    name: 'wishes.postWish',
    setup: async () => call('wishes', 'postWish', 'resident-zhao', { beneficiaryType: 'elderly', kind: 'material', title: '一台收音机', content: '想听戏。', value: 80, deadline: '2026-12-31' }),
  },
  {
    name: 'activities.rateActivity',
    setup: async (h) => {
      const activity = await openActivity(h, 5);
      const signup = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me('孙丽') });
      h.clock.set('2026-12-12T08:45:00+08:00');
      await h.okAs('staff-li')('activities', 'checkIn', { activityId: activity._id, code: signup.checkinCode! });
      h.clock.set('2026-12-12T12:00:00+08:00');
      return call('activities', 'rateActivity', 'resident-sun', { signupId: signup._id, stars: 4, comment: '讲得好' });
    },
  },
  {
    name: 'activities.carryForward',
    setup: async (h) => {
      const activity = await openActivity(h, 5);
      await h.okAs('staff-li')('activities', 'createSeries', {
        ...seriesForm(activity.menuId),
      }, requestId());
      return call('activities', 'carryForward', 'staff-li', { month: '2026-12' });
    },
  },
];

// Crashes log as unexpected failures: expected here.
beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterAll(() => jest.restoreAllMocks());

const run = async (h: Harness, c: Call, limit: number) => {
  const crashing = crashingStore(h.store, limit);
  const handler = createHandler(FUNCTIONS[c.fn] as never, { ...h.app.ports, store: crashing.store });
  const data = c.fn === 'points' && (c.action === 'adjustPoints' || c.action === 'adjustHours') ? { ...c.data, memberId: h.userId('member-zhang') } : c.data;
  const answer = await handler({ action: c.action, data, requestId: c.requestId }, { openid: c.openid ?? `demo-${c.as}` });
  // What the request had sent before it died reaches the database all the same.
  await crashing.state.idle();
  return { answer, writes: crashing.state.writes, crashed: crashing.state.crashed, data };
};

describe.each(SCENARIOS)('$name', ({ setup }) => {
  test('dies after each of its writes in turn; the reconciler alone makes everything agree, and a retry acts once', async () => {
    // A clean run tells how many writes the use-case makes.
    const clean = await openHarness();
    let writes: number;
    try {
      const c = await setup(clean);
      const result = await run(clean, c, Number.POSITIVE_INFINITY);
      expect(result.answer.ok).toBe(true);
      writes = result.writes;
      expect(await invariantViolations(clean.store)).toEqual([]);
    } finally {
      await clean.close();
    }
    expect(writes).toBeGreaterThanOrEqual(1);

    // Writes of one request that go out together interleave differently from run to run (two
    // counts into one new aggregate: an insert and an update, or an insert that loses and then an
    // update), so a run may make a write or two fewer or more than the clean one. Every k is tried
    // until a run finishes before its k-th write: that run must have acted, and agree too.
    let finished = false;
    for (let k = 0; !finished; k++) {
      if (k > writes + 5) throw new Error(`still crashing after ${k} writes; the clean run made ${writes}`);
      const h = await openHarness();
      try {
        const c = await setup(h);
        const crashed = await run(h, c, k);
        if (!crashed.crashed) {
          finished = true;
          expect(k).toBeGreaterThanOrEqual(Math.max(1, writes - 3));
          expect(crashed.answer.ok).toBe(true);
          const violations = await invariantViolations(h.store);
          if (violations.length) throw new Error(`after a run of ${crashed.writes} writes:\n${violations.join('\n')}`);
          continue;
        }
        expect(crashed.answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
        // Nobody repeats the action: time passes and the timer runs, twice.
        h.clock.advance(RECONCILE_GRACE_MS + 60_000);
        await runJobs(h.app.ports, RECONCILE_JOBS);
        await runJobs(h.app.ports, RECONCILE_JOBS);
        const afterCrash = await invariantViolations(h.store);
        if (afterCrash.length) throw new Error(`after a crash at write ${k + 1} of ${writes}:\n${afterCrash.join('\n')}`);
        // The client retries the same request: it may be refused for what happened meanwhile, never acted twice.
        const retry = await h.raw(c.fn, { action: c.action, data: crashed.data, requestId: c.requestId }, c.openid ?? `demo-${c.as}`);
        expect(retry.ok || retry.error.code).not.toBe('INTERNAL');
        const afterRetry = await invariantViolations(h.store);
        if (afterRetry.length) throw new Error(`after a crash at write ${k + 1} of ${writes} and a retry:\n${afterRetry.join('\n')}`);
      } finally {
        await h.close();
      }
    }
  });
});
