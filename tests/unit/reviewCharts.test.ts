import { activityCategoryChart, beneficiaryChart, categoryRows, percentOf, rateText, starsChart, trendChart, wishStepsChart } from '../../src/lib/reviewCharts';
import type { MonthlyReview, TrendPoint } from '../../types/reports';

const point = (month: string, over: Partial<TrendPoint> = {}): TrendPoint => ({
  month, orders: 0, completed: 0, completionRate: null, averageRating: null, wishesPosted: 0, wishesFulfilled: 0, sessions: 0, checkedIn: 0, attendanceRate: null, points: 0, hours: 0, ...over,
});
const months = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

describe('12-month trend charts', () => {
  test('columns scale to the busiest month; the year shows where it changes; the month under review stands out', () => {
    const trend = months.map((m, i) => point(m, { orders: i === 5 ? 40 : i, completionRate: i % 2 ? 0.5 : null }));
    const chart = trendChart(trend, 'orders');
    expect(chart).toMatchObject({ title: '服务订单（近12个月）', unit: '单', max: 40, empty: false });
    expect(chart.bars[0]).toEqual({ key: '2025-12', label: '12月', year: '2025', value: 0, text: '0', percent: 0 });
    expect(chart.bars[1]).toMatchObject({ label: '1月', year: '2026', value: 1, percent: 2.5 });
    expect(chart.bars[2].year).toBeUndefined();
    expect(chart.bars[5]).toMatchObject({ value: 40, percent: 100 });
    expect(chart.bars[11]).toMatchObject({ key: '2026-11', highlight: true, text: '11' });
  });

  test('rates scale to 100% and show — where there is none; ratings to 5 stars', () => {
    const trend = months.map((m, i) => point(m, { completionRate: i === 11 ? 0.667 : null, averageRating: i === 11 ? 4.5 : null }));
    expect(trendChart(trend, 'completionRate').bars.slice(10)).toEqual([
      expect.objectContaining({ value: null, text: '—', percent: 0 }),
      expect.objectContaining({ value: 0.667, text: '66.7%', percent: 66.7 }),
    ]);
    expect(trendChart(trend, 'averageRating').bars[11]).toMatchObject({ text: '4.5', percent: 90 });
  });

  test('an empty year says so, and a tiny value still shows', () => {
    expect(trendChart(months.map((m) => point(m)), 'hours').empty).toBe(true);
    expect(percentOf(1, 1000)).toBe(2);
    expect(percentOf(0, 1000)).toBe(0);
    expect(rateText(0.5)).toBe('50%');
  });
});

const review = {
  categories: [
    { categoryName: '家电维修', kind: 'regular', total: 10, byStatus: {}, completed: 6, averageRating: 4.5, lowRatings: 1, cancelled: 1, overdue: 2, quotaRefused: 0 },
    { categoryName: '四点半课堂', kind: 'featured', total: 5, byStatus: {}, completed: 5, averageRating: 5, lowRatings: 0, cancelled: 0, overdue: 0, quotaRefused: 3 },
  ],
  wishes: {
    posted: 8, approved: 8, rejected: 0, claimed: 6, released: 1, fulfilled: 5, confirmed: 4, withdrawn: 0, expired: 0, medianDaysToFulfil: 3.5,
    byBeneficiary: [
      { type: 'elderly', label: '老人', posted: 5, claimed: 4, fulfilled: 3, confirmed: 3 },
      { type: 'child', label: '儿童', posted: 3, claimed: 2, fulfilled: 2, confirmed: 1 },
      { type: 'other', label: '其他', posted: 0, claimed: 0, fulfilled: 0, confirmed: 0 },
    ],
  },
  activities: { categories: [{ category: 'tcm_night', label: '中医夜市', sessions: 4, places: 80, signups: 60, waitlist: 0, checkedIn: 50 }] },
  members: { stars: [1, 2, 3, 4, 5].map((stars) => ({ stars, members: stars === 2 ? 3 : 1 })) },
} as unknown as MonthlyReview;

describe('per-category bars', () => {
  test('each category’s orders by outcome, on one scale, with the unmet demand beside them', () => {
    expect(categoryRows(review)).toEqual([
      {
        key: '家电维修', label: '家电维修', total: 10, note: '超时2',
        segments: [
          { key: 'completed', label: '已完成', value: 6, percent: 60, color: '#C8161D' },
          { key: 'open', label: '进行中', value: 3, percent: 30, color: '#F0A0A3' },
          { key: 'cancelled', label: '已取消', value: 1, percent: 10, color: '#BFBFBF' },
        ],
      },
      { key: '四点半课堂', label: '四点半课堂', total: 5, note: '名额不足3', segments: [{ key: 'completed', label: '已完成', value: 5, percent: 50, color: '#C8161D' }] },
    ]);
  });

  test('wishes in their order of steps; beneficiaries by what was fulfilled; sign-ups against places; stars in order', () => {
    expect(wishStepsChart(review).bars.map((b) => [b.label, b.value, b.percent])).toEqual([['发布', 8, 100], ['认领', 6, 75], ['圆梦', 5, 62.5], ['确认', 4, 50]]);
    expect(beneficiaryChart(review).bars.map((b) => [b.label, b.value, b.highlight ?? false])).toEqual([['老人', 3, true], ['儿童', 2, false]]);
    expect(activityCategoryChart(review).bars).toEqual([expect.objectContaining({ label: '中医夜市', text: '60/80', percent: 100 })]);
    expect(starsChart(review).bars.map((b) => b.label)).toEqual(['★', '★★', '★★★', '★★★★', '★★★★★']);
  });
});
