/**
 * The 月度复盘's charts as data: 12-month trends and per-category bars, shaped for bars drawn
 * with plain views (each bar knows its label, its value as text and its length in percent of the
 * chart's largest). Pure and Taro-free: the page maps `bars` to <View>s in weapp and h5 alike.
 */
import type { MonthlyReview, TrendPoint } from '../../types/reports';

export interface Bar {
  key: string;
  label: string;
  /** Shown above the month's label when the year changes (the first bar, and every January). */
  year?: string;
  value: number | null;
  /** The value as shown: 12, 66.7%, 4.5 or — when there is none. */
  text: string;
  /** Length in percent of the chart's largest value (0–100); at least 2 when the value is above 0, so it shows. */
  percent: number;
  /** The month under review, or the category that stands out. */
  highlight?: boolean;
}

export interface BarChart {
  title: string;
  unit: string;
  bars: Bar[];
  max: number;
  /** Nothing to show (every value 0 or missing): the page shows its empty state instead. */
  empty: boolean;
}

/** One part of a stacked bar (a category's orders by outcome). */
export interface Segment {
  key: 'completed' | 'open' | 'cancelled';
  label: string;
  value: number;
  /** Width in percent of the chart's longest bar. */
  percent: number;
  color: string;
}

export interface StackedRow {
  key: string;
  label: string;
  total: number;
  segments: Segment[];
  /** Demand that went unmet, shown beside the bar: 超时 2 · 名额不足 1. */
  note: string;
}

export const CHART_COLORS = { primary: '#C8161D', done: '#C8161D', open: '#F0A0A3', cancelled: '#BFBFBF', muted: '#E8E8E8' } as const;

const round1 = (n: number) => Math.round(n * 10) / 10;

export const percentOf = (value: number | null, max: number): number => {
  if (value === null || value <= 0 || max <= 0) return 0;
  return Math.max(2, Math.min(100, round1((value / max) * 100)));
};

export const rateText = (rate: number | null): string => (rate === null ? '—' : `${round1(rate * 100)}%`);

const numberText = (value: number | null): string => (value === null ? '—' : String(round1(value)));

/** What each trend chart shows; `max` fixes the scale (rates to 100%, ratings to 5 stars). */
export const TREND_METRICS = {
  orders: { title: '服务订单', unit: '单', value: (t: TrendPoint) => t.orders, rate: false, max: null },
  completionRate: { title: '订单完成率', unit: '%', value: (t: TrendPoint) => t.completionRate, rate: true, max: 1 },
  averageRating: { title: '平均评分', unit: '星', value: (t: TrendPoint) => t.averageRating, rate: false, max: 5 },
  wishesFulfilled: { title: '微心愿圆梦', unit: '个', value: (t: TrendPoint) => t.wishesFulfilled, rate: false, max: null },
  sessions: { title: '活动场次', unit: '场', value: (t: TrendPoint) => t.sessions, rate: false, max: null },
  attendanceRate: { title: '活动到场率', unit: '%', value: (t: TrendPoint) => t.attendanceRate, rate: true, max: 1 },
  points: { title: '党员积分', unit: '分', value: (t: TrendPoint) => t.points, rate: false, max: null },
  hours: { title: '志愿服务时长', unit: '小时', value: (t: TrendPoint) => t.hours, rate: false, max: null },
} as const;

export type TrendMetric = keyof typeof TREND_METRICS;

/** A 12-month column chart of one metric, oldest month first; the month under review highlighted. */
export const trendChart = (trend: TrendPoint[], metric: TrendMetric): BarChart => {
  const m = TREND_METRICS[metric];
  const values = trend.map((t) => m.value(t));
  const max = m.max ?? Math.max(0, ...values.map((v) => v ?? 0));
  const bars = trend.map((t, i): Bar => {
    const value = values[i];
    const [year, month] = t.month.split('-');
    return {
      key: t.month,
      label: `${Number(month)}月`,
      ...(i === 0 || month === '01' ? { year } : {}),
      value,
      text: m.rate ? rateText(value) : numberText(value),
      percent: percentOf(value, max),
      ...(i === trend.length - 1 ? { highlight: true } : {}),
    };
  });
  return { title: `${m.title}（近12个月）`, unit: m.unit, bars, max, empty: values.every((v) => !v) };
};

