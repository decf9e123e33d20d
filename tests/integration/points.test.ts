import { openHarness, type Harness } from '../support/harness';
import { orderIn, requestId } from '../support/orderFixtures';
import { starLevel, pointsToNextStar } from '../../cloudfunctions/_core/points/pointRules';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

describe('points, stars and 先锋榜', () => {
  test('star levels follow the year’s points', () => {
    expect([0, 29, 30, 79, 80, 149, 150, 299, 300, 1000].map(starLevel)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(pointsToNextStar(25)).toBe(5);
    expect(pointsToNextStar(300)).toBeNull();
  });

  test('staff adjust with a mandatory reason; a retried adjustment lands once', async () => {
    const id = requestId();
    const input = { memberId: h.userId('member-chen'), delta: 20, reason: '组织楼道清理活动' };
    const answers = await Promise.all(Array.from({ length: 5 }, () => h.as('staff-li')('points', 'adjustPoints', input, id)));
    expect(answers.every((a) => a.ok)).toBe(true);
    const mine = await h.okAs('member-chen')('points', 'myPoints', {});
    expect(mine).toMatchObject({ total: 20, yearPoints: 20, stars: 1, toNextStar: 10 });
    expect(mine.entries).toEqual([expect.objectContaining({ delta: 20, reason: 'adjustment', note: '组织楼道清理活动' })]);
    const noReason = await h.as('staff-li')('points', 'adjustPoints', { ...input, reason: '' }, requestId());
    expect(noReason.ok || noReason.error.code).toBe('VALIDATION');
    const zero = await h.as('staff-li')('points', 'adjustPoints', { ...input, delta: 0 }, requestId());
    expect(zero.ok || zero.error.fields).toEqual({ delta: '调整分值不能为0' });
    const byMember = await h.as('member-zhang')('points', 'adjustPoints', input, requestId());
    expect(byMember.ok || byMember.error.code).toBe('FORBIDDEN');
    const outsider = await h.as('staff-other')('points', 'adjustPoints', input, requestId());
    expect(outsider.ok || outsider.error.code).toBe('FORBIDDEN');
  });

  test('the monthly board ranks members by the month’s points and freezes once the month is over', async () => {
    await orderIn(h, 'rated'); // member-zhang: 10 + 5
    await h.okAs('staff-li')('points', 'adjustPoints', { memberId: h.userId('member-chen'), delta: 8, reason: '调解邻里纠纷' }, requestId());
    const board = await h.okAs('resident-sun')('points', 'leaderboard', { period: 'month' });
    expect(board).toMatchObject({ key: '2026-11', closed: false });
    expect(board.rows.map((r) => [r.rank, r.name, r.points])).toEqual([
      [1, '张建国', 15],
      [2, '陈明', 8],
      [3, '刘芳', 0],
    ]);

    h.clock.set('2026-12-02T10:00:00+08:00');
    const frozen = await h.okAs('resident-sun')('points', 'leaderboard', { period: 'month', date: '2026-11-15' });
    expect(frozen.closed).toBe(true);
    // Points earned after the month closed do not move November's board.
    await h.okAs('staff-li')('points', 'adjustPoints', { memberId: h.userId('member-liu'), delta: 50, reason: '年度表彰' }, requestId());
    const later = await h.okAs('resident-sun')('points', 'leaderboard', { period: 'month', date: '2026-11-15' });
    expect(later.rows).toEqual(frozen.rows);
    const december = await h.okAs('resident-sun')('points', 'leaderboard', { period: 'month' });
    expect(december.rows[0]).toMatchObject({ name: '刘芳', points: 50 });
    const year = await h.okAs('resident-sun')('points', 'leaderboard', { period: 'year' });
    expect(year.rows.map((r) => r.points)).toEqual([50, 15, 8]);
  });

  test('only members have a points page; staff can open any member’s', async () => {
    const resident = await h.as('resident-sun')('points', 'myPoints', {});
    expect(resident.ok || resident.error.code).toBe('FORBIDDEN');
    const viaStaff = await h.okAs('staff-li')('points', 'memberPoints', { memberId: h.userId('member-zhang') });
    expect(viaStaff.total).toBe(0);
  });
});
