import { inflateRawSync } from 'node:zlib';
import { ORDER_JOBS } from '../../cloudfunctions/_core/orders/orderJobs';
import { MonthlyReview } from '../../types/reports';
import { addUsers, openHarness, type Harness } from '../support/harness';
import { HOUR } from '../support/manualClock';
import { itemByTitle, orderForm, orderIn, requestId } from '../support/orderFixtures';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

/** The text of one file inside a zip (an .xlsx), found through the central directory. */
const zipEntry = (zip: Buffer, name: string): string => {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(eocd + 16);
  const entries = zip.readUInt16LE(eocd + 10);
  for (let i = 0; i < entries; i += 1) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const body = zip.subarray(dataStart, dataStart + size);
      return (method === 8 ? inflateRawSync(body) : body).toString('utf8');
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} not found in the workbook`);
};

describe('月度复盘', () => {
  test('counts, rates, medians, low ratings, top members and unmet demand per category', async () => {
    const rated = await orderIn(h, 'rated'); // 5★ by 孙丽, dispatched and completed at once
    await orderIn(h, 'cancelled', 'resident-zhou');
    const low = await orderIn(h, 'completed', 'resident-wu');
    await h.okAs('resident-wu')('orders', 'rateOrder', { orderId: low._id, stars: 2, tags: [], comment: '来得太晚' });
    await orderIn(h, 'submitted', 'resident-zheng', '楼道清扫');
    h.clock.advance(49 * HOUR);
    await ORDER_JOBS[0].run(h.app.ports); // the 楼道清扫 order becomes overdue

    // 作业辅导 has a quota of 20: the 21st order is refused and counted as unmet demand.
    const crowd = await addUsers(h, 21, { role: 'resident', prefix: 'review' });
    const homework = await itemByTitle(h, '作业辅导');
    for (const openid of crowd) await h.asOpenid(openid)('orders', 'createOrder', orderForm(homework._id, { date: '2026-11-26' }), requestId());

    const review = MonthlyReview.parse(await h.okAs('staff-li')('reports', 'monthlyReview', { month: '2026-11' }));
    expect(review.totals).toMatchObject({ orders: 24, completed: 2, ratings: 2, averageRating: 3.5 });
    expect(review.totals.completionRate).toBeCloseTo(2 / 3);
    expect(review.totals.medianMinutesToDispatch).toBe(0);
    expect(review.byStatus).toEqual({ rated: 2, cancelled: 1, submitted: 21 });

    const byName = Object.fromEntries(review.categories.map((c) => [c.categoryName, c]));
    expect(byName['家电维修']).toMatchObject({ total: 3, completed: 2, cancelled: 1, averageRating: 3.5 });
    expect(byName['楼道保洁']).toMatchObject({ total: 1, overdue: 1 });
    expect(byName['四点半课堂']).toMatchObject({ total: 20, quotaRefused: 1 });
    expect(review.categories[0].categoryName).toBe('四点半课堂');

    expect(review.lowRatings).toEqual([expect.objectContaining({ itemTitle: '小家电维修', residentName: '吴敏', stars: 2, comment: '来得太晚' })]);
    expect(review.topMembers[0]).toMatchObject({ name: '张建国', completed: 2, points: 25 });
    expect(rated.status).toBe('rated');
  });

  test('another month is empty; the review belongs to the caller’s community; only staff may read it', async () => {
    await orderIn(h, 'rated');
    const december = await h.okAs('staff-li')('reports', 'monthlyReview', { month: '2026-12' });
    expect(december.totals).toMatchObject({ orders: 0, completionRate: null, averageRating: null, medianMinutesToDispatch: null });
    const other = await h.okAs('staff-other')('reports', 'monthlyReview', { month: '2026-11' });
    expect(other.totals.orders).toBe(0);
    for (const key of ['resident-sun', 'member-zhang'] as const) {
      const answer = await h.as(key)('reports', 'monthlyReview', { month: '2026-11' });
      expect(answer.ok || answer.error.code).toBe('FORBIDDEN');
    }
    const bad = await h.as('staff-li')('reports', 'monthlyReview', { month: '2026-13' });
    expect(bad.ok || bad.error.code).toBe('VALIDATION');
  });

  test('the export is a real .xlsx workbook with the review in Chinese sheets', async () => {
    await orderIn(h, 'rated');
    const file = await h.okAs('staff-li')('reports', 'exportMonthlyReview', { month: '2026-11' });
    expect(file.fileName).toBe('月度复盘-2026-11.xlsx');
    const zip = Buffer.from(file.base64, 'base64');
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    const workbook = zipEntry(zip, 'xl/workbook.xml');
    for (const sheet of ['概览', '分类', '低分回访', '先锋党员']) expect(workbook).toContain(sheet);
    const strings = zipEntry(zip, 'xl/sharedStrings.xml');
    expect(strings).toContain('家电维修');
    expect(strings).toContain('张建国');
  });
});