/** Horizontal bars: one per label, longest first unless `keepOrder`. */
const barsOf = (title: string, unit: string, rows: Array<{ key: string; label: string; value: number }>, keepOrder = false): BarChart => {
  const sorted = keepOrder ? rows : [...rows].sort((a, b) => b.value - a.value);
  const max = Math.max(0, ...sorted.map((r) => r.value));
  const top = sorted[0]?.value ?? 0;
  return {
    title,
    unit,
    max,
    empty: max === 0,
    bars: sorted.map((r) => ({ key: r.key, label: r.label, value: r.value, text: numberText(r.value), percent: percentOf(r.value, max), ...(!keepOrder && top > 0 && r.value === top ? { highlight: true } : {}) })),
  };
};

/** Each service category's orders, split by outcome, with the demand it could not meet. */
export const categoryRows = (review: Pick<MonthlyReview, 'categories'>): StackedRow[] => {
  const max = Math.max(0, ...review.categories.map((c) => c.total));
  return review.categories.map((c) => {
    const cancelled = c.cancelled;
    const open = Math.max(0, c.total - c.completed - cancelled);
    const parts: Segment[] = [
      { key: 'completed', label: '已完成', value: c.completed, percent: 0, color: CHART_COLORS.done },
      { key: 'open', label: '进行中', value: open, percent: 0, color: CHART_COLORS.open },
      { key: 'cancelled', label: '已取消', value: cancelled, percent: 0, color: CHART_COLORS.cancelled },
    ];
    const segments = parts.filter((s) => s.value > 0).map((s): Segment => ({ ...s, percent: max > 0 ? round1((s.value / max) * 100) : 0 }));
    const unmet = [c.overdue ? `超时${c.overdue}` : '', c.quotaRefused ? `名额不足${c.quotaRefused}` : ''].filter(Boolean).join(' · ');
    return { key: c.categoryName, label: c.categoryName, total: c.total, segments, note: unmet };
  });
};

/** Wishes through their steps in the month: posted → claimed → fulfilled → confirmed. */
export const wishStepsChart = (review: Pick<MonthlyReview, 'wishes'>): BarChart =>
  barsOf(
    '微心愿',
    '个',
    [
      { key: 'posted', label: '发布', value: review.wishes.posted },
      { key: 'claimed', label: '认领', value: review.wishes.claimed },
      { key: 'fulfilled', label: '圆梦', value: review.wishes.fulfilled },
      { key: 'confirmed', label: '确认', value: review.wishes.confirmed },
    ],
    true,
  );

/** Wishes fulfilled per beneficiary type. */
export const beneficiaryChart = (review: Pick<MonthlyReview, 'wishes'>): BarChart =>
  barsOf('按受助对象', '个', review.wishes.byBeneficiary.filter((b) => b.posted + b.fulfilled > 0).map((b) => ({ key: b.type, label: b.label, value: b.fulfilled })));

/** Sign-ups per activity category (places in the text). */
export const activityCategoryChart = (review: Pick<MonthlyReview, 'activities'>): BarChart => {
  const chart = barsOf('各类活动报名', '人', review.activities.categories.map((c) => ({ key: c.category, label: c.label, value: c.signups })));
  const places = new Map(review.activities.categories.map((c) => [c.category as string, c.places]));
  return { ...chart, bars: chart.bars.map((b) => ({ ...b, text: `${b.text}/${places.get(b.key) ?? 0}` })) };
};

/** Members per star level, ★1 to ★5. */
export const starsChart = (review: Pick<MonthlyReview, 'members'>): BarChart =>
  barsOf('党员星级', '人', review.members.stars.map((s) => ({ key: `s${s.stars}`, label: '★'.repeat(s.stars), value: s.members })), true);
