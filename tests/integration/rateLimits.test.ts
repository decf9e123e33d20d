/**
 * Rate limits per user and action family, through the real handlers, with the injected clock:
 * over the limit the answer is RATE_LIMITED with the time to wait, in Chinese and in seconds; the
 * next window accepts again; a retried request counts once; a refused request does not count;
 * staff, who act for many residents, have ten times the room; a burst at once admits exactly the
 * limit.
 */
import { RATE_LIMITS, formatWait, rateWindowOf } from '../../cloudfunctions/_core/runtime/rateLimits';
import { openHarness, TEST_SETUP_CODE, type Harness } from '../support/harness';
import { HOUR } from '../support/manualClock';
import { orderIn, requestId } from '../support/orderFixtures';

let h: Harness;
beforeEach(async () => {
  h = await openHarness(); // 2026-11-23 09:00 Asia/Shanghai
});
afterEach(() => h.close());

const wish = (title: string) => ({ beneficiaryType: 'elderly' as const, kind: 'material' as const, title, content: '想听戏。', value: 80, deadline: '2026-12-31' });

const activityForm = (menuId: string, title: string) => ({
  menuId,
  title,
  category: 'health_clinic' as const,
  description: '义诊。',
  place: '卫生站',
  date: '2026-12-12',
  startTime: '09:00',
  endTime: '11:00',
  capacity: 50,
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

test('the limits are ones no real resident reaches', () => {
  expect(RATE_LIMITS.wish).toMatchObject({ window: 'day', resident: 5 });
  expect(RATE_LIMITS.order).toMatchObject({ window: 'day', resident: 10 });
  expect(RATE_LIMITS.rating).toMatchObject({ window: 'day', resident: 20 });
  expect(RATE_LIMITS.signup).toMatchObject({ window: 'hour', resident: 20 });
  expect(rateWindowOf('wish', Date.parse('2026-11-23T23:59:59+08:00'))).toEqual({ key: '2026-11-23', end: Date.parse('2026-11-24T00:00:00+08:00') });
  expect(rateWindowOf('signup', Date.parse('2026-11-23T09:30:00+08:00'))).toEqual({ key: '2026-11-23T09', end: Date.parse('2026-11-23T10:00:00+08:00') });
  expect([formatWait(30_000), formatWait(25 * 60_000), formatWait(3 * HOUR), formatWait(3 * HOUR + 5 * 60_000)]).toEqual(['1分钟', '25分钟', '3小时', '3小时5分钟']);
});

test('the 6th wish of a day is RATE_LIMITED with the wait; the next day accepts again', async () => {
  for (let i = 0; i < 5; i++) expect((await h.as('resident-sun')('wishes', 'postWish', wish(`心愿${i}`), requestId())).ok).toBe(true);
  h.clock.set('2026-11-23T21:30:00+08:00');
  const sixth = await h.as('resident-sun')('wishes', 'postWish', wish('第六个'), requestId());
  expect(sixth).toEqual({
    ok: false,
    error: { code: 'RATE_LIMITED', message: '发布心愿太频繁了：每天最多5次，请2小时30分钟后再试', retryAfterSeconds: 2.5 * 3600 },
  });
  expect(await h.store.count('wishes', { residentId: h.userId('resident-sun') })).toBe(5);
  // Others are not limited by it.
  expect((await h.as('resident-zhou')('wishes', 'postWish', wish('周家的心愿'), requestId())).ok).toBe(true);
  h.clock.set('2026-11-24T00:00:00+08:00');
  expect((await h.as('resident-sun')('wishes', 'postWish', wish('第二天'), requestId())).ok).toBe(true);
});

test('a retried request counts once; a refused one does not count', async () => {
  const same = requestId();
  for (let i = 0; i < 3; i++) expect((await h.as('resident-sun')('wishes', 'postWish', wish('同一个'), same)).ok).toBe(true);
  // Refused for its content, its date, its photo: none of them counts.
  expect((await h.as('resident-sun')('wishes', 'postWish', { ...wish('违禁测试'), content: '违禁测试' }, requestId())).ok).toBe(false);
  expect((await h.as('resident-sun')('wishes', 'postWish', { ...wish('过期'), deadline: '2026-11-01' }, requestId())).ok).toBe(false);
  for (let i = 0; i < 4; i++) expect((await h.as('resident-sun')('wishes', 'postWish', wish(`心愿${i}`), requestId())).ok).toBe(true);
  expect((await h.as('resident-sun')('wishes', 'postWish', wish('第六个'), requestId())).ok || 'limited').toBe('limited');
});

test('orders: 10 a day for a resident, 100 for staff ordering for residents', async () => {
  const items = (await h.okAs('staff-li')('orders', 'listItemsAdmin', {})).items.filter((i) => i.monthlyQuota === null);
  // A resident has at most 3 open orders: cancelling keeps the count of orders placed today.
  for (let i = 0; i < 10; i++) {
    const order = await h.okAs('resident-sun')('orders', 'createOrder', { itemId: items[i % items.length]._id, date: '2026-11-25', slot: 'morning', address: '2号楼', phone: '13800000022' }, requestId());
    await h.okAs('resident-sun')('orders', 'cancelOrder', { orderId: order._id });
  }
  const eleventh = await h.as('resident-sun')('orders', 'createOrder', { itemId: items[0]._id, date: '2026-11-25', slot: 'morning', address: '2号楼', phone: '13800000022' }, requestId());
  expect(eleventh).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('下单太频繁了：每天最多10次') } });
  // Staff ordering for the same resident are counted as staff.
  const proxied = await h.as('staff-li')('orders', 'createOrder', { itemId: items[0]._id, date: '2026-11-25', slot: 'morning', address: '2号楼', phone: '13800000022', onBehalfOf: h.userId('resident-sun') }, requestId());
  expect(proxied.ok).toBe(true);
});

