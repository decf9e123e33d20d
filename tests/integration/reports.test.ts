import { ORDER_JOBS } from '../../cloudfunctions/_core/orders/orderJobs';
import { ALL_JOBS, runJobs } from '../../cloudfunctions/_core/scheduler/runJobs';
import type { Doc, Store } from '../../cloudfunctions/_core/store/port';
import { MonthlyReview } from '../../types/reports';
import { addUsers, openHarness, type Harness } from '../support/harness';
import { HOUR } from '../support/manualClock';
import { itemByTitle, orderForm, orderIn, PNG, requestId } from '../support/orderFixtures';
import { sheetsOf } from '../support/xlsx';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

const me = (name: string) => [{ name, relation: 'self' as const, age: 40 }];

/** Every loop once in November 2026: orders of every fate, a wish fulfilled, a session held. */
const novemberInEveryLoop = async () => {
  const rated = await orderIn(h, 'rated'); // 5★ by 孙丽, dispatched and completed at once
  await orderIn(h, 'cancelled', 'resident-zhou');
  const low = await orderIn(h, 'completed', 'resident-wu');
  await h.okAs('resident-wu')('orders', 'rateOrder', { orderId: low._id, stars: 2, tags: [], comment: '来得太晚' });
  await orderIn(h, 'submitted', 'resident-zheng', '楼道清扫');
  // 作业辅导 has a quota of 20: the 21st order is refused and counted as unmet demand.
  const crowd = await addUsers(h, 21, { role: 'resident', prefix: 'review' });
  const homework = await itemByTitle(h, '作业辅导');
  for (const openid of crowd) await h.asOpenid(openid)('orders', 'createOrder', orderForm(homework._id, { date: '2026-11-26' }), requestId());

  const wish = await h.okAs('resident-zhao')('wishes', 'postWish', { beneficiaryType: 'elderly', kind: 'material', title: '一台收音机', content: '想听戏。', value: 80, deadline: '2026-12-31' }, requestId());
  await h.okAs('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: true });
  await h.okAs('member-zhang')('wishes', 'claimWish', { wishId: wish._id });
  await h.okAs('member-zhang')('wishes', 'fulfilWish', { wishId: wish._id, note: '已送到', photos: [h.app.files.save(PNG, 'image/png')] });
  await h.okAs('resident-zhao')('wishes', 'confirmWish', { wishId: wish._id });

  h.clock.advance(49 * HOUR);
  await ORDER_JOBS[0].run(h.app.ports); // the 楼道清扫 order becomes overdue

  const menu = await h.okAs('staff-li')('activities', 'createMenu', { month: '2026-11' });
  const activity = await h.okAs('staff-li')('activities', 'addActivity', {
    menuId: menu._id, title: '健康义诊', category: 'health_clinic', description: '义诊', place: '卫生站', date: '2026-11-28', startTime: '09:00', endTime: '11:30',
    capacity: 2, waitlist: true, checkinRequired: true, memberPoints: 5, signupOpensDate: '2026-11-25', signupOpensTime: '09:00',
    signupClosesDate: '2026-11-27', signupClosesTime: '18:00', cancelDeadlineDate: '2026-11-27', cancelDeadlineTime: '12:00',
  }, requestId());
  await h.okAs('staff-li')('activities', 'publishMenu', { menuId: menu._id });
  const sun = await h.okAs('resident-sun')('activities', 'signUp', { activityId: activity._id, attendees: me('孙丽') });
  await h.okAs('resident-zhou')('activities', 'signUp', { activityId: activity._id, attendees: me('周强') });
  await h.okAs('resident-wu')('activities', 'signUp', { activityId: activity._id, attendees: me('吴敏') }); // waitlisted
  const liu = await h.okAs('member-liu')('activities', 'signUp', { activityId: activity._id, attendees: me('刘芳'), volunteer: true });
  h.clock.set('2026-11-28T08:45:00+08:00');
  await h.okAs('staff-li')('activities', 'checkIn', { activityId: activity._id, code: sun.checkinCode! });
  await h.okAs('staff-li')('activities', 'checkIn', { activityId: activity._id, code: liu.checkinCode! });
  h.clock.set('2026-11-28T12:00:00+08:00');
  await runJobs(h.app.ports, ALL_JOBS); // 周强 did not come; 刘芳 served
  await h.okAs('resident-sun')('activities', 'rateActivity', { signupId: sun._id, stars: 5, comment: '很专业' });
  return { rated };
};

describe('月度复盘', () => {
  test('orders: counts, rates, medians, low ratings and unmet demand per category', async () => {
    await novemberInEveryLoop();
    const review = MonthlyReview.parse(await h.okAs('staff-li')('reports', 'monthlyReview', { month: '2026-11' }));
    expect(review.totals).toMatchObject({ orders: 24, completed: 2, ratings: 2, averageRating: 3.5, lowRatings: 1, cancelled: 1, overdue: 21, quotaRefused: 1 });
    expect(review.totals.completionRate).toBeCloseTo(2 / 3);
    expect(review.totals.medianMinutesToDispatch).toBeLessThanOrEqual(1); // dispatched at once
    expect(review.byStatus).toEqual({ rated: 2, cancelled: 1, submitted: 21 });

    const byName = Object.fromEntries(review.categories.map((c) => [c.categoryName, c]));
    expect(byName['家电维修']).toMatchObject({ kind: 'regular', total: 3, completed: 2, cancelled: 1, averageRating: 3.5, lowRatings: 1 });
    expect(byName['楼道保洁']).toMatchObject({ total: 1, overdue: 1 });
    // The crowd's orders waited unassigned for days, too.
    expect(byName['四点半课堂']).toMatchObject({ kind: 'featured', total: 20, quotaRefused: 1, overdue: 20 });
    expect(review.categories[0].categoryName).toBe('四点半课堂');
    expect(review.lowRatings).toEqual([expect.objectContaining({ itemTitle: '小家电维修', residentName: '吴敏', stars: 2, comment: '来得太晚' })]);
  });

  test('wishes, activities and members: what happened in the month, and who served most', async () => {
    await novemberInEveryLoop();
    const review = MonthlyReview.parse(await h.okAs('staff-li')('reports', 'monthlyReview', { month: '2026-11' }));
    expect(review.wishes).toMatchObject({ posted: 1, approved: 1, claimed: 1, fulfilled: 1, confirmed: 1, released: 0, expired: 0 });
    expect(review.wishes.medianDaysToFulfil).toBeLessThan(1);
    expect(review.wishes.byBeneficiary.find((b) => b.type === 'elderly')).toMatchObject({ label: '老人', posted: 1, claimed: 1, fulfilled: 1, confirmed: 1 });

    expect(review.activities).toMatchObject({ sessions: 1, places: 2, signups: 2, fillRate: 1, waitlist: 1, checkedIn: 1, noShows: 1, attendanceRate: 0.5, volunteers: 1, ratings: 1, averageRating: 5 });
    expect(review.activities.categories).toEqual([{ category: 'health_clinic', label: '健康义诊', sessions: 1, places: 2, signups: 2, waitlist: 1, checkedIn: 1 }]);

    // 张建国: 2 orders (10 each), a 5★ bonus (5), a wish (15); 2 hours of service. 刘芳: the session (5 points, 2.5 hours).
    expect(review.topMembers.slice(0, 2)).toEqual([
      { memberId: h.userId('member-zhang'), name: '张建国', completed: 2, points: 40, hours: 2, stars: 2 },
      { memberId: h.userId('member-liu'), name: '刘芳', completed: 0, points: 5, hours: 2.5, stars: 1 },
    ]);
    expect(review.members).toMatchObject({ points: 45, hours: 4.5, members: 3, activeMembers: 2 });
    expect(review.members.stars).toEqual([{ stars: 1, members: 2 }, { stars: 2, members: 1 }, { stars: 3, members: 0 }, { stars: 4, members: 0 }, { stars: 5, members: 0 }]);
  });

  test('the 12-month trend ends with the month and agrees with it', async () => {
    await novemberInEveryLoop();
    const review = MonthlyReview.parse(await h.okAs('staff-li')('reports', 'monthlyReview', { month: '2026-12' }));
    expect(review.trend.map((t) => t.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(review.trend[10]).toMatchObject({ month: '2026-11', orders: 24, completed: 2, averageRating: 3.5, wishesPosted: 1, wishesFulfilled: 1, sessions: 1, checkedIn: 1, attendanceRate: 0.5, points: 45, hours: 4.5 });
    expect(review.trend[9]).toMatchObject({ orders: 0, completionRate: null, points: 0 });
    expect(review.totals).toMatchObject({ orders: 0, completionRate: null, averageRating: null, medianMinutesToDispatch: null });
  });

  test('another community’s review is its own; only staff may read it; a bad month is refused', async () => {
    await orderIn(h, 'rated');
    const other = await h.okAs('staff-other')('reports', 'monthlyReview', { month: '2026-11' });
    expect(other.totals.orders).toBe(0);
    expect(other.topMembers).toEqual([]);
    for (const key of ['resident-sun', 'member-zhang'] as const) {
      const answer = await h.as(key)('reports', 'monthlyReview', { month: '2026-11' });
      expect(answer.ok || answer.error.code).toBe('FORBIDDEN');
    }
    const bad = await h.as('staff-li')('reports', 'monthlyReview', { month: '2026-13' });
    expect(bad.ok || bad.error.code).toBe('VALIDATION');
  });

  test('reading the review costs the same with 2 orders as with 40: it reads aggregates, not orders', async () => {
    let docs = 0;
    const counting = (store: Store): Store => ({
      ...store,
      get: async <T extends Doc = Doc>(c: string, id: string) => {
        const d = await store.get<T>(c, id);
        if (d) docs++;
        return d;
      },
      find: async <T extends Doc = Doc>(...a: Parameters<Store['find']>) => {
        const found = await store.find<T>(...a);
        docs += found.length;
        return found;
      },
    });
    await h.close();
    h = await openHarness({ wrap: counting });
    const readReview = async () => {
      docs = 0;
      await h.okAs('staff-li')('reports', 'monthlyReview', { month: '2026-11' });
      return docs;
    };
    await orderIn(h, 'rated');
    await orderIn(h, 'submitted', 'resident-zhou');
    const few = await readReview();
    const crowd = await addUsers(h, 38, { role: 'resident', prefix: 'many' });
    const item = await itemByTitle(h, '楼道清扫');
    for (const openid of crowd) await h.asOpenid(openid)('orders', 'createOrder', orderForm(item._id), requestId());
    const many = await readReview();
    expect(many).toBe(few);
    expect((await h.okAs('staff-li')('reports', 'monthlyReview', { month: '2026-11' })).totals.orders).toBe(40);
  });

  test('the export is a real .xlsx workbook with one sheet per section, in Chinese', async () => {
    await novemberInEveryLoop();
    const file = await h.okAs('staff-li')('reports', 'exportMonthlyReview', { month: '2026-11' });
    expect(file.fileName).toBe('月度复盘-2026-11.xlsx');
    const sheets = sheetsOf(Buffer.from(file.base64, 'base64'));
    expect(Object.keys(sheets)).toEqual(['概览', '服务订单', '服务分类', '低分回访', '微心愿', '党群活动', '党员', '近12月趋势']);
    expect(sheets['概览']).toContainEqual(['服务订单', 24]);
    expect(sheets['服务分类']).toContainEqual(['家电维修', '常规服务', 3, 2, 3.5, 1, 1, 0, 0]);
    expect(sheets['服务分类']).toContainEqual(['四点半课堂', '特色服务', 20, 0, '—', 0, 0, 20, 1]);
    expect(sheets['低分回访']).toContainEqual(['小家电维修', '吴敏', '张建国', 2, '来得太晚']);
    expect(sheets['微心愿']).toContainEqual(['老人', 1, 1, 1, 1]);
    expect(sheets['党群活动']).toContainEqual(['健康义诊', 1, 2, 2, 1, 1]);
    expect(sheets['党群活动']).toContainEqual(['到场率', '50%']);
    expect(sheets['党员']).toContainEqual(['张建国', '★2', 40, 2, 2]);
    expect(sheets['近12月趋势']).toHaveLength(13);
    expect(sheets['近12月趋势'][12]).toEqual(['2026-11', 24, 2, '66.7%', 3.5, 1, 1, 1, 1, '50%', 45, 4.5]);
  });
});
