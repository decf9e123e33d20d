/**
 * Brings what orders derive back in line with the orders, after a request died half-way:
 * - a place held on a resident's open-order counter or an item's monthly quota by an order that
 *   does not exist (created and died before writing it), or no longer holds it (completed,
 *   cancelled and died before giving it back), is released;
 * - a completed order whose member was not paid is paid; a rating bonus likewise; a low rating
 *   not yet counted for follow-up is counted.
 * Only what is older than the grace period is touched; every step is guarded, so two copies at
 * once change nothing twice.
 */
import type { Job } from '../scheduler/job';
import { settledRange } from '../scheduler/reconcileWindow';
import { getMany, scanAll } from '../store/scan';
import { countInTally, holdsOf, releaseHold, type HoldsDoc } from '../store/holds';
import { cmd, type Filter } from '../store/port';
import { LEDGER, ledgerId, type LedgerEntry } from '../points/ledger';
import { pointRulesOf, type PointRules } from '../points/pointRules';
import type { Ports } from '../ports';
import { monthOf } from '../time';
import { COUNTERS, OPEN_STATUSES, type OrderDoc } from './orderDoc';
import { afterCompletion, afterRating, LOW_RATINGS, serviceMinutesOf } from './orderTransitions';
import { ledgerIdOf } from '../ledger/periodLedger';
import { HOURS_LEDGER } from '../hours/hoursLedger';
import type { ItemDoc } from '../menu/menuDocs';

type CounterDoc = HoldsDoc & { kind: 'open' | 'quota' };

const stillHolds = (counter: CounterDoc, order: OrderDoc | undefined): boolean => {
  if (!order) return false;
  if (counter.kind === 'open') return (OPEN_STATUSES as readonly string[]).includes(order.status);
  return order.status !== 'cancelled' && order.quotaHeld;
};

const releaseStaleHolds = async (ports: Ports, settledBefore: number): Promise<number> =>
  scanAll<CounterDoc>(ports.store, COUNTERS, { kind: cmd.in(['open', 'quota']), count: cmd.gt(0) }, async (counters) => {
    const stale = counters.flatMap((c) => holdsOf(c).filter((h) => h.at < settledBefore).map((h) => ({ counter: c, hold: h })));
    if (stale.length === 0) return 0;
    const orders = await getMany<OrderDoc>(ports.store, 'orders', stale.map((s) => s.hold.ref));
    const released = await Promise.all(
      stale
        .filter(({ counter, hold }) => !stillHolds(counter, orders.get(hold.ref)))
        .map(({ counter, hold }) => releaseHold(ports.store, COUNTERS, counter._id, hold.ref, hold.n)),
    );
    return released.filter(Boolean).length;
  });

const rulesOf = async (ports: Ports, communityIds: string[]): Promise<Map<string, PointRules>> => {
  const communities = await getMany<{ _id: string; pointRules?: Partial<PointRules> }>(ports.store, 'communities', communityIds);
  return new Map(communityIds.map((id) => [id, pointRulesOf(communities.get(id) ?? null)]));
};

/** Completed (or rated) orders whose completion pay, service hours or rating bonus is missing. */
const payMissing = async (ports: Ports, from: number, to: number): Promise<number> => {
  const filter: Filter = { status: cmd.in(['completed', 'rated']), completedAt: cmd.gte(from), $and: [{ completedAt: cmd.lt(to) }] };
  return scanAll<OrderDoc>(ports.store, 'orders', filter, async (orders) => {
    const served = orders.filter((o) => o.assigneeId);
    const wanted = served.flatMap((o) => [ledgerId('order_completed', o._id, o.assigneeId!), ledgerId('order_rating', o._id, o.assigneeId!)]);
    const hoursWanted = served.map((o) => ledgerIdOf('order_served', o._id, o.assigneeId!));
    const [paid, recorded, rules, items] = await Promise.all([
      getMany<LedgerEntry>(ports.store, LEDGER, wanted, ['_id']),
      getMany(ports.store, HOURS_LEDGER, hoursWanted, ['_id']),
      rulesOf(ports, [...new Set(served.map((o) => o.communityId))]),
      getMany<ItemDoc>(ports.store, 'service_items', served.filter((o) => o.durationMinutes === undefined).map((o) => o.itemId), ['durationMinutes']),
    ]);
    let changed = 0;
    for (const order of served) {
      const r = rules.get(order.communityId)!;
      const unpaid = !paid.has(ledgerId('order_completed', order._id, order.assigneeId!));
      const unrecorded = !recorded.has(ledgerIdOf('order_served', order._id, order.assigneeId!));
      if (unpaid || unrecorded) {
        await afterCompletion(ports, order, r, serviceMinutesOf(order, items.get(order.itemId) ?? null));
        changed++;
      }
      const stars = order.rating?.stars ?? null;
      if (order.status === 'rated' && stars !== null && stars >= 4 && !paid.has(ledgerId('order_rating', order._id, order.assigneeId!))) {
        await afterRating(ports, order, r);
        changed++;
      }
    }
    return changed;
  });
};

/** Low ratings not yet counted on the month's follow-up tally (countInTally is idempotent). */
const countLowRatings = (ports: Ports, from: number, to: number): Promise<number> =>
  scanAll<OrderDoc>(ports.store, 'orders', { lowRatedAt: cmd.gte(from), $and: [{ lowRatedAt: cmd.lt(to) }] }, async (orders) => {
    const counted = await Promise.all(orders.map((o) => countInTally(ports.store, LOW_RATINGS, o.communityId, monthOf(o.lowRatedAt!), o._id, o.lowRatedAt!)));
    return counted.filter(Boolean).length;
  });

export const reconcileOrders: Job = {
  name: 'orders.reconcile',
  async run(ports) {
    const { from, to } = settledRange(ports.clock.now());
    const [released, paid, counted] = await Promise.all([releaseStaleHolds(ports, to), payMissing(ports, from, to), countLowRatings(ports, from, to)]);
    return released + paid + counted;
  },
};
