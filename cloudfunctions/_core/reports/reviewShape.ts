/**
 * The 月度复盘 from the monthly aggregates (stats/): pure functions from a month's section
 * documents to the sections of the review, and from twelve months of them to the trend.
 */
import { ACTIVITY_CATEGORY_LABELS, ACTIVITY_CATEGORIES, type ActivityCategory } from '../../../types/activities';
import { hoursOf } from '../../../types/hours';
import type { CategoryKind } from '../../../types/menu';
import type { ActivitiesReview, CategoryReview, MembersReview, MonthlyReview, TrendPoint, WishesReview } from '../../../types/reports';
import { BENEFICIARY_TYPE_LABELS, BENEFICIARY_TYPES } from '../../../types/wishes';
import { medianOf } from '../stats/durations';
import { countOf, countsAt, type Counts, type Label, type StatsDoc, type StatsSection } from '../stats/statsDocs';

const OPEN = ['submitted', 'assigned', 'serving'];

export const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);
const average = (sum: number, n: number): number | null => (n > 0 ? Math.round((sum / n) * 10) / 10 : null);

/** A month's section documents by section (missing sections count as empty). */
export type MonthSections = Partial<Record<StatsSection, Pick<StatsDoc, 'c' | 'labels'>>>;

const positive = (counts: Counts): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0));

export const ordersOf = (doc: MonthSections['orders']): Pick<MonthlyReview, 'totals' | 'byStatus' | 'categories'> => {
  const c = doc?.c;
  const labels: Record<string, Label> = doc?.labels ?? {};
  const total = countOf(c, 'total');
  const completed = countOf(c, 'status.completed') + countOf(c, 'status.rated');
  const open = OPEN.reduce((sum, s) => sum + countOf(c, `status.${s}`), 0);
  const categories: CategoryReview[] = Object.keys(countsAt(c, 'cat'))
    .map((key) => {
      const k = `cat.${key}`;
      return {
        categoryName: labels[key]?.name ?? key,
        kind: (labels[key]?.kind ?? 'regular') as CategoryKind,
        total: countOf(c, `${k}.total`),
        byStatus: positive(countsAt(c, `${k}.status`)),
        completed: countOf(c, `${k}.status.completed`) + countOf(c, `${k}.status.rated`),
        averageRating: average(countOf(c, `${k}.rating.sum`), countOf(c, `${k}.rating.n`)),
        lowRatings: countOf(c, `${k}.low`),
        cancelled: countOf(c, `${k}.status.cancelled`),
        overdue: countOf(c, `${k}.overdue`),
        quotaRefused: countOf(c, `${k}.refused`),
      };
    })
    .filter((x) => x.total > 0 || x.quotaRefused > 0)
    .sort((a, b) => b.total - a.total || a.categoryName.localeCompare(b.categoryName, 'zh-CN'));
  return {
    totals: {
      orders: total,
      completed,
      completionRate: ratio(completed, total - open),
      medianMinutesToDispatch: medianOf(c, 'dispatch'),
      medianMinutesToComplete: medianOf(c, 'complete'),
      averageRating: average(countOf(c, 'rating.sum'), countOf(c, 'rating.n')),
      ratings: countOf(c, 'rating.n'),
      lowRatings: countOf(c, 'low'),
      cancelled: countOf(c, 'status.cancelled'),
      overdue: countOf(c, 'overdue'),
      quotaRefused: countOf(c, 'refused'),
    },
    byStatus: positive(countsAt(c, 'status')),
    categories,
  };
};

export const wishesOf = (doc: MonthSections['wishes']): WishesReview => {
  const c = doc?.c;
  const step = (s: string) => countOf(c, `to.${s}`);
  const median = medianOf(c, 'fulfil');
  return {
    posted: step('posted'),
    approved: step('open'),
    rejected: step('rejected'),
    claimed: step('claimed'),
    released: step('released'),
    fulfilled: step('fulfilled'),
    confirmed: step('confirmed'),
    withdrawn: step('withdrawn'),
    expired: step('expired'),
    medianDaysToFulfil: median === null ? null : Math.round((median / 1440) * 10) / 10,
    byBeneficiary: BENEFICIARY_TYPES.map((type) => ({
      type,
      label: BENEFICIARY_TYPE_LABELS[type],
      posted: countOf(c, `bt.${type}.posted`),
      claimed: countOf(c, `bt.${type}.claimed`),
      fulfilled: countOf(c, `bt.${type}.fulfilled`),
      confirmed: countOf(c, `bt.${type}.confirmed`),
    })),
  };
};

export const activitiesOf = (doc: MonthSections['activities']): ActivitiesReview => {
  const c = doc?.c;
  const places = countOf(c, 'places');
  const signups = countOf(c, 'signups');
  const attended = countOf(c, 'required.checkedIn');
  const noShows = countOf(c, 'noShows');
  const present = new Set(Object.keys(countsAt(c, 'cat')));
  return {
    sessions: countOf(c, 'sessions'),
    places,
    signups,
    fillRate: ratio(signups, places),
    waitlist: countOf(c, 'waitlist'),
    checkedIn: countOf(c, 'checkedIn'),
    noShows,
    attendanceRate: ratio(attended, attended + noShows),
    volunteers: countOf(c, 'volunteers'),
    ratings: countOf(c, 'rating.n'),
    averageRating: average(countOf(c, 'rating.sum'), countOf(c, 'rating.n')),
    categories: ACTIVITY_CATEGORIES.filter((category) => present.has(category)).map((category: ActivityCategory) => ({
      category,
      label: ACTIVITY_CATEGORY_LABELS[category],
      sessions: countOf(c, `cat.${category}.sessions`),
      places: countOf(c, `cat.${category}.places`),
      signups: countOf(c, `cat.${category}.signups`),
      waitlist: countOf(c, `cat.${category}.waitlist`),
      checkedIn: countOf(c, `cat.${category}.checkedIn`),
    })),
  };
};

export const membersOf = (
  doc: MonthSections['members'],
  people: Array<{ stars: number; points: number; hours: number }>,
): MembersReview => ({
  points: countOf(doc?.c, 'points'),
  hours: hoursOf(countOf(doc?.c, 'minutes')),
  members: people.length,
  activeMembers: people.filter((p) => p.points > 0 || p.hours > 0).length,
  stars: [1, 2, 3, 4, 5].map((stars) => ({ stars, members: people.filter((p) => p.stars === stars).length })),
});

/** One month of the trend. */
export const trendPointOf = (month: string, s: MonthSections): TrendPoint => {
  const o = ordersOf(s.orders);
  const a = activitiesOf(s.activities);
  return {
    month,
    orders: o.totals.orders,
    completed: o.totals.completed,
    completionRate: o.totals.completionRate,
    averageRating: o.totals.averageRating,
    wishesPosted: countOf(s.wishes?.c, 'to.posted'),
    wishesFulfilled: countOf(s.wishes?.c, 'to.fulfilled'),
    sessions: a.sessions,
    checkedIn: a.checkedIn,
    attendanceRate: a.attendanceRate,
    points: countOf(s.members?.c, 'points'),
    hours: hoursOf(countOf(s.members?.c, 'minutes')),
  };
};

/** Section documents grouped by month. */
export const byMonth = (docs: Array<Pick<StatsDoc, 'month' | 'section' | 'c' | 'labels'>>): Map<string, MonthSections> => {
  const out = new Map<string, MonthSections>();
  for (const d of docs) out.set(d.month, { ...(out.get(d.month) ?? {}), [d.section]: d });
  return out;
};
