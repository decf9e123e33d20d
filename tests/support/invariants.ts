/**
 * What must always hold between the documents and what is derived from them, after any crash
 * once the reconciler has run. Answers the violations found, in words, so a failing test says
 * what went wrong.
 */
import type { ActivityDoc, SignupDoc } from '../../cloudfunctions/_core/activities/activityDocs';
import type { MessageDoc } from '../../cloudfunctions/_core/messages/notify';
import { promotionMessageId } from '../../cloudfunctions/_core/activities/seats';
import type { OrderDoc } from '../../cloudfunctions/_core/orders/orderDoc';
import { entryKeyOf, PERIODS_OF_ENTRY, periodKeyOf, totalsIdOf, type LedgerEntry, type PointsTotalDoc } from '../../cloudfunctions/_core/points/ledger';
import { MAX_ACTIVE_CLAIMS } from '../../types/wishes';
import { MAX_OPEN_ORDERS } from '../../types/orders';
import type { HoldsDoc } from '../../cloudfunctions/_core/store/holds';
import type { Store } from '../../cloudfunctions/_core/store/port';
import { scanAll } from '../../cloudfunctions/_core/store/scan';
import type { WishDoc } from '../../cloudfunctions/_core/wishes/wishDocs';
import { MEDIA_CHECKS, mediaCheckIdOf, type MediaCheckDoc } from '../../cloudfunctions/_core/security/mediaChecks';
import { SETUP_ID, SYSTEM, type SetupDoc } from '../../cloudfunctions/_core/users/setup';
import type { UserDoc } from '../../cloudfunctions/_core/users/userDoc';
import { appliedTo, STAFF_INVITES, type InviteDoc } from '../../cloudfunctions/_core/admin/staffInvites';
import { MAX_BALANCE, SUBSCRIBE_BALANCES, type BalanceDoc } from '../../cloudfunctions/_core/messages/subscribeBalances';
import { RATE_WINDOWS, type RateWindowDoc } from '../../cloudfunctions/_core/runtime/rateLimits';
import type { ActivityMenuDoc } from '../../cloudfunctions/_core/activities/activityDocs';
import { HOURS } from '../../cloudfunctions/_core/hours/hoursLedger';
import { totalsIdFor, type LedgerEntry as AnyEntry, type TotalsDoc } from '../../cloudfunctions/_core/ledger/periodLedger';
import { addInto, statsIdOf, type Counts, type StatEvent, type StatsDoc } from '../../cloudfunctions/_core/stats/statsDocs';
import { orderEvents } from '../../cloudfunctions/_core/stats/orderStats';
import { wishEvents } from '../../cloudfunctions/_core/stats/wishStats';
import { ledgerEvent } from '../../cloudfunctions/_core/stats/memberStats';
import { PRUNE_MARKS_AFTER_MS } from '../../cloudfunctions/_core/stats/statsReconcile';
import { activityEndEvent, activityRatingEvent } from '../../cloudfunctions/_core/stats/activityStats';

/** Every document of a collection, a page at a time. */
const all = async <T>(store: Store, collection: string): Promise<Array<T & { _id: string }>> => {
  const out: Array<T & { _id: string }> = [];
  await scanAll<T & { _id: string }>(store, collection, {}, async (page) => {
    out.push(...page);
    return 0;
  });
  return out;
};
const same = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
const HOLDING = ['confirmed', 'checked_in', 'no_show'];

/**
 * `now`, when given, is the clock of the store's world: marks of the monthly aggregates are only
 * kept for recent events (older ones are forgotten), so only events since then must have theirs.
 */
