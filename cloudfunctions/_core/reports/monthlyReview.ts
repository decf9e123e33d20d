/**
 * 月度复盘 for one community and month, across the three loops and the members, with its 12-month
 * trend. Everything is read in one round trip (after the caller's own record), and nothing it
 * reads grows with the history: the monthly aggregates (≤ 4 sections × 12 months), the month's
 * low ratings (an index on the rating time), and the members' month and year totals (one per
 * member) for the board, the star levels and the hours.
 */
import { hoursOf } from '../../../types/hours';
import type { MonthlyReview } from '../../../types/reports';
import { HOURS_TOTALS, type HoursTotalDoc } from '../hours/hoursLedger';
import type { OrderDoc } from '../orders/orderDoc';
import { computeBoard } from '../points/pointsFunction';
import type { Ports } from '../ports';
import { cmd } from '../store/port';
import { MONTHLY_STATS, type StatsDoc } from '../stats/statsDocs';
import { addMonths, monthRange, monthsFrom } from '../time';
import { activitiesOf, byMonth, membersOf, ordersOf, trendPointOf, wishesOf } from './reviewShape';

export const TREND_MONTHS = 12;
const LOW_RATINGS_SHOWN = 50;
const TOP = 10;

/** The service records (completed orders) a member's month of hours counts. */
const completedIn = (doc: Pick<HoursTotalDoc, 'entries'>) => Object.values(doc.entries ?? {}).filter((e) => e.ref.startsWith('order_served:')).length;

export const monthlyReview = async (ports: Ports, communityId: string, month: string): Promise<MonthlyReview> => {
  const first = addMonths(month, 1 - TREND_MONTHS);
  const { start, end } = monthRange(month);
  const [stats, low, board, hours] = await Promise.all([
    ports.store.find<StatsDoc>(
      MONTHLY_STATS,
      { communityId, month: cmd.gte(first), $and: [{ month: cmd.lte(month) }] },
      { orderBy: [['month', 'asc'], ['_id', 'asc']], limit: 100, fields: ['month', 'section', 'c', 'labels'] },
    ),
    ports.store.find<OrderDoc>(
      'orders',
      { communityId, lowRatedAt: cmd.lt(end), $and: [{ lowRatedAt: cmd.gte(start) }] },
      { orderBy: [['lowRatedAt', 'desc'], ['_id', 'desc']], limit: LOW_RATINGS_SHOWN, fields: ['itemTitle', 'residentName', 'assigneeName', 'rating'] },
    ),
    computeBoard(ports, communityId, 'month', start),
    ports.store.find<HoursTotalDoc>(
      HOURS_TOTALS,
      { communityId, period: 'month', key: month },
      { orderBy: [['minutes', 'desc'], ['_id', 'desc']], limit: 1000, fields: ['memberId', 'minutes', 'entries'] },
    ),
  ]);
  const months = byMonth(stats);
  const sections = months.get(month) ?? {};
  const hoursBy = new Map(hours.map((h) => [h.memberId, h]));
  const people = board.map((row) => ({ ...row, hours: hoursOf(hoursBy.get(row.memberId)?.minutes ?? 0), completed: completedIn(hoursBy.get(row.memberId) ?? { entries: {} }) }));
  const ranked = [...people].sort((a, b) => b.points - a.points || b.hours - a.hours || a.rank - b.rank);

  return {
    month,
    ...ordersOf(sections.orders),
    lowRatings: low.map((o) => ({
      orderId: o._id,
      itemTitle: o.itemTitle,
      residentName: o.residentName,
      assigneeName: o.assigneeName ?? '',
      stars: o.rating?.stars ?? 0,
      comment: o.rating?.comment ?? '',
    })),
    topMembers: ranked
      .filter((p) => p.points > 0 || p.hours > 0)
      .slice(0, TOP)
      .map((p) => ({ memberId: p.memberId, name: p.name, completed: p.completed, points: p.points, hours: p.hours, stars: p.stars })),
    wishes: wishesOf(sections.wishes),
    activities: activitiesOf(sections.activities),
    members: membersOf(sections.members, people),
    trend: monthsFrom(first, month).map((m) => trendPointOf(m, months.get(m) ?? {})),
  };
};
