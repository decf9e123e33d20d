import { ORDER_STATUS_LABELS, type OrderStatus } from '../../../types/orders';
import { CATEGORY_KIND_LABELS } from '../../../types/menu';
import type { MonthlyReview } from '../../../types/reports';

type Cell = { value: string | number; fontWeight?: 'bold' } | null;
export type Sheet = { sheet: string; data: Cell[][] };

const header = (...titles: string[]): Cell[] => titles.map((value) => ({ value, fontWeight: 'bold' }));
const cell = (value: string | number | null): Cell => (value === null ? { value: '—' } : { value });
const percent = (rate: number | null) => (rate === null ? null : `${Math.round(rate * 1000) / 10}%`);
const minutes = (value: number | null) => (value === null ? null : Math.round(value));

/** The review as the sheets of the exported workbook (Chinese headers, one table per sheet). */
export const reviewSheets = (review: MonthlyReview): Sheet[] => [
  {
    sheet: '概览',
    data: [
      header('指标', '数值'),
      [cell('月份'), cell(review.month)],
      [cell('订单数'), cell(review.totals.orders)],
      [cell('已完成'), cell(review.totals.completed)],
      [cell('完成率'), cell(percent(review.totals.completionRate))],
      [cell('派单用时中位数（分钟）'), cell(minutes(review.totals.medianMinutesToDispatch))],
      [cell('完成用时中位数（分钟）'), cell(minutes(review.totals.medianMinutesToComplete))],
      [cell('平均评分'), cell(review.totals.averageRating)],
      [cell('评价数'), cell(review.totals.ratings)],
      ...Object.entries(review.byStatus).map(([status, n]) => [cell(`状态：${ORDER_STATUS_LABELS[status as OrderStatus] ?? status}`), cell(n)]),
    ],
  },
  {
    sheet: '分类',
    data: [
      header('服务分类', '类型', '订单数', '已完成', '平均评分', '已取消', '超时未派', '名额不足'),
      ...review.categories.map((c) => [
        cell(c.categoryName),
        cell(CATEGORY_KIND_LABELS[c.kind]),
        cell(c.total),
        cell(c.completed),
        cell(c.averageRating),
        cell(c.cancelled),
        cell(c.overdue),
        cell(c.quotaRefused),
      ]),
    ],
  },
  {
    sheet: '低分回访',
    data: [
      header('服务', '居民', '党员', '星级', '评价'),
      ...review.lowRatings.map((r) => [cell(r.itemTitle), cell(r.residentName), cell(r.assigneeName), cell(r.stars), cell(r.comment)]),
    ],
  },
  {
    sheet: '先锋党员',
    data: [header('党员', '完成订单', '本月积分'), ...review.topMembers.map((m) => [cell(m.name), cell(m.completed), cell(m.points)])],
  },
];
