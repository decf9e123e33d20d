/**
 * 志愿服务时长: completed orders and activities served as a volunteer record hours once; staff
 * correct them with a reason as new entries; the member's card, the certificate and the export.
 */
import { ALL_JOBS, runJobs } from '../../cloudfunctions/_core/scheduler/runJobs';
import { AUTO_CLOSE_AFTER_MS } from '../../cloudfunctions/_core/orders/orderJobs';
import { CertificateOutput } from '../../types/hours';
import { certificateLayout, certificateSvg } from '../../src/lib/certificateLayout';
import { openHarness, type Harness } from '../support/harness';
import { orderIn, requestId } from '../support/orderFixtures';
import { invariantViolations } from '../support/invariants';
import { sheetsOf } from '../support/xlsx';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

const me = (name: string) => [{ name, relation: 'self' as const, age: 40 }];

/** A published session on 2026-11-28, 09:00–11:30, that 刘芳 serves as a volunteer and checks in to. */
const servedSession = async () => {
  const menu = await h.okAs('staff-li')('activities', 'createMenu', { month: '2026-11' });
  const activity = await h.okAs('staff-li')('activities', 'addActivity', {
    menuId: menu._id, title: '健康义诊', category: 'health_clinic', description: '义诊', place: '卫生站', date: '2026-11-28', startTime: '09:00', endTime: '11:30',
    capacity: 10, waitlist: false, checkinRequired: true, memberPoints: 0, signupOpensDate: '2026-11-23', signupOpensTime: '09:00',
    signupClosesDate: '2026-11-27', signupClosesTime: '18:00', cancelDeadlineDate: '2026-11-27', cancelDeadlineTime: '12:00',
  }, requestId());
  await h.okAs('staff-li')('activities', 'publishMenu', { menuId: menu._id });
  const liu = await h.okAs('member-liu')('activities', 'signUp', { activityId: activity._id, attendees: me('刘芳'), volunteer: true });
  h.clock.set('2026-11-28T08:50:00+08:00');
  await h.okAs('staff-li')('activities', 'checkIn', { activityId: activity._id, code: liu.checkinCode! });
  h.clock.set('2026-11-28T12:00:00+08:00');
  return activity;
};