test('ratings count per rated thing; sign-ups per hour', async () => {
  const order = await orderIn(h, 'completed');
  const rated = await h.as('resident-sun')('orders', 'rateOrder', { orderId: order._id, stars: 5, tags: [] });
  expect(rated.ok).toBe(true);
  // Rating it again is a CONFLICT, and does not count.
  expect(await h.as('resident-sun')('orders', 'rateOrder', { orderId: order._id, stars: 4, tags: [] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

  const menu = await h.okAs('staff-li')('activities', 'createMenu', { month: '2026-12' });
  const ids: string[] = [];
  for (let i = 0; i < 21; i++) ids.push((await h.okAs('staff-li')('activities', 'addActivity', activityForm(menu._id, `活动${i}`), requestId()))._id);
  await h.okAs('staff-li')('activities', 'publishMenu', { menuId: menu._id });
  const me = [{ name: '孙丽', relation: 'self' as const, age: 40 }];
  for (let i = 0; i < 20; i++) expect((await h.as('resident-sun')('activities', 'signUp', { activityId: ids[i], attendees: me })).ok).toBe(true);
  // Signing up again for one of them answers the sign-up, counted once.
  expect((await h.as('resident-sun')('activities', 'signUp', { activityId: ids[0], attendees: me })).ok).toBe(true);
  const limited = await h.as('resident-sun')('activities', 'signUp', { activityId: ids[20], attendees: me });
  expect(limited).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: '活动报名太频繁了：每小时最多20次，请1小时后再试', retryAfterSeconds: 3600 } });
  h.clock.advance(HOUR);
  expect((await h.as('resident-sun')('activities', 'signUp', { activityId: ids[20], attendees: me })).ok).toBe(true);
});

test('twenty wishes at once from one resident: exactly five are posted', async () => {
  const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => h.as('resident-sun')('wishes', 'postWish', wish(`同时${i}`), requestId())));
  expect(answers.filter((a) => a.ok)).toHaveLength(5);
  expect(answers.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED')).toHaveLength(15);
  expect(await h.store.count('wishes', { residentId: h.userId('resident-sun') })).toBe(5);
});

test('guessing invitation codes: wrong tries count, the 11th try of the hour is RATE_LIMITED even with the right code; the next hour accepts it', async () => {
  await h.okAsOpenid('wx-first-admin')('users', 'setup', { code: TEST_SETUP_CODE, name: '街道王主任', phone: '13700000001' });
  const invite = await h.okAsOpenid('wx-first-admin')('admin', 'createStaffInvite', { communityId: 'c_wenhuali' });
  for (let i = 0; i < 10; i++) {
    const guess = await h.as('resident-wu')('users', 'redeemStaffInvite', { code: `GUESS${String(i).padStart(5, '0')}` });
    expect(guess).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }
  const right = await h.as('resident-wu')('users', 'redeemStaffInvite', { code: invite.code });
  expect(right).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('输入邀请码或初始化码太频繁了') } });
  h.clock.advance(HOUR);
  expect(await h.okAs('resident-wu')('users', 'redeemStaffInvite', { code: invite.code })).toMatchObject({ role: 'staff' });
});