export const invariantViolations = async (store: Store, now?: number): Promise<string[]> => {
  const [activities, signups, orders, counters, wishes, claimCounters, ledger, totals, messages, hoursLedger, hoursTotals, stats, menus] = await Promise.all([
    all<ActivityDoc>(store, 'activities'),
    all<SignupDoc>(store, 'activity_signups'),
    all<OrderDoc>(store, 'orders'),
    all<HoldsDoc & { kind: string; residentId?: string; itemId?: string; month?: string }>(store, 'counters'),
    all<WishDoc>(store, 'wishes'),
    all<HoldsDoc>(store, 'wish_claim_counters'),
    all<LedgerEntry>(store, 'points_ledger'),
    all<PointsTotalDoc>(store, 'points_totals'),
    all<MessageDoc>(store, 'messages'),
    all<AnyEntry>(store, 'hours_ledger'),
    all<TotalsDoc>(store, 'hours_totals'),
    all<StatsDoc>(store, 'monthly_stats'),
    all<ActivityMenuDoc>(store, 'activity_menus'),
  ]);
  const out: string[] = [];

  // Places held = confirmed attendees ≤ capacity; a sign-up's status follows its hold.
  for (const a of activities) {
    const holders = Object.entries(a.holders ?? {});
    const held = holders.reduce((sum, [, h]) => sum + h.n, 0);
    const holding = signups.filter((s) => s.activityId === a._id && HOLDING.includes(s.status) && !s.volunteer);
    if (a.confirmedCount !== held) out.push(`activity ${a.title}: count ${a.confirmedCount} ≠ held ${held}`);
    if (held > a.capacity) out.push(`activity ${a.title}: ${held} places held over capacity ${a.capacity}`);
    if (!same(holders.map(([id]) => id), holding.map((s) => s._id))) out.push(`activity ${a.title}: holders ≠ sign-ups holding places`);
    for (const s of holding) if (a.holders[s._id] && a.holders[s._id].token !== s.seatToken) out.push(`sign-up ${s.userName}: token differs from its hold`);
    const attendees = holding.reduce((sum, s) => sum + s.attendees.length, 0);
    if (attendees !== held) out.push(`activity ${a.title}: ${attendees} attendees ≠ ${held} held`);
    const free = a.capacity - a.confirmedCount;
    const waiting = signups.filter((s) => s.activityId === a._id && s.status === 'waitlisted');
    if (waiting.some((s) => s.attendees.length <= free)) out.push(`activity ${a.title}: someone waits who fits in ${free} free places`);
    const numbers = waiting.map((s) => s.waitlistSeq);
    if (new Set(numbers).size !== numbers.length) out.push(`activity ${a.title}: two waiting share a number`);
  }
  // Nobody promoted twice, and no promotion without its notice.
  for (const s of signups) {
    const promotions = s.timeline.filter((e) => e.from === 'waitlisted' && e.to === 'confirmed').length;
    const stints = s.timeline.filter((e) => e.to === 'waitlisted').length;
    if (promotions > stints) out.push(`sign-up ${s.userName}: promoted ${promotions} times from ${stints} waits`);
    if (s.promotedAt && s.status !== 'cancelled' && !messages.some((m) => m._id === promotionMessageId(s.activityId, s, s.promotedAt!))) {
      out.push(`sign-up ${s.userName}: promoted without a notice`);
    }
  }

  // Counters = what they count.
  for (const c of counters) {
    const keys = Object.values(c.holds ?? {}).map((h) => h.ref);
    if (c.count !== keys.length) out.push(`counter ${c._id}: count ${c.count} ≠ ${keys.length} holds`);
    if (c.kind === 'open') {
      const open = orders.filter((o) => o.residentId === c.residentId && ['submitted', 'assigned', 'serving'].includes(o.status)).map((o) => o._id);
      if (!same(keys, open)) out.push(`open orders of ${c.residentId}: holds ≠ open orders`);
      if (c.count > MAX_OPEN_ORDERS) out.push(`open orders of ${c.residentId}: over ${MAX_OPEN_ORDERS}`);
    }
    if (c.kind === 'quota') {
      const using = orders.filter((o) => o.itemId === c.itemId && o.month === c.month && o.status !== 'cancelled' && o.quotaHeld).map((o) => o._id);
      if (!same(keys, using)) out.push(`quota ${c._id}: holds ≠ orders using it`);
    }
  }

  // Each wish at most one claimer; each member at most 3 claims, counted as held.
  for (const c of claimCounters) {
    const held = Object.values(c.holds ?? {}).map((h) => h.ref);
    const claimed = wishes.filter((w) => w.status === 'claimed' && w.claimerId === c._id).map((w) => w._id);
    if (!same(held, claimed)) out.push(`claims of ${c._id}: slots ≠ wishes claimed`);
    if (c.count !== held.length || c.count > MAX_ACTIVE_CLAIMS) out.push(`claims of ${c._id}: count ${c.count}`);
  }
  for (const w of wishes) if (w.status === 'claimed' && !claimCounters.some((c) => c._id === w.claimerId && Object.values(c.holds).some((h) => h.ref === w._id))) out.push(`wish ${w.title}: claimed without a slot`);

  // Points: totals = the ledger, each entry counted once in its month, quarter and year.
  for (const t of totals) {
    const sum = Object.values(t.entries).reduce((s, e) => s + e.d, 0);
    if (t.points !== sum) out.push(`totals ${t.period} ${t.key} of ${t.memberId}: ${t.points} ≠ counted ${sum}`);
    for (const e of Object.values(t.entries)) if (!ledger.some((l) => l._id === e.ref)) out.push(`totals ${t.period} ${t.key}: counts ${e.ref}, not in the ledger`);
  }
  for (const l of ledger) {
    for (const p of PERIODS_OF_ENTRY) {
      const t = totals.find((x) => x._id === totalsIdOf(l.memberId, p, periodKeyOf(p, l.at)));
      if (!t?.entries[entryKeyOf(l._id)]) out.push(`ledger ${l._id}: not counted in its ${p}`);
    }
  }
  // What earns points was paid.
  for (const o of orders) if (o.assigneeId && (o.status === 'completed' || o.status === 'rated') && !ledger.some((l) => l._id === `order_completed:${o._id}:${o.assigneeId}`)) out.push(`order ${o.itemTitle}: completed, not paid`);
  for (const w of wishes) if (w.status === 'confirmed' && w.claimerId && !ledger.some((l) => l._id === `wish_confirmed:${w._id}:${w.claimerId}`)) out.push(`wish ${w.title}: confirmed, not paid`);

  // Photos others see have a content check; none WeChat (or staff) found risky is still shown.
  const [checks, users, setup, invites, balances, windows] = await Promise.all([
    all<MediaCheckDoc>(store, MEDIA_CHECKS),
    all<UserDoc>(store, 'users'),
    store.get<SetupDoc>(SYSTEM, SETUP_ID),
    all<InviteDoc>(store, STAFF_INVITES),
    all<BalanceDoc>(store, SUBSCRIBE_BALANCES),
    all<RateWindowDoc>(store, RATE_WINDOWS),
  ]);
  const checked = new Map(checks.map((c) => [c._id, c]));
  const shown = [
    ...orders.flatMap((o) => o.photos.map((p) => ({ what: `order ${o.itemTitle}`, id: mediaCheckIdOf('order', o._id, p) }))),
    ...wishes.flatMap((w) => [...w.photos, ...w.fulfilPhotos].map((p) => ({ what: `wish ${w.title}`, id: mediaCheckIdOf('wish', w._id, p) }))),
  ];
  for (const s of shown) {
    const check = checked.get(s.id);
    if (!check) out.push(`${s.what}: a photo shown without a content check`);
    else if (check.status === 'risky') out.push(`${s.what}: a risky photo still shown`);
  }
  for (const c of checks) if (c.status === 'risky' && !c.applied) out.push(`photo check ${c._id}: risky, not applied`);

  // Setting up made its user the admin; every claimed invitation made its user staff.
  if (setup && users.find((u) => u._id === setup.adminId)?.role !== 'admin') out.push('setup: its user is not the admin');
  for (const i of invites) {
    if (!i.usedBy) continue;
    const user = users.find((u) => u._id === i.usedBy);
    if (!user || !appliedTo(user, i)) out.push(`invitation ${i._id}: claimed, its user not made staff`);
  }
  // Balances and rate windows count what they hold.
  for (const b of balances) if (b.count < 0 || b.count > MAX_BALANCE) out.push(`subscribe balance ${b._id}: ${b.count}`);
  for (const w of windows) if (w.count !== Object.keys(w.holds ?? {}).length) out.push(`rate window ${w._id}: count ${w.count} ≠ ${Object.keys(w.holds ?? {}).length} held`);
  // Hours: totals = the hours ledger; a completed order records its member's hours.
  for (const t of hoursTotals) {
    const sum = Object.values(t.entries).reduce((s, e) => s + e.d, 0);
    if ((t.minutes ?? 0) !== sum) out.push(`hours ${t.period} ${t.key} of ${t.memberId}: ${t.minutes} ≠ counted ${sum}`);
    for (const e of Object.values(t.entries)) if (!hoursLedger.some((l) => l._id === e.ref)) out.push(`hours ${t.period} ${t.key}: counts ${e.ref}, not in the ledger`);
  }
  for (const l of hoursLedger) {
    for (const p of HOURS.periods) {
      const t = hoursTotals.find((x) => x._id === totalsIdFor(HOURS, l.memberId, p, periodKeyOf(p, l.at)));
      if (!t?.entries[entryKeyOf(l._id)]) out.push(`hours ${l._id}: not counted in its ${p}`);
    }
  }
  for (const o of orders) if (o.assigneeId && (o.status === 'completed' || o.status === 'rated') && !hoursLedger.some((l) => l._id === `order_served:${o._id}:${o.assigneeId}`)) out.push(`order ${o.itemTitle}: completed, no hours`);

  // Every activity has its menu.
  for (const a of activities) if (!menus.some((m) => m._id === a.menuId)) out.push(`activity ${a.title}: its menu ${a.menuId} does not exist`);

  out.push(...statsViolations(stats, expectedEvents({ orders, wishes, ledger, hoursLedger, activities, signups }, stats), now === undefined ? -Infinity : now - PRUNE_MARKS_AFTER_MS));
  return out;
};

