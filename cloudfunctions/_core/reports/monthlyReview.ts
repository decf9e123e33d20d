import type { CategoryReview, MonthlyReview } from '../../../types/reports';
import type { ItemDoc } from '../menu/menuDocs';
import type { OrderDoc } from '../orders/orderDoc';
import { QUOTA_REFUSED } from '../orders/createOrder';
import { tallyIdOf, TALLIES, type TallyDoc } from '../store/holds';
import { computeBoard } from '../points/pointsFunction';
import type { Ports } from '../ports';
import { startOfDate } from '../time';

const OPEN = new Set(['submitted', 'assigned', 'serving']);
const DONE = new Set(['completed', 'rated']);
const MINUTE = 60_000;

export const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const mean = (values: number[]): number | null =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

const count = <T>(items: T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }), {});

/** Every order placed in the month, 1000 a page (CloudBase's cap). */
const ordersOf = async (ports: Ports, communityId: string, month: string): Promise<OrderDoc[]> => {
  const all: OrderDoc[] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = await ports.store.find<OrderDoc>('orders', { communityId, month }, { orderBy: [['createdAt', 'asc']], skip, limit: 1000 });
    all.push(...page);
    if (page.length < 1000) return all;
  }
};

const starsOf = (order: OrderDoc) => order.rating?.stars ?? null;

/**
 * 月度复盘 for one community and month: what was ordered and delivered, how fast, how it was
 * rated, who served most, and the demand the menu did not meet (cancelled, overdue, refused for
 * the quota) per category, to inform next month's menu.
 */
export const monthlyReview = async (ports: Ports, communityId: string, month: string): Promise<MonthlyReview> => {
  const [orders, items] = await Promise.all([
    ordersOf(ports, communityId, month),
    ports.store.find<ItemDoc>('service_items', { communityId }, { limit: 1000 }),
  ]);
  const refusals = await Promise.all(items.map((item) => ports.store.get<TallyDoc>(TALLIES, tallyIdOf(QUOTA_REFUSED, item._id, month))));

  const finished = orders.filter((o) => !OPEN.has(o.status));
  const completed = orders.filter((o) => DONE.has(o.status));
  const rated = orders.map(starsOf).filter((s): s is number => s !== null);
  const dispatchMinutes = orders.flatMap((o) => {
    const assigned = o.timeline.find((e) => e.to === 'assigned');
    return assigned ? [(assigned.at - o.createdAt) / MINUTE] : [];
  });
  const completeMinutes = completed.flatMap((o) => (o.completedAt ? [(o.completedAt - o.createdAt) / MINUTE] : []));

  const categoryNames = [...new Set([...items.map((i) => i.categoryName), ...orders.map((o) => o.categoryName)])];
  const categories: CategoryReview[] = categoryNames
    .map((name) => {
      const mine = orders.filter((o) => o.categoryName === name);
      const kind = items.find((i) => i.categoryName === name)?.categoryKind ?? mine[0]?.categoryKind ?? 'regular';
      const quotaRefused = items.reduce((sum, item, i) => sum + (item.categoryName === name ? refusals[i]?.count ?? 0 : 0), 0);
      return {
        categoryName: name,
        kind,
        total: mine.length,
        byStatus: count(mine, (o) => o.status),
        completed: mine.filter((o) => DONE.has(o.status)).length,
        averageRating: mean(mine.map(starsOf).filter((s): s is number => s !== null)),
        cancelled: mine.filter((o) => o.status === 'cancelled').length,
        overdue: mine.filter((o) => o.everOverdue === true).length,
        quotaRefused,
      };
    })
    .filter((c) => c.total > 0 || c.quotaRefused > 0)
    .sort((a, b) => b.total - a.total || a.categoryName.localeCompare(b.categoryName, 'zh-CN'));

  const board = await computeBoard(ports, communityId, 'month', startOfDate(`${month}-01`));
  const completedBy = count(completed.filter((o) => o.assigneeId), (o) => o.assigneeId ?? '');
  const topMembers = board
    .filter((row) => row.points > 0 || completedBy[row.memberId])
    .slice(0, 10)
    .map((row) => ({ memberId: row.memberId, name: row.name, completed: completedBy[row.memberId] ?? 0, points: row.points }));

  return {
    month,
    totals: {
      orders: orders.length,
      completed: completed.length,
      completionRate: finished.length === 0 ? null : Math.round((completed.length / finished.length) * 1000) / 1000,
      medianMinutesToDispatch: median(dispatchMinutes),
      medianMinutesToComplete: median(completeMinutes),
      averageRating: mean(rated),
      ratings: rated.length,
    },
    byStatus: count(orders, (o) => o.status),
    categories,
    lowRatings: orders
      .filter((o) => (starsOf(o) ?? 5) <= 2)
      .map((o) => ({
        orderId: o._id,
        itemTitle: o.itemTitle,
        residentName: o.residentName,
        assigneeName: o.assigneeName ?? '',
        stars: starsOf(o) ?? 0,
        comment: o.rating?.comment ?? '',
      })),
    topMembers,
  };
};
