/**
 * Setting up and running communities in the app. A fresh deployment (no demo data) is set up with
 * the setup code alone, in local mode through the local gateway's HTTP protocol, as a browser
 * would: the first user becomes the street admin, creates a community, invites its staff member,
 * who builds the menu; a resident registers and orders, and the admin's dashboard counts it.
 * Then, on the demo community: appointing and removing staff, the elderly mark, the dashboard's
 * figures, and who may do what.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createGateway } from '../../cloudfunctions/_local/gateway';
import { createTokenSigner } from '../../cloudfunctions/_local/tokens';
import { DEMO_COMMUNITY, OTHER_COMMUNITY } from '../../cloudfunctions/_local/demoData';
import type { UserDoc } from '../../cloudfunctions/_core/users/userDoc';
import { INVITE_VALID_MS } from '../../cloudfunctions/_core/admin/staffInvites';
import type { Envelope } from '../../types/errors';
import { openHarness, TEST_SETUP_CODE, type Harness } from '../support/harness';
import { orderIn, PNG, requestId } from '../support/orderFixtures';
import { ALL_JOBS, runJobs } from '../../cloudfunctions/_core/scheduler/runJobs';

const tokens = createTokenSigner('admin-test-secret');

describe('a fresh deployment, set up in the app with the setup code alone (local mode, over HTTP)', () => {
  let h: Harness;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    h = await openHarness({ seed: false });
    server = createGateway({ handlers: h.app.handlers, store: h.store, tokens, files: h.app.files, outbox: h.app.outbox, devLogin: true });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await h.close();
  });

  const newUser = async () => ((await (await fetch(`${base}/api/dev/login`, { method: 'POST', body: JSON.stringify({ newUser: true }) })).json()) as { token: string }).token;
  const call = async <T = unknown>(token: string, fn: string, action: string, data: object = {}, rid?: string): Promise<Envelope<T>> =>
    (await fetch(`${base}/api/${fn}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ action, data, ...(rid ? { requestId: rid } : {}) }),
    }).then((r) => r.json())) as Envelope<T>;
  const ok = async <T = Record<string, unknown>>(token: string, fn: string, action: string, data: object = {}, rid?: string): Promise<T> => {
    const answer = await call<T>(token, fn, action, data, rid);
    if (!answer.ok) throw new Error(`${fn}.${action}: ${answer.error.code} ${answer.error.message}`);
    return answer.data;
  };

  test('from nothing to a served order, and the dashboard counts it', async () => {
    expect(await h.store.count('communities', {})).toBe(0);
    expect(await h.store.count('users', {})).toBe(0);
    const admin = await newUser();
    expect(await ok(admin, 'users', 'setupStatus')).toEqual({ configured: true, done: false });
    expect(await ok(admin, 'users', 'listCommunities')).toEqual({ items: [] });

    // A wrong code is refused; the right one makes the first user the admin.
    expect(await call(admin, 'users', 'setup', { code: 'WRONG-CODE', name: '街道王主任', phone: '13700000001' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { code: '初始化码不正确' } },
    });
    expect(await ok(admin, 'users', 'setup', { code: TEST_SETUP_CODE, name: '街道王主任', phone: '13700000001' })).toMatchObject({ role: 'admin', name: '街道王主任' });
    expect(await ok(admin, 'users', 'setupStatus')).toEqual({ configured: true, done: true });
    // Once: the code makes nobody else admin.
    const latecomer = await newUser();
    expect(await call(latecomer, 'users', 'setup', { code: TEST_SETUP_CODE, name: '另一人', phone: '13700000002' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const community = await ok<{ _id: string }>(admin, 'admin', 'createCommunity', { name: '幸福里社区', street: '翠屏街道' }, requestId());
    const invite = await ok<{ code: string; communityName: string }>(admin, 'admin', 'createStaffInvite', { communityId: community._id });
    expect(invite).toMatchObject({ communityName: '幸福里社区', code: expect.stringMatching(/^[A-Z2-9]{10}$/) });

    // The staff member redeems the code as a new user, and is staff of the community.
    const staff = await newUser();
    expect(await call(staff, 'users', 'redeemStaffInvite', { code: invite.code })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await ok(staff, 'users', 'redeemStaffInvite', { code: invite.code.toLowerCase(), name: '赵网格', phone: '13700000003' })).toMatchObject({
      role: 'staff',
      communityName: '幸福里社区',
    });
    // One person per code.
    expect(await call(latecomer, 'users', 'redeemStaffInvite', { code: invite.code, name: '另一人', phone: '13700000002' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // The staff member builds the menu; a resident registers and orders; a member serves.
    const category = await ok<{ _id: string }>(staff, 'orders', 'createCategory', { name: '家电维修', kind: 'regular' });
    const item = await ok<{ _id: string }>(staff, 'orders', 'createItem', { categoryId: category._id, title: '修电饭煲', description: '上门维修小家电。', skills: [], durationMinutes: 60, monthlyQuota: null });
    await ok(staff, 'orders', 'setItemStatus', { itemId: item._id, status: 'published' });
    const resident = await newUser();
    await ok(resident, 'users', 'register', { communityId: community._id, name: '钱阿姨', phone: '13700000004', building: '1号楼', room: '101' });
    const volunteer = await newUser();
    const member = await ok<{ _id: string }>(volunteer, 'users', 'register', { communityId: community._id, name: '孙志愿', phone: '13700000005', building: '2号楼', room: '201' });
    await ok(volunteer, 'users', 'applyMember', { branch: '幸福里社区党支部', skills: ['家电维修'] });
    await ok(staff, 'users', 'reviewMember', { userId: member._id, approve: true });
    const order = await ok<{ _id: string }>(resident, 'orders', 'createOrder', { itemId: item._id, date: '2026-11-25', slot: 'morning', address: '1号楼101', phone: '13700000004' }, requestId());
    await ok(volunteer, 'orders', 'grabOrder', { orderId: order._id });
    await ok(volunteer, 'orders', 'startOrder', { orderId: order._id });
    await ok(volunteer, 'orders', 'completeOrder', { orderId: order._id, summary: '已修好', photos: [] });
    await ok(resident, 'orders', 'rateOrder', { orderId: order._id, stars: 4, tags: ['准时'] });

    const board = await ok<{ communities: Array<Record<string, unknown>> }>(admin, 'admin', 'dashboard', { month: '2026-11' });
    expect(board.communities).toEqual([
      expect.objectContaining({ communityName: '幸福里社区', orders: 1, completed: 1, completionRate: 1, ratings: 1, averageRating: 4, activeMembers: 1 }),
    ]);
    // Nobody wrote a document by hand: every user came through the app.
    const users = await h.store.find<UserDoc>('users', {}, { limit: 100 });
    expect(users.map((u) => u.role).sort()).toEqual(['admin', 'member', 'resident', 'staff']);
  });

  test('the local outbox page is for staff and the admin only', async () => {
    const stranger = await newUser();
    expect((await fetch(`${base}/api/dev/outbox`)).status).toBe(401);
    expect((await fetch(`${base}/api/dev/outbox`, { headers: { Authorization: `Bearer ${stranger}` } })).status).toBe(403);
  });
});

describe('running communities (demo data)', () => {
  let h: Harness;
  let admin: string;
  beforeEach(async () => {
    h = await openHarness();
    admin = 'wx-street-admin';
    await h.okAsOpenid(admin)('users', 'setup', { code: TEST_SETUP_CODE, name: '街道王主任', phone: '13700000001' });
  });
  afterEach(() => h.close());
  const asAdmin = () => h.asOpenid(admin);

  test('the admin appoints a registered resident as staff of a community, and removes them', async () => {
    const found = await h.okAsOpenid(admin)('users', 'listUsers', { communityId: DEMO_COMMUNITY._id, keyword: '周' });
    expect(found.items.map((u) => u.name)).toEqual(['周强']);
    const appointed = await h.okAsOpenid(admin)('admin', 'appointStaff', { userId: h.userId('resident-zhou'), communityId: OTHER_COMMUNITY._id });
    expect(appointed).toMatchObject({ role: 'staff' });
    const staff = await h.okAsOpenid(admin)('admin', 'listStaff', { communityId: OTHER_COMMUNITY._id });
    expect(staff.items.map((s) => s.name).sort()).toEqual(['周强', '马文（文化里社区）'].sort());
    const everyone = await h.okAsOpenid(admin)('admin', 'listStaff', {});
    expect(everyone.items).toHaveLength(3);
    // As staff of 文化里, 周强 now works there.
    expect((await h.as('resident-zhou')('orders', 'dispatchBoard', {})).ok).toBe(true);
    const removed = await h.okAsOpenid(admin)('admin', 'removeStaff', { userId: h.userId('resident-zhou'), reason: '工作调动' });
    expect(removed).toMatchObject({ role: 'resident' });
    expect((await h.as('resident-zhou')('orders', 'dispatchBoard', {})).ok).toBe(false);
    const history = (await h.store.get<UserDoc>('users', h.userId('resident-zhou')))!.history;
    expect(history.slice(-2).map((e) => [e.from, e.to])).toEqual([['resident', 'staff'], ['staff', 'resident']]);
    // A member removed from staff is a member again.
    await h.okAsOpenid(admin)('admin', 'appointStaff', { userId: h.userId('member-chen'), communityId: DEMO_COMMUNITY._id });
    expect(await h.okAsOpenid(admin)('admin', 'removeStaff', { userId: h.userId('member-chen'), reason: '任期结束' })).toMatchObject({ role: 'member' });
  });

  test('an invitation is for one person, for seven days', async () => {
    const invite = await h.okAsOpenid(admin)('admin', 'createStaffInvite', { communityId: OTHER_COMMUNITY._id });
    h.clock.advance(INVITE_VALID_MS);
    expect(await h.asOpenid('wx-late')('users', 'redeemStaffInvite', { code: invite.code, name: '迟到', phone: '13700000009' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const fresh = await h.okAsOpenid(admin)('admin', 'createStaffInvite', { communityId: OTHER_COMMUNITY._id });
    // A registered resident redeeming moves to the community as staff, keeping their name.
    const answers = await Promise.all([h.as('resident-wu')('users', 'redeemStaffInvite', { code: fresh.code }), h.as('resident-wu')('users', 'redeemStaffInvite', { code: fresh.code })]);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect((await h.okAs('resident-wu')('users', 'me', {})).user).toMatchObject({ role: 'staff', name: '吴敏', communityName: '文化里社区' });
    expect(await h.as('resident-zheng')('users', 'redeemStaffInvite', { code: fresh.code })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('only the admin runs the admin function; staff see only their own community', async () => {
    for (const key of ['staff-li', 'member-zhang', 'resident-sun'] as const) {
      expect(await h.as(key)('admin', 'createCommunity', { name: '新社区', street: '翠屏街道' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await h.as(key)('admin', 'dashboard', { month: '2026-11' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await h.as(key)('admin', 'createStaffInvite', { communityId: DEMO_COMMUNITY._id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // Staff see their own community's people only, whatever community they name.
    const theirs = await h.okAs('staff-other')('users', 'listUsers', { communityId: DEMO_COMMUNITY._id });
    expect(theirs.items.map((u) => u.name)).toEqual(['马文（文化里社区）']);
    // The admin has no community of their own: an order is always for a named resident.
    expect(await asAdmin()('orders', 'createOrder', { itemId: 'x', date: '2026-11-25', slot: 'morning', address: 'x', phone: '13700000001' }, requestId())).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '请选择代点单的居民' },
    });
  });

  test('staff mark a resident as elderly: recorded in their history, and their profile says so', async () => {
    const marked = await h.okAs('staff-li')('users', 'setElderly', { userId: h.userId('resident-sun'), elderly: true, note: '独居老人，视力不好' });
    expect(marked.elderly).toBe(true);
    expect((await h.okAs('resident-sun')('users', 'me', {})).user?.elderly).toBe(true);
    const last = (await h.store.get<UserDoc>('users', h.userId('resident-sun')))!.history.at(-1);
    expect(last).toMatchObject({ by: h.userId('staff-li'), from: 'not_elderly', to: 'elderly', note: '独居老人，视力不好' });
    // Marking again changes nothing; another community's staff may not; a resident may not.
    const again = await h.okAs('staff-li')('users', 'setElderly', { userId: h.userId('resident-sun'), elderly: true });
    expect(again.elderly).toBe(true);
    expect((await h.store.get<UserDoc>('users', h.userId('resident-sun')))!.history.filter((e) => e.to === 'elderly')).toHaveLength(1);
    expect(await h.as('staff-other')('users', 'setElderly', { userId: h.userId('resident-sun'), elderly: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.as('resident-zhou')('users', 'setElderly', { userId: h.userId('resident-sun'), elderly: false })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await h.okAs('staff-li')('users', 'setElderly', { userId: h.userId('resident-sun'), elderly: false })).elderly).toBe(false);
  });

  test('the dashboard counts each community’s month: orders, completion, rating, wishes, attendance, active members', async () => {
    await orderIn(h, 'rated'); // 5★
    const low = await orderIn(h, 'completed', 'resident-zhou');
    await h.okAs('resident-zhou')('orders', 'rateOrder', { orderId: low._id, stars: 2, tags: [] });
    await orderIn(h, 'cancelled', 'resident-wu');
    await orderIn(h, 'submitted', 'resident-zheng');
    const wish = await h.okAs('resident-zhao')('wishes', 'postWish', { beneficiaryType: 'elderly', kind: 'material', title: '收音机', content: '想听戏。', value: 80, deadline: '2026-12-31' }, requestId());
    await h.okAs('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: true });
    await h.okAs('member-liu')('wishes', 'claimWish', { wishId: wish._id });
    await h.okAs('member-liu')('wishes', 'fulfilWish', { wishId: wish._id, note: '已送到', photos: [h.app.files.save(PNG, 'image/png')] });
    // An activity this month: one attendee comes, one does not.
    const menu = await h.okAs('staff-li')('activities', 'createMenu', { month: '2026-11' });
    const activity = await h.okAs('staff-li')('activities', 'addActivity', {
      menuId: menu._id, title: '义诊', category: 'health_clinic', description: '义诊', place: '卫生站', date: '2026-11-28', startTime: '09:00', endTime: '11:00',
      capacity: 10, waitlist: false, checkinRequired: true, memberPoints: 0, signupOpensDate: '2026-11-23', signupOpensTime: '09:00',
      signupClosesDate: '2026-11-27', signupClosesTime: '18:00', cancelDeadlineDate: '2026-11-27', cancelDeadlineTime: '12:00',
    }, requestId());
    await h.okAs('staff-li')('activities', 'publishMenu', { menuId: menu._id });
    const came = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: [{ name: '孙丽', relation: 'self', age: 40 }] });
    await h.okAs('resident-zhou')('activities', 'signUp', { activityId: activity._id, attendees: [{ name: '周强', relation: 'self', age: 40 }] });
    h.clock.set('2026-11-28T08:50:00+08:00');
    await h.okAs('staff-li')('activities', 'checkIn', { activityId: activity._id, code: came.checkinCode! });
    h.clock.set('2026-11-28T12:00:00+08:00');
    await runJobs(h.app.ports, ALL_JOBS);

    const board = await h.okAsOpenid(admin)('admin', 'dashboard', { month: '2026-11' });
    const demo = board.communities.find((c) => c.communityId === DEMO_COMMUNITY._id)!;
    expect(demo).toMatchObject({ orders: 4, completed: 2, completionRate: 0.667, ratings: 2, averageRating: 3.5, wishesFulfilled: 1, attended: 1, noShows: 1, attendanceRate: 0.5, activeMembers: 1 });
    expect(board.communities.find((c) => c.communityId === OTHER_COMMUNITY._id)).toMatchObject({ orders: 0, completionRate: null, averageRating: null, attendanceRate: null });
    expect(board.totals).toMatchObject({ orders: 4, completed: 2, completionRate: 0.667, averageRating: 3.5, wishesFulfilled: 1 });
    expect((await h.okAsOpenid(admin)('admin', 'dashboard', { month: '2026-10' })).totals.orders).toBe(0);
  });
});
