/**
 * 月度复盘 in the built mini-program: the charts are plain views, so the weapp build draws them
 * with the same markup as h5 — twelve columns whose heights follow the data, and per-category bars.
 */
import { MonthlyReview } from '../../types/reports';
import { bootMiniProgram, type MiniProgram } from './miniProgram';

const d = new Date(Date.now() + 8 * 3600_000);
const index = d.getUTCFullYear() * 12 + d.getUTCMonth();
const monthAt = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
const month = monthAt(index);
const months = Array.from({ length: 12 }, (_, i) => monthAt(index - 11 + i));

const EMPTY = {
  wishes: { posted: 0, approved: 0, rejected: 0, claimed: 0, released: 0, fulfilled: 0, confirmed: 0, withdrawn: 0, expired: 0, medianDaysToFulfil: null, byBeneficiary: [] },
  activities: { sessions: 0, places: 0, signups: 0, fillRate: null, waitlist: 0, checkedIn: 0, noShows: 0, attendanceRate: null, volunteers: 0, ratings: 0, averageRating: null, categories: [] },
  members: { points: 0, hours: 0, members: 3, activeMembers: 0, stars: [] },
};

const REVIEW = MonthlyReview.parse({
  month,
  ...EMPTY,
  totals: { orders: 8, completed: 6, completionRate: 0.75, medianMinutesToDispatch: 30, medianMinutesToComplete: 600, averageRating: 4.5, ratings: 5, lowRatings: 0, cancelled: 1, overdue: 1, quotaRefused: 0 },
  byStatus: { rated: 5, completed: 1, cancelled: 1, submitted: 1 },
  categories: [
    { categoryName: '家电维修', kind: 'regular', total: 8, byStatus: {}, completed: 6, averageRating: 4.5, lowRatings: 0, cancelled: 1, overdue: 1, quotaRefused: 0 },
    { categoryName: '法律咨询', kind: 'featured', total: 4, byStatus: {}, completed: 4, averageRating: 5, lowRatings: 0, cancelled: 0, overdue: 0, quotaRefused: 0 },
  ],
  lowRatings: [],
  topMembers: [{ memberId: 'u_zhang', name: '张建国', completed: 4, points: 40, hours: 5, stars: 2 }],
  // Orders per month: 4, then 8 in the busiest (the month under review).
  trend: months.map((m, i) => ({ month: m, orders: i === 11 ? 8 : 4, completed: 3, completionRate: 0.75, averageRating: 4.5, wishesPosted: 0, wishesFulfilled: 0, sessions: 0, checkedIn: 0, attendanceRate: null, points: 0, hours: 0 })),
});

let mp: MiniProgram;
beforeAll(() => {
  mp = bootMiniProgram((call) => {
    if (call.name === 'reports' && call.data.action === 'monthlyReview') return { ok: true, data: REVIEW };
    return { ok: false, error: { code: 'NOT_FOUND', message: `未知的操作：${call.data.action}` } };
  });
});

/** Elements by class, ignoring simulate's per-component class prefix. */
const byClass = (root: HTMLElement, name: string) =>
  Array.from(root.querySelectorAll<HTMLElement>('[class]')).filter((el) => (el.getAttribute('class') ?? '').split(/\s+/).some((c) => c.replace(/^main--/, '') === name));

describe('月度复盘 in the built mini-program', () => {
  it('draws the 12-month columns and the category bars with views', async () => {
    const page = await mp.open('packages/reports-staff/pages/review/index');
    await page.settle(300);
    expect(mp.calls).toContainEqual({ name: 'reports', data: { action: 'monthlyReview', data: { month } } });
    const text = page.text();
    expect(text).toContain('服务订单（近12个月）');
    expect(text).toContain('各类服务订单');

    const orders = byClass(page.dom(), 'chart-col__bar').slice(0, 12);
    const heights = orders.map((el) => el.getAttribute('style'));
    // The month under review is the busiest: full height; the others half.
    expect(heights[11]).toMatch(/height:\s*100%/);
    expect(heights[0]).toMatch(/height:\s*50%/);
    const now = byClass(page.dom(), 'chart-col--now');
    expect(now.length).toBeGreaterThan(0);
    expect(now[0].textContent).toContain(`${Number(month.slice(5, 7))}月`);

    const completed = byClass(page.dom(), 'chart-stack__part--completed').map((el) => el.getAttribute('style'));
    expect(completed[0]).toMatch(/width:\s*75%/);
    expect(completed[1]).toMatch(/width:\s*50%/);
    page.close();
  });
});