describe('志愿服务时长', () => {
  test('a completed order records the item’s expected duration for its member, once', async () => {
    const order = await orderIn(h, 'completed'); // 小家电维修: 60 minutes
    const card = await h.okAs('member-zhang')('points', 'myHours', {});
    expect(card).toMatchObject({ month: { key: '2026-11', hours: 1 }, year: { key: '2026', hours: 1 }, totalHours: 1 });
    expect(card.entries).toEqual([expect.objectContaining({ reason: 'order_served', refId: order._id, minutes: 60, hours: 1, note: '小家电维修' })]);
    // Rating, the auto-close and the reconciler pay nothing twice.
    await h.okAs('resident-sun')('orders', 'rateOrder', { orderId: order._id, stars: 5, tags: [] });
    h.clock.advance(AUTO_CLOSE_AFTER_MS + 1);
    await runJobs(h.app.ports, ALL_JOBS);
    expect((await h.okAs('member-zhang')('points', 'myHours', {})).totalHours).toBe(1);
    // The points card shows the hours beside the points.
    expect((await h.okAs('member-zhang')('points', 'myPoints', {})).hours).toEqual({ monthHours: 1, yearHours: 1 });
    expect(await invariantViolations(h.store)).toEqual([]);
  });

  test('an activity served as a volunteer records its length, even when it pays no points', async () => {
    const activity = await servedSession();
    await runJobs(h.app.ports, ALL_JOBS);
    await runJobs(h.app.ports, ALL_JOBS);
    const card = await h.okAs('member-liu')('points', 'myHours', {});
    expect(card.entries).toEqual([expect.objectContaining({ reason: 'activity_served', refId: activity._id, minutes: 150, hours: 2.5, note: '健康义诊' })]);
    expect((await h.okAs('member-liu')('points', 'myPoints', {})).entries).toEqual([]);
    expect(await invariantViolations(h.store)).toEqual([]);
  });

  test('staff correct hours with a reason, as new entries; a retry lands once; only staff, only members', async () => {
    await orderIn(h, 'completed');
    const zhang = h.userId('member-zhang');
    h.clock.advance(60_000);
    const rid = requestId();
    const entry = await h.okAs('staff-li')('points', 'adjustHours', { memberId: zhang, hours: -0.5, reason: '实际服务30分钟' }, rid);
    expect(entry).toMatchObject({ reason: 'adjustment', minutes: -30, hours: -0.5, note: '实际服务30分钟' });
    expect(await h.okAs('staff-li')('points', 'adjustHours', { memberId: zhang, hours: -0.5, reason: '实际服务30分钟' }, rid)).toEqual(entry);
    const card = await h.okAs('staff-li')('points', 'memberHours', { memberId: zhang });
    expect(card.month.hours).toBe(0.5);
    expect(card.entries.map((e) => e.reason)).toEqual(['adjustment', 'order_served']);

    const refusals = await Promise.all([
      h.as('member-zhang')('points', 'adjustHours', { memberId: zhang, hours: 1, reason: '自己加' }, requestId()),
      h.as('staff-li')('points', 'adjustHours', { memberId: h.userId('resident-sun'), hours: 1, reason: '居民' }, requestId()),
      h.as('staff-other')('points', 'adjustHours', { memberId: zhang, hours: 1, reason: '别的社区' }, requestId()),
      h.as('staff-li')('points', 'adjustHours', { memberId: zhang, hours: 0.3, reason: '不整' }, requestId()),
      h.as('staff-li')('points', 'adjustHours', { memberId: zhang, hours: 1, reason: '' }, requestId()),
      h.as('staff-li')('points', 'adjustHours', { memberId: zhang, hours: 1, reason: '没有请求编号' }),
    ]);
    expect(refusals.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['FORBIDDEN', 'NOT_FOUND', 'FORBIDDEN', 'VALIDATION', 'VALIDATION', 'VALIDATION']);
    expect((await h.okAs('member-zhang')('points', 'myHours', {})).month.hours).toBe(0.5);
  });

  test('a member produces a certificate of their service, drawn as an image with their name, community, period, hours and services', async () => {
    await orderIn(h, 'rated');
    await orderIn(h, 'completed', 'resident-zhou');
    await h.okAs('staff-li')('points', 'adjustHours', { memberId: h.userId('member-zhang'), hours: 2, reason: '社区值守' }, requestId());
    const cert = CertificateOutput.parse(await h.okAs('member-zhang')('points', 'hoursCertificate', {}));
    expect(cert).toMatchObject({
      name: '张建国',
      branch: '假日润园社区第一党支部',
      communityName: '假日润园社区',
      street: '翠屏街道',
      from: '2026-01',
      to: '2026-11',
      periodLabel: '2026年1月至2026年11月',
      hours: 4,
      services: [
        { title: '小家电维修', reason: 'order_served', times: 2, hours: 2 },
        { title: '社区核定调整', reason: 'adjustment', times: 0, hours: 2 },
      ],
    });
    expect(cert.certificateNo).toMatch(/^LL202611[0-9A-F]{8}$/);
    // The same certificate again has the same number.
    expect((await h.okAs('member-zhang')('points', 'hoursCertificate', { from: '2026-01', to: '2026-11' })).certificateNo).toBe(cert.certificateNo);

    // The image the page draws: every fact is on it, inside the canvas.
    const layout = certificateLayout(cert);
    const texts = layout.commands.filter((c) => c.type === 'text').map((c) => (c as { text: string }).text).join('\n');
    for (const fact of ['志愿服务证明', '张建国', '假日润园社区', '2026年1月至2026年11月', '4', '小家电维修', cert.certificateNo]) expect(texts).toContain(fact);
    for (const c of layout.commands) if ('x' in c) expect(c.x).toBeLessThanOrEqual(layout.width);
    const svg = certificateSvg(layout);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('张建国');

    // Staff produce one for a member; a member only their own; a resident has none.
    expect((await h.okAs('staff-li')('points', 'hoursCertificate', { memberId: h.userId('member-zhang'), from: '2026-11', to: '2026-11' })).periodLabel).toBe('2026年11月');
    const refused = await Promise.all([
      h.as('member-liu')('points', 'hoursCertificate', { memberId: h.userId('member-zhang') }),
      h.as('resident-sun')('points', 'hoursCertificate', {}),
      h.as('staff-other')('points', 'hoursCertificate', { memberId: h.userId('member-zhang') }),
      h.as('member-zhang')('points', 'hoursCertificate', { from: '2026-11', to: '2026-01' }),
      h.as('member-zhang')('points', 'hoursCertificate', { from: '2020-01', to: '2026-11' }),
    ]);
    expect(refused.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'VALIDATION', 'VALIDATION']);
  });

  test('staff export every member’s hours for a period as a workbook, per month, with the entries', async () => {
    await orderIn(h, 'completed');
    await servedSession();
    await runJobs(h.app.ports, ALL_JOBS);
    const file = await h.okAs('staff-li')('points', 'exportHours', { from: '2026-10', to: '2026-11' });
    expect(file.fileName).toBe('志愿服务时长-2026-10至2026-11.xlsx');
    const sheets = sheetsOf(Buffer.from(file.base64, 'base64'));
    expect(sheets['志愿服务时长'][0]).toEqual(['姓名', '党支部', '手机号', '2026-10（小时）', '2026-11（小时）', '合计（小时）']);
    expect(sheets['志愿服务时长'].slice(1)).toEqual([
      ['刘芳', '区人民医院党支部', '13800000012', 0, 2.5, 2.5],
      ['张建国', '假日润园社区第一党支部', '13800000011', 0, 1, 1],
      ['陈明', '明理律师事务所党支部', '13800000013', 0, 0, 0],
    ]);
    expect(sheets['服务明细'].slice(1).map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ['张建国', '上门服务', '小家电维修', 1],
      ['刘芳', '活动志愿服务', '健康义诊', 2.5],
    ]);
    const forbidden = await h.as('member-zhang')('points', 'exportHours', { from: '2026-10', to: '2026-11' });
    expect(forbidden.ok || forbidden.error.code).toBe('FORBIDDEN');
  });
});