/** Every event the records imply (what the monthly aggregates must have counted). */
const expectedEvents = (
  r: { orders: OrderDoc[]; wishes: WishDoc[]; ledger: LedgerEntry[]; hoursLedger: AnyEntry[]; activities: ActivityDoc[]; signups: SignupDoc[] },
  stats: StatsDoc[],
): StatEvent[] => [
  ...r.orders.flatMap(orderEvents),
  ...r.wishes.flatMap(wishEvents),
  ...r.ledger.map((e) => ledgerEvent('points', e)),
  ...r.hoursLedger.map((e) => ledgerEvent('hours', e)),
  ...r.signups.map(activityRatingEvent).filter((e): e is StatEvent => e !== null),
  ...r.activities.filter((a) => a.noShowsMarked && a.published).map((a) => activityEndEvent(a, r.signups.filter((s) => s.activityId === a._id))),
  // A refusal is its own record.
  ...stats.flatMap((d) =>
    Object.entries(d.m ?? {})
      .filter(([, m]) => m.s === 'refusal')
      .map(([key, m]): StatEvent => ({ section: d.section, communityId: d.communityId, month: d.month, key, ref: m.ref, s: m.s, deltas: Object.fromEntries(m.d), at: m.at })),
  ),
];

const flat = (counts: Counts, prefix = '', out: Record<string, number> = {}): Record<string, number> => {
  for (const [k, v] of Object.entries(counts ?? {})) {
    if (typeof v === 'number') {
      if (v !== 0) out[`${prefix}${k}`] = v;
    } else flat(v, `${prefix}${k}.`, out);
  }
  return out;
};

