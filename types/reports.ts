import { z } from './zod';
import { MonthString } from './common';
import { action } from './action';
import { CategoryKind } from './menu';
import { ActivityCategory } from './activities';
import { BeneficiaryType } from './wishes';

export const MonthInput = z.object({ month: MonthString });

/** Orders of one category in the month, and the demand it could not meet. */
export const CategoryReview = z.object({
  categoryName: z.string(),
  kind: CategoryKind,
  total: z.number(),
  byStatus: z.record(z.string(), z.number()),
  completed: z.number(),
  averageRating: z.nullable(z.number()),
  /** Ratings of 2 stars or fewer. */
  lowRatings: z.number(),
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

export const TopMember = z.object({
  memberId: z.string(),
  name: z.string(),
  /** Orders completed (service records) in the month. */
  completed: z.number(),
  points: z.number(),
  hours: z.number(),
  stars: z.number(),
});

export const WishesReview = z.object({
  posted: z.number(),
  approved: z.number(),
  rejected: z.number(),
  claimed: z.number(),
  /** Claims given back (by the member or after 14 days). */
  released: z.number(),
  fulfilled: z.number(),
  confirmed: z.number(),
  withdrawn: z.number(),
  expired: z.number(),
  /** From posting to fulfilment, in days (one decimal). */
  medianDaysToFulfil: z.nullable(z.number()),
  byBeneficiary: z.array(z.object({ type: BeneficiaryType, label: z.string(), posted: z.number(), claimed: z.number(), fulfilled: z.number(), confirmed: z.number() })),
});
export type WishesReview = z.infer<typeof WishesReview>;

export const ActivityCategoryReview = z.object({
  category: ActivityCategory,
  label: z.string(),
  sessions: z.number(),
  places: z.number(),
  signups: z.number(),
  waitlist: z.number(),
  checkedIn: z.number(),
});

/** Activities of the month that have ended (a session is counted once it is over). */
export const ActivitiesReview = z.object({
  sessions: z.number(),
  places: z.number(),
  /** Attendees who held a place. */
  signups: z.number(),
  /** signups ÷ places, 0–1; null without places. */
  fillRate: z.nullable(z.number()),
  /** Waitlist joins: demand beyond the places. */
  waitlist: z.number(),
  checkedIn: z.number(),
  noShows: z.number(),
  /** Checked in ÷ expected, where check-in is required; null when nobody was expected. */
  attendanceRate: z.nullable(z.number()),
  /** Members who served as volunteers. */
  volunteers: z.number(),
  ratings: z.number(),
  averageRating: z.nullable(z.number()),
  categories: z.array(ActivityCategoryReview),
});
export type ActivitiesReview = z.infer<typeof ActivitiesReview>;

export const MembersReview = z.object({
  /** Points paid in the month (all members). */
  points: z.number(),
  /** Service hours recorded in the month. */
  hours: z.number(),
  /** Members now, and those with points or hours in the month. */
  members: z.number(),
  activeMembers: z.number(),
  /** Members per star level (★1–★5), from their points of the month's year. */
  stars: z.array(z.object({ stars: z.number(), members: z.number() })),
});
export type MembersReview = z.infer<typeof MembersReview>;

/** One month of the 12-month trend. */
export const TrendPoint = z.object({
  month: z.string(),
  orders: z.number(),
  completed: z.number(),
  completionRate: z.nullable(z.number()),
  averageRating: z.nullable(z.number()),
  wishesPosted: z.number(),
  wishesFulfilled: z.number(),
  sessions: z.number(),
  checkedIn: z.number(),
  attendanceRate: z.nullable(z.number()),
  points: z.number(),
  hours: z.number(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

/**
 * 月度复盘: one community, one calendar month, across the three loops and the members. Orders are
 * counted in the month they were placed, by the state they are in now; wishes by what happened in
 * the month; activities once they have ended; points and hours as paid in the month.
 */
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
    lowRatings: z.number(),
    /** Unmet demand in all. */
    cancelled: z.number(),
    overdue: z.number(),
    quotaRefused: z.number(),
  }),
  byStatus: z.record(z.string(), z.number()),
  categories: z.array(CategoryReview),
  lowRatings: z.array(LowRating),
  topMembers: z.array(TopMember),
  wishes: WishesReview,
  activities: ActivitiesReview,
  members: MembersReview,
  /** The 12 months ending with this one, oldest first. */
  trend: z.array(TrendPoint),
});
export type MonthlyReview = z.infer<typeof MonthlyReview>;

export const ReviewExport = z.object({ fileName: z.string(), base64: z.string() });
export type ReviewExport = z.infer<typeof ReviewExport>;

export const REPORTS_API = {
  monthlyReview: action(MonthInput, MonthlyReview),
  exportMonthlyReview: action(MonthInput, ReviewExport),
} as const;
