/**
 * Every action of every function on its usual, successful path: a setup that brings a fresh demo
 * community to the moment before it, and the call itself. The round-trip test and `npm run bench`
 * count the store calls of each call.
 */
import type { Envelope } from '../../types/errors';
import { TEST_SETUP_CODE, type Harness } from './harness';
import { itemByTitle, orderForm, orderIn, PNG, requestId } from './orderFixtures';

export type Kind = 'read' | 'write';
export interface TourStop {
  name: string;
  kind: Kind;
  /** Prepares; answers the call to measure. */
  setup(h: Harness): Promise<() => Promise<Envelope<unknown>>>;
}

const activityForm = (menuId: string, capacity = 5) => ({
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
  signupOpensDate: '2026-11-23',
  signupOpensTime: '09:00',
  signupClosesDate: '2026-12-11',
  signupClosesTime: '18:00',
  cancelDeadlineDate: '2026-12-11',
  cancelDeadlineTime: '12:00',
});

const publishedActivity = async (h: Harness, capacity = 5) => {
  const menu = await h.okAs('staff-li')('activities', 'createMenu', { month: '2026-12' });
  const activity = await h.okAs('staff-li')('activities', 'addActivity', activityForm(menu._id, capacity), requestId());
  await h.okAs('staff-li')('activities', 'publishMenu', { menuId: menu._id });
  return { menu, activity };
};
const me = (name: string) => [{ name, relation: 'self' as const, age: 40 }];

