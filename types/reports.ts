import { z } from './zod';
import { MonthString } from './common';
import { action } from './action';
import { CategoryKind } from './menu';

export const MonthInput = z.object({ month: MonthString });

/** Orders of one category in the month, and the demand it could not meet. */
export const CategoryReview = z.object({
  categoryName: z.string(),
  kind: CategoryKind,
  total: z.number(),
  byStatus: z.record(z.string(), z.number()),
  completed: z.number(),
  averageRating: z.nullable(z.number()),
  /** Unmet demand, to inform next month's menu. */
  cancelled: z.number(),
  overdue: z.number(),
  quotaRefused: z.number(),
});
export type CategoryReview = z.infer<typeof CategoryReview>;

export const LowRating = z.object({
  orderId: z.string(),
  itemTitle: z.string(),
  residentName: z.string(),
  assigneeName: z.string(),
  stars: z.number(),
  comment: z.string(),
});

export const TopMember = z.object({ memberId: z.string(), name: z.string(), completed: z.number(), points: z.number() });

/** 月度复盘: one community, one calendar month (orders counted by the month they were placed). */
export const MonthlyReview = z.object({
  month: z.string(),
  totals: z.object({
    orders: z.number(),
    completed: z.number(),
    /** completed ÷ (orders − still open), 0–1; null when nothing has finished. */
    completionRate: z.nullable(z.number()),
    medianMinutesToDispatch: z.nullable(z.number()),
    medianMinutesToComplete: z.nullable(z.number()),
    averageRating: z.nullable(z.number()),
    ratings: z.number(),
  }),
  byStatus: z.record(z.string(), z.number()),
  categories: z.array(CategoryReview),
  lowRatings: z.array(LowRating),
  topMembers: z.array(TopMember),
});
export type MonthlyReview = z.infer<typeof MonthlyReview>;

export const ReviewExport = z.object({ fileName: z.string(), base64: z.string() });
export type ReviewExport = z.infer<typeof ReviewExport>;

export const REPORTS_API = {
  monthlyReview: action(MonthInput, MonthlyReview),
  exportMonthlyReview: action(MonthInput, ReviewExport),
} as const;

