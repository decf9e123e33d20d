/**
 * Every query a list or read action sends is served by a declared index: SQLite's EXPLAIN QUERY
 * PLAN shows no scan of a table and no temporary sort (equality prefix, then the range, then the
 * order, as declared in collections.ts). The queries are recorded from the real handlers, first
 * page and next page, then explained on the same file.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { compileFilter, compileOrderBy } from '../../cloudfunctions/_adapters/sqlite/sqlFilter';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import type { Doc, Filter, FindOptions, Store } from '../../cloudfunctions/_core/store/port';
import { openHarness, type Harness } from '../support/harness';
import { orderIn } from '../support/orderFixtures';
import { TEST_SETUP_CODE } from '../support/harness';
import { receiveMediaVerdict, submitMediaChecks } from '../../cloudfunctions/_core/security/mediaChecks';

type Recorded = { collection: string; filter: Filter; options?: FindOptions; kind: 'find' | 'count'; action: string };
const recorded: Recorded[] = [];
let current = '';
const recording = (store: Store): Store => ({
  get: store.get.bind(store),
  insert: store.insert.bind(store),
  insertMany: store.insertMany.bind(store),
  updateById: store.updateById.bind(store),
  removeById: store.removeById.bind(store),
  updateWhere: store.updateWhere.bind(store),
  updateAndReturn: store.updateAndReturn.bind(store),
  transaction: store.transaction.bind(store),
  close: store.close?.bind(store),
  find: <T extends Doc = Doc>(collection: string, filter: Filter, options?: FindOptions) => {
    recorded.push({ collection, filter, options, kind: 'find', action: current });
    return store.find<T>(collection, filter, options);
  },
  count: (collection: string, filter: Filter) => {
    recorded.push({ collection, filter, kind: 'count', action: current });
    return store.count(collection, filter);
  },
});

let h: Harness;
beforeAll(async () => {
  h = await openHarness({ kind: 'sqlite', interleave: false, wrap: recording });
});
afterAll(() => h.close());

const spec = (name: string) => COLLECTIONS.find((c) => c.name === name);

const planOf = (db: Database.Database, q: Recorded): string => {
  const where = compileFilter(q.filter, spec(q.collection)?.arrayFields);
  const sql =
    q.kind === 'count'
      ? `SELECT count(*) FROM "${q.collection}" WHERE ${where.sql}`
      : `SELECT doc FROM "${q.collection}" WHERE ${where.sql} ORDER BY ${compileOrderBy(q.options?.orderBy)} LIMIT 20`;
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...where.params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
};

test('the queries of every list and read action use a declared index, without a temporary sort', async () => {
  // Something to list in every loop.
  for (const state of ['submitted', 'assigned', 'completed', 'rated'] as const) await orderIn(h, state);
  const wish = await h.okAs('resident-zhao')('wishes', 'postWish', { beneficiaryType: 'elderly', kind: 'material', title: '收音机', content: '想听戏。', value: 80, deadline: '2026-12-31' }, 'plan-wish-1');
  await h.okAs('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: true });
  await h.okAs('member-zhang')('wishes', 'claimWish', { wishId: wish._id });
  const menu = await h.okAs('staff-li')('activities', 'createMenu', { month: '2026-12' });
  const activity = await h.okAs('staff-li')('activities', 'addActivity', {
    menuId: menu._id, title: '义诊', category: 'health_clinic', description: '义诊', place: '卫生站', date: '2026-12-12', startTime: '09:00', endTime: '11:00',
    capacity: 1, waitlist: true, checkinRequired: true, memberPoints: 5, signupOpensDate: '2026-11-23', signupOpensTime: '09:00',
    signupClosesDate: '2026-12-11', signupClosesTime: '18:00', cancelDeadlineDate: '2026-12-11', cancelDeadlineTime: '12:00',
  });
  await h.okAs('staff-li')('activities', 'publishMenu', { menuId: menu._id });
  await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: [{ name: '孙丽', relation: 'self', age: 40 }] });
  await h.okAs('resident-zhou')('activities', 'signUp', { activityId: activity._id, attendees: [{ name: '周强', relation: 'self', age: 40 }] });

  await h.okAsOpenid('wx-admin')('users', 'setup', { code: TEST_SETUP_CODE, name: '街道王主任', phone: '13700000001' });

  recorded.length = 0;
  const cursor = 'W1siMjAzMCJdXQ'; // any well-formed position: the second page's query shape
  const calls: Array<[string, () => Promise<unknown>]> = [
    ['orders.listMenu', () => h.okAs('resident-sun')('orders', 'listMenu', {})],
    ['orders.listItemsAdmin', () => h.okAs('staff-li')('orders', 'listItemsAdmin', { status: 'published' })],
    ['orders.listMyOrders', () => h.okAs('resident-sun')('orders', 'listMyOrders', { pageSize: 1 })],
    ['orders.listMyOrders status', () => h.okAs('resident-sun')('orders', 'listMyOrders', { status: 'rated' })],
    ['orders.taskHall', () => h.okAs('member-zhang')('orders', 'taskHall', {})],
    ['orders.myTasks', () => h.okAs('member-zhang')('orders', 'myTasks', { pageSize: 1 })],
    ['orders.dispatchBoard', () => h.okAs('staff-li')('orders', 'dispatchBoard', {})],
    ['orders.listOrdersAdmin', () => h.okAs('staff-li')('orders', 'listOrdersAdmin', { pageSize: 1 })],
    ['orders.listOrdersAdmin status', () => h.okAs('staff-li')('orders', 'listOrdersAdmin', { status: 'submitted' })],
    ['users.listUsers', () => h.okAs('staff-li')('users', 'listUsers', { role: 'resident', pageSize: 2 })],
    ['users.listUsers keyword', () => h.okAs('staff-li')('users', 'listUsers', { keyword: '孙' })],
    ['users.listUsers pending', () => h.okAs('staff-li')('users', 'listUsers', { memberStatus: 'pending' })],
    ['users.listMessages', () => h.okAs('resident-sun')('users', 'listMessages', {})],
    ['users.homeBadges staff', () => h.okAs('staff-li')('users', 'homeBadges', {})],
    ['users.homeBadges member', () => h.okAs('member-zhang')('users', 'homeBadges', {})],
    ['points.myPoints', () => h.okAs('member-zhang')('points', 'myPoints', {})],
    ['points.leaderboard month', () => h.okAs('member-zhang')('points', 'leaderboard', { period: 'month' })],
    ['points.leaderboard year', () => h.okAs('member-zhang')('points', 'leaderboard', { period: 'year' })],
    ['wishes.wishWall', () => h.okAs('resident-sun')('wishes', 'wishWall', { status: 'claimed' })],
    ['wishes.wishWall filters', () => h.okAs('resident-sun')('wishes', 'wishWall', { beneficiaryType: 'elderly', kind: 'material' })],
    ['wishes.myWishes', () => h.okAs('resident-zhao')('wishes', 'myWishes', {})],
    ['wishes.myClaims', () => h.okAs('member-zhang')('wishes', 'myClaims', {})],
    ['wishes.reviewQueue', () => h.okAs('staff-li')('wishes', 'reviewQueue', {})],
    ['activities.monthMenu', () => h.okAs('resident-sun')('activities', 'monthMenu', { month: '2026-12' })],
    ['activities.getActivity', () => h.okAs('resident-zhou')('activities', 'getActivity', { activityId: activity._id })],
    ['activities.mySignups', () => h.okAs('resident-sun')('activities', 'mySignups', {})],
    ['activities.listSignups', () => h.okAs('staff-li')('activities', 'listSignups', { activityId: activity._id })],
    ['activities.listMenus', () => h.okAs('staff-li')('activities', 'listMenus', {})],
    ['activities.listBlocks', () => h.okAs('staff-li')('activities', 'listBlocks', {})],
    ['admin.listStaff', () => h.okAsOpenid('wx-admin')('admin', 'listStaff', {})],
    ['admin.listStaff community', () => h.okAsOpenid('wx-admin')('admin', 'listStaff', { communityId: 'c_jiariruyuan' })],
    ['admin.dashboard', () => h.okAsOpenid('wx-admin')('admin', 'dashboard', { month: '2026-11' })],
    ['users.listUsers admin', () => h.okAsOpenid('wx-admin')('users', 'listUsers', { communityId: 'c_jiariruyuan', keyword: '孙' })],
    // The timer's photo checks and the verdicts WeChat pushes. (Reconcilers page a bounded window
    // by _id with scanAll, sorting that window, as every reconciler does: not listed here.)
    ['security.submitMedia', () => submitMediaChecks.run(h.app.ports)],
    ['security.receiveMediaVerdict', () => receiveMediaVerdict(h.app.ports, { Event: 'wxa_media_check', trace_id: 'any', result: { suggest: 'pass', label: 100 } })],
    ['activities.menuGaps', () => h.okAs('staff-li')('activities', 'menuGaps', { month: '2027-01' })],
    ['reports.monthlyReview', () => h.okAs('staff-li')('reports', 'monthlyReview', { month: '2026-11' })],
    ['reports.exportMonthlyReview', () => h.okAs('staff-li')('reports', 'exportMonthlyReview', { month: '2026-11' })],
    ['points.myHours', () => h.okAs('member-zhang')('points', 'myHours', {})],
    ['points.memberHours', () => h.okAs('staff-li')('points', 'memberHours', { memberId: h.userId('member-zhang') })],
    ['points.hoursCertificate', () => h.okAs('member-zhang')('points', 'hoursCertificate', { from: '2026-01', to: '2026-11' })],
    ['points.hoursCertificate staff', () => h.okAs('staff-li')('points', 'hoursCertificate', { memberId: h.userId('member-zhang') })],
    ['points.exportHours', () => h.okAs('staff-li')('points', 'exportHours', { from: '2026-06', to: '2026-11' })],
  ];
  for (const [name, run] of calls) {
    current = name;
    await run();
  }
  // The next page of each paged list: the keyset filter must use the index too.
  const paged: Array<[string, () => Promise<unknown>]> = [
    ['orders.listMyOrders page 2', () => h.raw('orders', { action: 'listMyOrders', data: { cursor: Buffer.from(JSON.stringify([1795000000000, 'order_x'])).toString('base64url') } }, 'demo-resident-sun')],
    ['wishes.wishWall page 2', () => h.raw('wishes', { action: 'wishWall', data: { cursor: Buffer.from(JSON.stringify([1795000000000, 'wish_x'])).toString('base64url') } }, 'demo-resident-sun')],
    ['users.listMessages page 2', () => h.raw('users', { action: 'listMessages', data: { cursor: Buffer.from(JSON.stringify([1795000000000, 'msg_x'])).toString('base64url') } }, 'demo-resident-sun')],
    ['users.listUsers page 2', () => h.raw('users', { action: 'listUsers', data: { cursor: Buffer.from(JSON.stringify(['王', 'u_x'])).toString('base64url') } }, 'demo-staff-li')],
    ['points.myHours page 2', () => h.raw('points', { action: 'myHours', data: { cursor: Buffer.from(JSON.stringify([1795000000000, 'h_x'])).toString('base64url') } }, 'demo-member-zhang')],
  ];
  void cursor;
  for (const [name, run] of paged) {
    current = name;
    await run();
  }

  const db = new Database(join(h.app.files.pathOf('local://x.png')!, '..', '..', 'linli.sqlite'), { readonly: true });
  try {
    const bad: string[] = [];
    for (const q of recorded) {
      if (!spec(q.collection)?.indexes.length) continue;
      const plan = planOf(db, q);
      // A scan of the collection's table (by row or through an index): json_each's virtual table is not one.
      const scans = new RegExp(`\\bSCAN "?${q.collection}"?\\b`).test(plan);
      const sorts = /TEMP B-TREE FOR (RIGHT PART OF )?ORDER BY/.test(plan);
      if (scans || sorts) bad.push(`${q.action}: ${q.kind} ${q.collection} ${JSON.stringify(q.filter)} ${JSON.stringify(q.options?.orderBy ?? [])} → ${plan}`);
    }
    expect(recorded.length).toBeGreaterThan(40);
    expect(bad).toEqual([]);
  } finally {
    db.close();
  }
});