/** The aggregates equal a recomputation from the records, and each counted event has its mark. */
const statsViolations = (stats: StatsDoc[], events: StatEvent[], markedSince: number): string[] => {
  const out: string[] = [];
  const expected = new Map<string, { counts: Counts; keys: Set<string>; all: Set<string> }>();
  for (const e of events) {
    const id = statsIdOf(e.communityId, e.section, e.month);
    const x = expected.get(id) ?? { counts: {}, keys: new Set<string>(), all: new Set<string>() };
    addInto(x.counts, e.deltas);
    if (e.at >= markedSince) x.keys.add(e.key);
    x.all.add(e.key);
    expected.set(id, x);
  }
  for (const [id, x] of expected) {
    const doc = stats.find((d) => d._id === id);
    const want = JSON.stringify(Object.entries(flat(x.counts)).sort());
    const have = JSON.stringify(Object.entries(flat(doc?.c ?? {})).sort());
    if (want !== have) out.push(`monthly stats ${doc ? `${doc.section} ${doc.month}` : id}: counts ${have} ≠ recomputed ${want}`);
    const unmarked = [...x.keys].filter((k) => !doc?.m?.[k]);
    if (unmarked.length) out.push(`monthly stats ${id}: events not marked ${unmarked.join(', ')}`);
  }
  for (const d of stats) {
    if (!expected.has(d._id) && Object.keys(flat(d.c)).length) out.push(`monthly stats ${d.section} ${d.month}: counts ${JSON.stringify(flat(d.c))} with nothing behind them`);
    const extra = Object.keys(d.m ?? {}).filter((k) => !expected.get(d._id)?.all.has(k));
    if (extra.length) out.push(`monthly stats ${d.section} ${d.month}: marks without their event ${extra.join(', ')}`);
  }
  return out;
};
