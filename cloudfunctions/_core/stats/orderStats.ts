/**
 * What orders count in the monthly aggregates. Orders are counted in the month they were placed
 * (their `month`), by the state they are in now: placing one counts it as submitted, and each
 * change of state moves it from one state to the next, so a month's document always says how
 * that month's orders stand. Each timeline event is one counted event, keyed by its position.
 * Pure: the same order always implies the same events.
 */
import type { OrderDoc } from '../orders/orderDoc';
import { holdKey } from '../store/holds';
import { MINUTE_MS } from '../time';
import { durationDeltas } from './durations';
import type { StatEvent } from './statsDocs';

type OrderFacts = Pick<OrderDoc, '_id' | 'communityId' | 'month' | 'categoryName' | 'categoryKind' | 'createdAt' | 'timeline' | 'rating' | 'everOverdue'> & {
  overdueAt?: number | null;
};

/** A category's key in field paths: its name when that is a plain word, else a hash of it. */
export const categoryKey = (name: string): string => holdKey(name);

const base = (order: OrderFacts) => ({ section: 'orders' as const, communityId: order.communityId, month: order.month, ref: order._id, s: 'order' as const });

const labelsOf = (order: OrderFacts) => ({ [categoryKey(order.categoryName)]: { name: order.categoryName, kind: order.categoryKind } });

/** The increments of the timeline event at `index` (0 = placing the order). */
const deltasAt = (order: OrderFacts, index: number): Record<string, number> => {
  const k = `cat.${categoryKey(order.categoryName)}`;
  const event = order.timeline[index];
  if (index === 0) return { total: 1, 'status.submitted': 1, [`${k}.total`]: 1, [`${k}.status.submitted`]: 1 };
  const d: Record<string, number> = {};
  const add = (path: string, n: number) => (d[path] = (d[path] ?? 0) + n);
  if (event.from) {
    add(`status.${event.from}`, -1);
    add(`${k}.status.${event.from}`, -1);
  }
  add(`status.${event.to}`, 1);
  add(`${k}.status.${event.to}`, 1);
  const first = order.timeline.findIndex((e) => e.to === event.to) === index;
  const minutes = (event.at - order.createdAt) / MINUTE_MS;
  if (event.to === 'assigned' && first) Object.assign(d, durationDeltas('dispatch', minutes));
  if (event.to === 'completed' && first) Object.assign(d, durationDeltas('complete', minutes));
  const stars = event.to === 'rated' ? (order.rating?.stars ?? null) : null;
  if (stars !== null) {
    add('rating.n', 1);
    add('rating.sum', stars);
    add(`rating.s${stars}`, 1);
    add(`${k}.rating.n`, 1);
    add(`${k}.rating.sum`, stars);
    if (stars <= 2) {
      add('low', 1);
      add(`${k}.low`, 1);
    }
  }
  return d;
};

const eventAt = (order: OrderFacts, index: number): StatEvent => ({
  ...base(order),
  key: `${holdKey(order._id)}_${index}`,
  deltas: deltasAt(order, index),
  at: order.timeline[index].at,
  ...(index === 0 ? { labels: labelsOf(order) } : {}),
});

/** The event of the order's latest change (what a use-case that just changed it counts). */
export const latestOrderEvent = (order: OrderFacts): StatEvent => eventAt(order, order.timeline.length - 1);

/** Flagged overdue (unassigned for 48 h): counted once per order, as unmet demand. */
export const overdueEvent = (order: OrderFacts): StatEvent => ({
  ...base(order),
  key: `${holdKey(order._id)}_ov`,
  deltas: { overdue: 1, [`cat.${categoryKey(order.categoryName)}.overdue`]: 1 },
  at: order.overdueAt ?? order.createdAt,
  labels: labelsOf(order),
});

/** Every event the order implies, as it stands. */
export const orderEvents = (order: OrderFacts): StatEvent[] => [
  ...order.timeline.map((_, index) => eventAt(order, index)),
  ...(order.everOverdue ? [overdueEvent(order)] : []),
];

/**
 * An order refused because the item's monthly places were gone: unmet demand. The refusal has no
 * record of its own; its mark is the record (`refusal` marks are not checked against anything).
 */
export const refusalEvent = (r: { orderId: string; communityId: string; month: string; categoryName: string; categoryKind: string; at: number }): StatEvent => ({
  section: 'orders',
  communityId: r.communityId,
  month: r.month,
  ref: r.orderId,
  s: 'refusal',
  key: `${holdKey(r.orderId)}_q`,
  deltas: { refused: 1, [`cat.${categoryKey(r.categoryName)}.refused`]: 1 },
  at: r.at,
  labels: { [categoryKey(r.categoryName)]: { name: r.categoryName, kind: r.categoryKind } },
});
