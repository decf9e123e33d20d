/**
 * The street admin's dashboard: per community and month, orders and completion rate, average
 * rating, wishes fulfilled, activity attendance and active members. Every figure is one indexed
 * count (or a tally kept as wishes are fulfilled), never a read of the month's records, and every
 * community is counted at once: the caller and the communities in the first round trip, all the
 * counts in the second, however many communities and records there are.
 */
import type { DashboardFigures } from '../../../types/admin';
import { defineAction } from '../runtime/defineFunction';
import { tallyIdOf, TALLIES, type TallyDoc } from '../store/holds';
import { cmd, type Filter } from '../store/port';
import type { Ports } from '../ports';
import { periodRange, startOfDate } from '../time';
import type { CommunityDoc } from '../users/profiles';
import { WISHES_FULFILLED } from '../wishes/wishClaiming';

/** A street office has dozens of communities; this bounds the fan-out of one page. */
const MAX_COMMUNITIES = 200;

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

const figuresOf = async (ports: Ports, communityId: string, month: string): Promise<{ figures: DashboardFigures; finished: number }> => {
  const orders: Filter = { communityId, month };
  const { start, end } = periodRange('month', startOfDate(`${month}-01`));
  const signups = (status: string): Filter => ({ communityId, status, startAt: cmd.gte(start), $and: [{ startAt: cmd.lt(end) }] });
  const [total, completed, finished, stars, wishes, attended, noShows, activeMembers] = await Promise.all([
    ports.store.count('orders', orders),
    ports.store.count('orders', { ...orders, status: cmd.in(['completed', 'rated']) }),
    ports.store.count('orders', { ...orders, status: cmd.in(['completed', 'rated', 'cancelled']) }),
    Promise.all([1, 2, 3, 4, 5].map((s) => ports.store.count('orders', { ...orders, 'rating.stars': s }))),
    ports.store.get<TallyDoc>(TALLIES, tallyIdOf(WISHES_FULFILLED, communityId, month)),
    ports.store.count('activity_signups', signups('checked_in')),
    ports.store.count('activity_signups', signups('no_show')),
    ports.store.count('points_totals', { communityId, period: 'month', key: month, points: cmd.gt(0) }),
  ]);
  const ratings = stars.reduce((a, b) => a + b, 0);
  const sum = stars.reduce((a, n, i) => a + n * (i + 1), 0);
  const figures: DashboardFigures = {
    orders: total,
    completed,
    completionRate: ratio(completed, finished),
    ratings,
    averageRating: ratings === 0 ? null : Math.round((sum / ratings) * 10) / 10,
    wishesFulfilled: wishes?.count ?? 0,
    attended,
    noShows,
    attendanceRate: ratio(attended, attended + noShows),
    activeMembers,
  };
  return { figures, finished };
};

/** The street's figures: sums, and the rates recomputed from the sums (not averaged). */
const totalOf = (rows: DashboardFigures[], finished: number[]): DashboardFigures => {
  const sum = (k: keyof DashboardFigures) => rows.reduce((a, r) => a + ((r[k] as number | null) ?? 0), 0);
  const ratings = sum('ratings');
  const weighted = rows.reduce((a, r) => a + (r.averageRating ?? 0) * r.ratings, 0);
  const attended = sum('attended');
  return {
    orders: sum('orders'),
    completed: sum('completed'),
    completionRate: ratio(sum('completed'), finished.reduce((a, b) => a + b, 0)),
    ratings,
    averageRating: ratings === 0 ? null : Math.round((weighted / ratings) * 10) / 10,
    wishesFulfilled: sum('wishesFulfilled'),
    attended,
    noShows: sum('noShows'),
    attendanceRate: ratio(attended, attended + sum('noShows')),
    activeMembers: sum('activeMembers'),
  };
};

export const dashboard = defineAction<'admin', 'dashboard'>()({
  access: 'admin',
  load: ({ ports }) => ports.store.find<CommunityDoc>('communities', {}, { orderBy: [['createdAt', 'asc']], limit: MAX_COMMUNITIES }),
  async run({ ports }, input, communities) {
    const counted = await Promise.all(communities.map((c) => figuresOf(ports, c._id, input.month)));
    const rows = counted.map((c) => c.figures);
    return {
      month: input.month,
      communities: communities.map((c, i) => ({ communityId: c._id, communityName: c.name, street: c.street, ...rows[i] })),
      totals: totalOf(rows, counted.map((c) => c.finished)),
    };
  },
});