const postedWish = async (h: Harness, open = true) => {
  const wish = await h.okAs('resident-zhao')('wishes', 'postWish', { beneficiaryType: 'elderly', kind: 'material', title: '收音机', content: '想听戏。', value: 80, deadline: '2026-12-31' }, requestId());
  if (open) await h.okAs('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: true });
  return wish._id;
};
const claimedWish = async (h: Harness) => {
  const wishId = await postedWish(h);
  await h.okAs('member-zhang')('wishes', 'claimWish', { wishId });
  return wishId;
};

/**
 * The usual path is the warm one: a member who was paid this month already has this month's,
 * quarter's and year's totals, a member who claimed before has a claim counter, a community that
 * fulfilled a wish this month has this month's 累计圆梦 tally. (The first of each costs one round
 * trip more, once.)
 */
/** Everyone the usual path notifies has said yes to its subscribe messages: the sends are part of it. */
const consented = async (h: Harness) => {
  await h.consent('resident-sun', 'submitOrder');
  await h.consent('resident-zhao', 'postWish');
  await h.consent('member-zhang', 'takeOrder');
};
const warmPoints = (h: Harness) => h.okAs('staff-li')('points', 'adjustPoints', { memberId: h.userId('member-zhang'), delta: 1, reason: '预热' }, requestId());
const warmHours = (h: Harness) => h.okAs('staff-li')('points', 'adjustHours', { memberId: h.userId('member-zhang'), hours: 0.5, reason: '预热' }, requestId());
const warmWishes = (h: Harness) => postedWish(h, false);
const seriesForm = (menuId: string) => {
  const { date: _date, signupClosesDate: _c, signupClosesTime: _ct, cancelDeadlineDate: _d, cancelDeadlineTime: _dt, ...common } = activityForm(menuId);
  return { ...common, title: '中医夜市', startTime: '19:00', endTime: '21:00', weekday: 1, fromDate: '2026-12-01', toDate: '2026-12-31', signupClosesHoursBefore: 2, cancelHoursBefore: 4 };
};
const warmClaims = async (h: Harness) => {
  const id = await postedWish(h);
  await h.okAs('member-zhang')('wishes', 'claimWish', { wishId: id });
  await h.okAs('member-zhang')('wishes', 'fulfilWish', { wishId: id, note: '已送到', photos: [h.app.files.save(PNG, 'image/png')] });
};

/** The street admin, set up with the deploy's code. */
const ADMIN = 'wx-street-admin';
const setUp = (h: Harness) => h.okAsOpenid(ADMIN)('users', 'setup', { code: TEST_SETUP_CODE, name: '街道王主任', phone: '13700000001' });
const admin = async (h: Harness) => {
  await setUp(h);
  return h.asOpenid(ADMIN);
};

export const TOUR: TourStop[] = [
  // users
  { name: 'users.listCommunities', kind: 'read', setup: async (h) => () => h.asOpenid('wx-new')('users', 'listCommunities', {}) },
  { name: 'users.me', kind: 'read', setup: async (h) => () => h.as('resident-sun')('users', 'me', {}) },
  { name: 'users.register', kind: 'write', setup: async (h) => () => h.asOpenid('wx-new')('users', 'register', { communityId: 'c_jiariruyuan', name: '新居民', phone: '13900000001', building: '9号楼', room: '101' }) },
  { name: 'users.updateProfile', kind: 'write', setup: async (h) => () => h.as('resident-sun')('users', 'updateProfile', { room: '2单元403' }) },
  { name: 'users.applyMember', kind: 'write', setup: async (h) => () => h.as('resident-sun')('users', 'applyMember', { branch: '第二党支部', skills: ['家电维修'] }) },
  { name: 'users.listUsers', kind: 'read', setup: async (h) => () => h.as('staff-li')('users', 'listUsers', { role: 'resident', keyword: '孙' }) },
  {
    name: 'users.reviewMember',
    kind: 'write',
    setup: async (h) => {
      await h.okAs('resident-sun')('users', 'applyMember', { branch: '第二党支部', skills: ['家电维修'] });
      return () => h.as('staff-li')('users', 'reviewMember', { userId: h.userId('resident-sun'), approve: true });
    },
  },
  { name: 'users.listMessages', kind: 'read', setup: async (h) => () => h.as('resident-sun')('users', 'listMessages', {}) },
  { name: 'users.setElderly', kind: 'write', setup: async (h) => () => h.as('staff-li')('users', 'setElderly', { userId: h.userId('resident-zhou'), elderly: true, note: '独居' }) },
  { name: 'users.setupStatus', kind: 'read', setup: async (h) => () => h.asOpenid('wx-new')('users', 'setupStatus', {}) },
  { name: 'users.setup', kind: 'write', setup: async (h) => () => h.asOpenid('wx-new')('users', 'setup', { code: TEST_SETUP_CODE, name: '街道王主任', phone: '13700000001' }) },
  {
    name: 'users.redeemStaffInvite',
    kind: 'write',
    setup: async (h) => {
      await setUp(h);
      const invite = await h.okAsOpenid(ADMIN)('admin', 'createStaffInvite', { communityId: 'c_wenhuali' });
      return () => h.asOpenid('wx-new-staff')('users', 'redeemStaffInvite', { code: invite.code, name: '新网格员', phone: '13700000002' });
    },
  },
  { name: 'users.subscribeTemplates', kind: 'read', setup: async (h) => () => h.as('resident-sun')('users', 'subscribeTemplates', {}) },
  {
    name: 'users.reportSubscribe',
    kind: 'write',
    setup: async (h) => {
      await h.consent('resident-sun', 'signUp');
      return () => h.as('resident-sun')('users', 'reportSubscribe', { accepted: ['local-order-accepted', 'local-order-completed', 'local-activity-reminder'] });
    },
  },
  { name: 'users.mySubscriptions', kind: 'read', setup: async (h) => { await h.consent('resident-sun', 'submitOrder'); return () => h.as('resident-sun')('users', 'mySubscriptions', {}); } },
  { name: 'users.homeBadges (staff)', kind: 'read', setup: async (h) => { await orderIn(h, 'submitted'); return () => h.as('staff-li')('users', 'homeBadges', {}); } },
  { name: 'users.homeBadges (member)', kind: 'read', setup: async (h) => { await orderIn(h, 'assigned'); return () => h.as('member-zhang')('users', 'homeBadges', {}); } },
  { name: 'users.markMessagesRead', kind: 'write', setup: async (h) => () => h.as('resident-sun')('users', 'markMessagesRead', {}) },
  // the menu
  { name: 'orders.listMenu', kind: 'read', setup: async (h) => () => h.as('resident-sun')('orders', 'listMenu', {}) },
  { name: 'orders.getItem', kind: 'read', setup: async (h) => { const item = await itemByTitle(h, '小家电维修'); return () => h.as('resident-sun')('orders', 'getItem', { itemId: item._id }); } },
  { name: 'orders.listCategories', kind: 'read', setup: async (h) => () => h.as('staff-li')('orders', 'listCategories', {}) },
  { name: 'orders.createCategory', kind: 'write', setup: async (h) => () => h.as('staff-li')('orders', 'createCategory', { name: '节日慰问', kind: 'featured' }) },
  { name: 'orders.listItemsAdmin', kind: 'read', setup: async (h) => () => h.as('staff-li')('orders', 'listItemsAdmin', {}) },
  {
    name: 'orders.createItem',
    kind: 'write',
    setup: async (h) => {
      const categories = await h.okAs('staff-li')('orders', 'listCategories', {});
      return () => h.as('staff-li')('orders', 'createItem', { categoryId: categories.items[0]._id, title: '修水龙头', description: '更换水龙头。', skills: ['水电维修'], durationMinutes: 60, monthlyQuota: null });
    },
  },
  { name: 'orders.updateItem', kind: 'write', setup: async (h) => { const item = await itemByTitle(h, '小家电维修'); return () => h.as('staff-li')('orders', 'updateItem', { itemId: item._id, description: '电饭煲、电风扇等小家电。' }); } },
  { name: 'orders.setItemStatus', kind: 'write', setup: async (h) => { const item = await itemByTitle(h, '小家电维修'); return () => h.as('staff-li')('orders', 'setItemStatus', { itemId: item._id, status: 'paused' }); } },
  // orders
  { name: 'orders.createOrder', kind: 'write', setup: async (h) => { const item = await itemByTitle(h, '作业辅导'); await orderIn(h, 'submitted', 'resident-sun', '作业辅导'); return () => h.as('resident-sun')('orders', 'createOrder', orderForm(item._id), requestId()); } },
  { name: 'orders.getOrder', kind: 'read', setup: async (h) => { const o = await orderIn(h, 'assigned'); return () => h.as('resident-sun')('orders', 'getOrder', { orderId: o._id }); } },
  { name: 'orders.listMyOrders', kind: 'read', setup: async (h) => { await orderIn(h, 'submitted'); return () => h.as('resident-sun')('orders', 'listMyOrders', {}); } },
  { name: 'orders.cancelOrder', kind: 'write', setup: async (h) => { const o = await orderIn(h, 'submitted', 'resident-sun', '作业辅导'); return () => h.as('resident-sun')('orders', 'cancelOrder', { orderId: o._id }); } },
  { name: 'orders.rateOrder', kind: 'write', setup: async (h) => { await warmPoints(h); const o = await orderIn(h, 'completed'); return () => h.as('resident-sun')('orders', 'rateOrder', { orderId: o._id, stars: 5, tags: ['准时'] }); } },
  { name: 'orders.taskHall', kind: 'read', setup: async (h) => { await orderIn(h, 'submitted'); return () => h.as('member-zhang')('orders', 'taskHall', {}); } },
  { name: 'orders.myTasks', kind: 'read', setup: async (h) => { await orderIn(h, 'assigned'); return () => h.as('member-zhang')('orders', 'myTasks', {}); } },
  { name: 'orders.grabOrder', kind: 'write', setup: async (h) => { await consented(h); const o = await orderIn(h, 'submitted'); return () => h.as('member-zhang')('orders', 'grabOrder', { orderId: o._id }); } },
  { name: 'orders.declineOrder', kind: 'write', setup: async (h) => { const o = await orderIn(h, 'assigned'); return () => h.as('member-zhang')('orders', 'declineOrder', { orderId: o._id, reason: '临时有事' }); } },
  { name: 'orders.startOrder', kind: 'write', setup: async (h) => { const o = await orderIn(h, 'assigned'); return () => h.as('member-zhang')('orders', 'startOrder', { orderId: o._id }); } },
  { name: 'orders.completeOrder', kind: 'write', setup: async (h) => { await warmPoints(h); await warmHours(h); await consented(h); const o = await orderIn(h, 'serving'); const photo = h.app.files.save(PNG, 'image/png'); return () => h.as('member-zhang')('orders', 'completeOrder', { orderId: o._id, summary: '已修好', photos: [photo] }); } },
  { name: 'orders.dispatchBoard', kind: 'read', setup: async (h) => { await orderIn(h, 'submitted'); return () => h.as('staff-li')('orders', 'dispatchBoard', {}); } },
  { name: 'orders.listOrdersAdmin', kind: 'read', setup: async (h) => { await orderIn(h, 'submitted'); return () => h.as('staff-li')('orders', 'listOrdersAdmin', {}); } },
  { name: 'orders.dispatchOrder', kind: 'write', setup: async (h) => { await consented(h); const o = await orderIn(h, 'submitted'); return () => h.as('staff-li')('orders', 'dispatchOrder', { orderId: o._id, memberId: h.userId('member-zhang') }); } },
  // points
  { name: 'points.myPoints', kind: 'read', setup: async (h) => { await orderIn(h, 'rated'); return () => h.as('member-zhang')('points', 'myPoints', {}); } },
  { name: 'points.memberPoints', kind: 'read', setup: async (h) => () => h.as('staff-li')('points', 'memberPoints', { memberId: h.userId('member-zhang') }) },
  { name: 'points.leaderboard', kind: 'read', setup: async (h) => { await orderIn(h, 'rated'); return () => h.as('member-chen')('points', 'leaderboard', { period: 'month' }); } },
  { name: 'points.adjustPoints', kind: 'write', setup: async (h) => { await warmPoints(h); return () => h.as('staff-li')('points', 'adjustPoints', { memberId: h.userId('member-zhang'), delta: 5, reason: '热心服务' }, requestId()); } },
  // wishes
  { name: 'wishes.postWish', kind: 'write', setup: async (h) => { await warmWishes(h); return () => h.as('resident-zhao')('wishes', 'postWish', { beneficiaryType: 'elderly', kind: 'material', title: '收音机', content: '想听戏。', value: 80, deadline: '2026-12-31' }, requestId()); } },
  { name: 'wishes.reviewWish', kind: 'write', setup: async (h) => { const id = await postedWish(h, false); return () => h.as('staff-li')('wishes', 'reviewWish', { wishId: id, approve: true }); } },
  { name: 'wishes.claimWish', kind: 'write', setup: async (h) => { await warmClaims(h); await consented(h); const id = await postedWish(h); return () => h.as('member-zhang')('wishes', 'claimWish', { wishId: id }); } },
  { name: 'wishes.releaseClaim', kind: 'write', setup: async (h) => { const id = await claimedWish(h); return () => h.as('member-zhang')('wishes', 'releaseClaim', { wishId: id, reason: '临时有事' }); } },
  { name: 'wishes.fulfilWish', kind: 'write', setup: async (h) => { await warmClaims(h); await consented(h); const id = await claimedWish(h); const photo = h.app.files.save(PNG, 'image/png'); return () => h.as('member-zhang')('wishes', 'fulfilWish', { wishId: id, note: '已送到', photos: [photo] }); } },
  {
    name: 'wishes.confirmWish',
    kind: 'write',
    setup: async (h) => {
      await warmPoints(h);
      const id = await claimedWish(h);
      await h.okAs('member-zhang')('wishes', 'fulfilWish', { wishId: id, note: '已送到', photos: [h.app.files.save(PNG, 'image/png')] });
      return () => h.as('resident-zhao')('wishes', 'confirmWish', { wishId: id });
    },
  },
  { name: 'wishes.withdrawWish', kind: 'write', setup: async (h) => { const id = await postedWish(h); return () => h.as('resident-zhao')('wishes', 'withdrawWish', { wishId: id }); } },
  { name: 'wishes.getWish', kind: 'read', setup: async (h) => { const id = await postedWish(h); return () => h.as('resident-sun')('wishes', 'getWish', { wishId: id }); } },
  { name: 'wishes.wishWall', kind: 'read', setup: async (h) => { await postedWish(h); return () => h.as('resident-sun')('wishes', 'wishWall', {}); } },
  { name: 'wishes.myWishes', kind: 'read', setup: async (h) => { await postedWish(h); return () => h.as('resident-zhao')('wishes', 'myWishes', {}); } },
  { name: 'wishes.myClaims', kind: 'read', setup: async (h) => { await claimedWish(h); return () => h.as('member-zhang')('wishes', 'myClaims', {}); } },
  { name: 'wishes.reviewQueue', kind: 'read', setup: async (h) => { await postedWish(h, false); return () => h.as('staff-li')('wishes', 'reviewQueue', {}); } },
  // activities
  { name: 'activities.createMenu', kind: 'write', setup: async (h) => () => h.as('staff-li')('activities', 'createMenu', { month: '2026-12' }) },
  { name: 'activities.listMenus', kind: 'read', setup: async (h) => { await publishedActivity(h); return () => h.as('staff-li')('activities', 'listMenus', {}); } },
  { name: 'activities.addActivity', kind: 'write', setup: async (h) => { const menu = await h.okAs('staff-li')('activities', 'createMenu', { month: '2026-12' }); return () => h.as('staff-li')('activities', 'addActivity', activityForm(menu._id), requestId()); } },
  { name: 'activities.updateActivity', kind: 'write', setup: async (h) => { const { activity } = await publishedActivity(h); return () => h.as('staff-li')('activities', 'updateActivity', { activityId: activity._id, capacity: 8 }); } },
  {
    name: 'activities.createSeries',
    kind: 'write',
    setup: async (h) => {
      const menu = await h.okAs('staff-li')('activities', 'createMenu', { month: '2026-12' });
      const { date: _date, signupClosesDate: _c, signupClosesTime: _ct, cancelDeadlineDate: _d, cancelDeadlineTime: _dt, ...common } = activityForm(menu._id);
      return () => h.as('staff-li')('activities', 'createSeries', { ...common, title: '中医夜市', startTime: '19:00', endTime: '21:00', weekday: 1, fromDate: '2026-12-01', toDate: '2026-12-31', signupClosesHoursBefore: 2, cancelHoursBefore: 4 }, requestId());
    },
  },
  {
    name: 'activities.publishMenu',
    kind: 'write',
    setup: async (h) => {
      const menu = await h.okAs('staff-li')('activities', 'createMenu', { month: '2026-12' });
      await h.okAs('staff-li')('activities', 'addActivity', activityForm(menu._id), requestId());
      await h.okAs('resident-sun')('activities', 'subscribeMenus', { subscribed: true });
      await h.consent('resident-sun', 'subscribeMenus');
      return () => h.as('staff-li')('activities', 'publishMenu', { menuId: menu._id });
    },
  },
  { name: 'activities.listSignups', kind: 'read', setup: async (h) => { const { activity } = await publishedActivity(h); return () => h.as('staff-li')('activities', 'listSignups', { activityId: activity._id }); } },
  {
    name: 'activities.checkIn',
    kind: 'write',
    setup: async (h) => {
      const { activity } = await publishedActivity(h);
      h.clock.set('2026-11-26T10:00:00+08:00');
      const signup = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me('孙丽') });
      h.clock.set('2026-12-12T08:45:00+08:00');
      return () => h.as('staff-li')('activities', 'checkIn', { activityId: activity._id, code: signup.checkinCode! });
    },
  },
  { name: 'activities.listBlocks', kind: 'read', setup: async (h) => () => h.as('staff-li')('activities', 'listBlocks', {}) },
  { name: 'activities.monthMenu', kind: 'read', setup: async (h) => { await publishedActivity(h); return () => h.as('resident-sun')('activities', 'monthMenu', { month: '2026-12' }); } },
  { name: 'activities.getActivity', kind: 'read', setup: async (h) => { const { activity } = await publishedActivity(h); return () => h.as('resident-sun')('activities', 'getActivity', { activityId: activity._id }); } },
  { name: 'activities.subscribeMenus', kind: 'write', setup: async (h) => () => h.as('resident-sun')('activities', 'subscribeMenus', { subscribed: true }) },
  { name: 'activities.signUp (a place)', kind: 'write', setup: async (h) => { const { activity } = await publishedActivity(h); h.clock.set('2026-11-26T10:00:00+08:00'); return () => h.as('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me('孙丽') }); } },
  {
    name: 'activities.signUp (the waitlist)',
    kind: 'write',
    setup: async (h) => {
      const { activity } = await publishedActivity(h, 1);
      h.clock.set('2026-11-26T10:00:00+08:00');
      await h.okAs('resident-zhou')('activities', 'signUp', { activityId: activity._id, attendees: me('周强') });
      return () => h.as('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me('孙丽') });
    },
  },
  {
    name: 'activities.cancelSignup',
    kind: 'write',
    setup: async (h) => {
      const { activity } = await publishedActivity(h, 5);
      h.clock.set('2026-11-26T10:00:00+08:00');
      const s = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me('孙丽') });
      return () => h.as('resident-sun')('activities', 'cancelSignup', { signupId: s._id, activityId: activity._id });
    },
  },
  {
    name: 'activities.cancelSignup (promotes)',
    kind: 'write',
    setup: async (h) => {
      await h.consent('resident-zhou', 'signUp');
      const { activity } = await publishedActivity(h, 1);
      h.clock.set('2026-11-26T10:00:00+08:00');
      const s = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me('孙丽') });
      await h.okAs('resident-zhou')('activities', 'signUp', { activityId: activity._id, attendees: me('周强') });
      return () => h.as('resident-sun')('activities', 'cancelSignup', { signupId: s._id, activityId: activity._id });
    },
  },
  { name: 'activities.mySignups', kind: 'read', setup: async (h) => { const { activity } = await publishedActivity(h); h.clock.set('2026-11-26T10:00:00+08:00'); await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me('孙丽') }); return () => h.as('resident-sun')('activities', 'mySignups', {}); } },
  {
    name: 'activities.selfCheckIn',
    kind: 'write',
    setup: async (h) => {
      const { activity } = await publishedActivity(h);
      h.clock.set('2026-11-26T10:00:00+08:00');
      await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me('孙丽') });
      const staffView = await h.okAs('staff-li')('activities', 'getActivity', { activityId: activity._id });
      h.clock.set('2026-12-12T08:45:00+08:00');
      return () => h.as('resident-sun')('activities', 'selfCheckIn', { activityId: activity._id, code: staffView.activity.checkinCode! });
    },
  },
  {
    name: 'activities.rateActivity',
    kind: 'write',
    setup: async (h) => {
      const { activity } = await publishedActivity(h);
      h.clock.set('2026-11-26T10:00:00+08:00');
      const s = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me('孙丽') });
      const first = await h.okAs('resident-zhou')('activities', 'signUp', { activityId: activity._id, attendees: me('周强') });
      h.clock.set('2026-12-12T08:45:00+08:00');
      await h.okAs('staff-li')('activities', 'checkIn', { activityId: activity._id, code: s.checkinCode! });
      await h.okAs('staff-li')('activities', 'checkIn', { activityId: activity._id, code: first.checkinCode! });
      h.clock.set('2026-12-12T12:00:00+08:00');
      // The month's first rating creates its aggregate (once); this one is the usual path.
      await h.okAs('resident-zhou')('activities', 'rateActivity', { signupId: first._id, stars: 4 });
      return () => h.as('resident-sun')('activities', 'rateActivity', { signupId: s._id, stars: 5, comment: '很好' });
    },
  },
  // admin
  { name: 'admin.createCommunity', kind: 'write', setup: async (h) => { const as = await admin(h); return () => as('admin', 'createCommunity', { name: '幸福里社区', street: '翠屏街道' }, requestId()); } },
  { name: 'admin.appointStaff', kind: 'write', setup: async (h) => { const as = await admin(h); return () => as('admin', 'appointStaff', { userId: h.userId('resident-zhou'), communityId: 'c_wenhuali' }); } },
  {
    name: 'admin.removeStaff',
    kind: 'write',
    setup: async (h) => {
      const as = await admin(h);
      await h.okAsOpenid(ADMIN)('admin', 'appointStaff', { userId: h.userId('resident-zhou'), communityId: 'c_wenhuali' });
      return () => as('admin', 'removeStaff', { userId: h.userId('resident-zhou'), reason: '工作调动' });
    },
  },
  { name: 'admin.createStaffInvite', kind: 'write', setup: async (h) => { const as = await admin(h); return () => as('admin', 'createStaffInvite', { communityId: 'c_wenhuali' }); } },
  { name: 'admin.listStaff', kind: 'read', setup: async (h) => { const as = await admin(h); return () => as('admin', 'listStaff', {}); } },
  { name: 'admin.dashboard', kind: 'read', setup: async (h) => { const as = await admin(h); await orderIn(h, 'rated'); return () => as('admin', 'dashboard', { month: '2026-11' }); } },
  { name: 'admin.hidePhoto', kind: 'write', setup: async (h) => { const o = await orderIn(h, 'completed'); return () => h.as('staff-li')('admin', 'hidePhoto', { refType: 'order', refId: o._id, fileId: o.photos[0], reason: '居民投诉' }); } },
  {
    name: 'activities.carryForward',
    kind: 'write',
    setup: async (h) => {
      const { menu } = await publishedActivity(h);
      await h.okAs('staff-li')('activities', 'createSeries', seriesForm(menu._id), requestId());
      return () => h.as('staff-li')('activities', 'carryForward', { month: '2026-12' });
    },
  },
  { name: 'activities.menuGaps', kind: 'read', setup: async (h) => { await publishedActivity(h); return () => h.as('staff-li')('activities', 'menuGaps', { month: '2027-01' }); } },
  // hours
  { name: 'points.myHours', kind: 'read', setup: async (h) => { await orderIn(h, 'completed'); return () => h.as('member-zhang')('points', 'myHours', {}); } },
  { name: 'points.memberHours', kind: 'read', setup: async (h) => { await orderIn(h, 'completed'); return () => h.as('staff-li')('points', 'memberHours', { memberId: h.userId('member-zhang') }); } },
  { name: 'points.adjustHours', kind: 'write', setup: async (h) => { await warmHours(h); return () => h.as('staff-li')('points', 'adjustHours', { memberId: h.userId('member-zhang'), hours: 2, reason: '补录社区值守' }, requestId()); } },
  { name: 'points.hoursCertificate', kind: 'read', setup: async (h) => { await orderIn(h, 'completed'); return () => h.as('member-zhang')('points', 'hoursCertificate', {}); } },
  { name: 'points.exportHours', kind: 'read', setup: async (h) => { await orderIn(h, 'completed'); return () => h.as('staff-li')('points', 'exportHours', { from: '2026-01', to: '2026-11' }); } },
  // reports
  { name: 'reports.monthlyReview', kind: 'read', setup: async (h) => { await orderIn(h, 'rated'); return () => h.as('staff-li')('reports', 'monthlyReview', { month: '2026-11' }); } },
  { name: 'reports.exportMonthlyReview', kind: 'read', setup: async (h) => { await orderIn(h, 'rated'); return () => h.as('staff-li')('reports', 'exportMonthlyReview', { month: '2026-11' }); } },
];
