/**
 * 派单 / 接单 / 送菜 / 评菜 / 取消. Every change of state is one guarded update on the order, whose
 * guard is the state it leaves (two members grabbing at once: one modifies it, the other is told
 * what happened), and which answers the order as it now is. What follows from a change (the
 * resident's open-order place given back, points paid, notices) is written in the next round
 * trip, each piece idempotent, so that a retry or the reconciler can finish what a crash left.
 */
import { RATING_TAGS, SLOT_LABELS, type OrderStatus } from '../../../types/orders';
import { recordPhotoChecks } from '../security/mediaChecks';
import { SCENES } from '../security/textCheck';
import { notifyAll, type EventNotice } from '../messages/notify';
import { awardPoints } from '../points/ledger';
import { pointRulesOf, type PointRules } from '../points/pointRules';
import { assertSameCommunity } from '../runtime/access';
import { actorOf, timelineEvent } from '../runtime/timeline';
import { defineAction, type Caller } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import { countInTally, releaseHold } from '../store/holds';
import { upd, type Filter, type Update } from '../store/port';
import type { Ports } from '../ports';
import { monthOf } from '../time';
import { countEvents } from '../stats/countStats';
import { latestOrderEvent } from '../stats/orderStats';
import { recordHours } from '../hours/hoursLedger';
import type { ItemDoc } from '../menu/menuDocs';
import type { UserDoc } from '../users/userDoc';
import { isOrderer, isStaff, requireAssignee, requireState, wrongState } from './orderAccess';
import { COUNTERS, openCounterId, quotaCounterId, type OrderDoc } from './orderDoc';
import { toOrderView } from './orderView';

type Community = { _id: string; pointRules?: Partial<PointRules> };

/** Low ratings per community and month: the staff follow them up. */
export const LOW_RATINGS = 'low_ratings';

const orderOf = (caller: Caller, order: OrderDoc | null): OrderDoc => {
  const found = order ?? notFound('订单');
  assertSameCommunity(caller, found);
  return found;
};

interface Move {
  from: readonly OrderStatus[];
  to: OrderStatus;
  changes?: Update;
  guard?: Filter;
  doing: string;
  note?: string;
}

/**
 * Moves the order from one of `from` to `to` in one guarded update, and answers it as it now is.
 * When the guard fails: a retry of the request that made the change (same request id) answers
 * the order; anything else is told the state the order is really in.
 */
const move = async (ports: Ports, caller: Caller, order: OrderDoc, requestId: string | undefined, m: Move): Promise<OrderDoc> => {
  let seen = order;
  // The guard is the exact state read, so that the timeline says truly what it left; when the
  // order moved meanwhile to another state this change may also leave, it is tried from there.
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = ports.clock.now();
    const moved = await ports.store.updateAndReturn<OrderDoc>(
      'orders',
      { _id: order._id, status: seen.status, ...m.guard },
      {
        ...m.changes,
        status: m.to,
        updatedAt: now,
        lastRequestId: requestId ?? null,
        timeline: upd.push(timelineEvent(actorOf(caller), now, seen.status, m.to, m.note ?? '')),
      },
    );
    if (moved) return moved;
    seen = (await ports.store.get<OrderDoc>('orders', order._id)) ?? notFound('订单');
    if (requestId && seen.lastRequestId === requestId) return seen;
    if (!m.from.includes(seen.status)) break;
  }
  if (m.doing === '接单' && seen.status !== 'submitted' && seen.status !== 'cancelled') throw new DomainError('CONFLICT', '已被他人接单');
  throw wrongState(seen.status, m.doing);
};

const toResident = (order: OrderDoc, kind: string, title: string, body: string, at: number): EventNotice => ({
  communityId: order.communityId,
  userId: order.residentId,
  kind,
  title,
  body,
  refType: 'order',
  refId: order._id,
  at,
});

/** 2026-12-12 上午 → 12月12日上午 */
const scheduleOf = (order: Pick<OrderDoc, 'date' | 'slot'>) => {
  const [, m, d] = order.date.split('-').map(Number);
  return `${m}月${d}日${SLOT_LABELS[order.slot]}`;
};

/** The resident is told who serves them; the member what they took on (`how`: 社区派单 or 抢单成功). */
const assignedNotices = (order: OrderDoc, how: string): EventNotice[] => [
  {
    ...toResident(order, 'order_accepted', '您的服务已有党员接单', `“${order.itemTitle}”由${order.assigneeName}为您服务`, order.assignedAt ?? order.updatedAt),
    params: { service: order.itemTitle, member: order.assigneeName ?? '', schedule: scheduleOf(order), status: '已接单' },
  },
  {
    communityId: order.communityId,
    userId: order.assigneeId ?? '',
    kind: 'order_assigned',
    title: '您有新的服务订单',
    body: `“${order.itemTitle}”，${order.date}，请及时联系居民`,
    refType: 'order',
    refId: order._id,
    at: order.assignedAt ?? order.updatedAt,
    params: { service: order.itemTitle, schedule: scheduleOf(order), how, tip: '请及时联系居民' },
  },
];

const skillsMatch = (order: OrderDoc, member: UserDoc) => order.skills.length === 0 || order.skills.some((s) => member.skills.includes(s));

export const grabOrder = defineAction<'orders', 'grabOrder'>()({
  access: 'member',
  load: ({ ports }, input) => ports.store.get<OrderDoc>('orders', input.orderId),
  async run({ ports, caller, now, requestId }, _input, loaded) {
    const order = orderOf(caller, loaded);
    if (requestId && order.lastRequestId === requestId && order.assigneeId === caller.user._id) return toOrderView(order, caller);
    if (!skillsMatch(order, caller.user)) throw new DomainError('FORBIDDEN', '您的技能与该服务不匹配');
    if (order.status !== 'submitted') {
      throw order.status === 'cancelled' ? wrongState(order.status, '接单') : new DomainError('CONFLICT', '已被他人接单');
    }
    const after = await move(ports, caller, order, requestId, {
      from: ['submitted'],
      to: 'assigned',
      changes: { assigneeId: caller.user._id, assigneeName: caller.user.name, assignedAt: now, overdue: false },
      doing: '接单',
      note: '党员抢单',
    });
    await Promise.all([notifyAll(ports, assignedNotices(after, '抢单成功')), countEvents(ports, latestOrderEvent(after))]);
    return toOrderView(after, caller);
  },
});

export const dispatchOrder = defineAction<'orders', 'dispatchOrder'>()({
  access: 'staff',
  load: ({ ports }, input) => Promise.all([ports.store.get<OrderDoc>('orders', input.orderId), ports.store.get<UserDoc>('users', input.memberId)]),
  async run({ ports, caller, now, requestId }, _input, [loaded, member]) {
    const order = orderOf(caller, loaded);
    if (!member) return notFound('党员');
    assertSameCommunity(caller, member);
    if (member.role !== 'member') throw new DomainError('VALIDATION', '只能派给本社区的党员志愿者', { memberId: '只能派给本社区的党员志愿者' });
    if (requestId && order.lastRequestId === requestId) return toOrderView(order, caller);
    requireState(order, ['submitted'], '派单');
    const after = await move(ports, caller, order, requestId, {
      from: ['submitted'],
      to: 'assigned',
      changes: { assigneeId: member._id, assigneeName: member.name, assignedAt: now, overdue: false },
      doing: '派单',
      note: `派给${member.name}`,
    });
    await Promise.all([notifyAll(ports, assignedNotices(after, '社区派单')), countEvents(ports, latestOrderEvent(after))]);
    return toOrderView(after, caller);
  },
});

export const declineOrder = defineAction<'orders', 'declineOrder'>()({
  access: 'member',
  // The reason shows on the order's timeline, which the resident reads.
  texts: (input) => [{ field: 'reason', label: '退回原因', text: input.reason, scene: SCENES.comment }],
  load: ({ ports }, input) => ports.store.get<OrderDoc>('orders', input.orderId),
  async run({ ports, caller, now, requestId }, input, loaded) {
    const order = orderOf(caller, loaded);
    if (requestId && order.lastRequestId === requestId) return toOrderView(order, caller);
    requireState(order, ['assigned'], '退回');
    requireAssignee(order, caller);
    const after = await move(ports, caller, order, requestId, {
      from: ['assigned'],
      to: 'submitted',
      changes: { assigneeId: null, assigneeName: null, assignedAt: null, submittedAt: now },
      guard: { assigneeId: caller.user._id },
      doing: '退回',
      note: `退回：${input.reason}`,
    });
    await countEvents(ports, latestOrderEvent(after));
    return toOrderView(after, caller);
  },
});

export const startOrder = defineAction<'orders', 'startOrder'>()({
  access: 'member',
  load: ({ ports }, input) => ports.store.get<OrderDoc>('orders', input.orderId),
  async run({ ports, caller, requestId }, _input, loaded) {
    const order = orderOf(caller, loaded);
    if (requestId && order.lastRequestId === requestId) return toOrderView(order, caller);
    requireState(order, ['assigned'], '开始服务');
    requireAssignee(order, caller);
    const after = await move(ports, caller, order, requestId, { from: ['assigned'], to: 'serving', guard: { assigneeId: caller.user._id }, doing: '开始服务' });
    await countEvents(ports, latestOrderEvent(after));
    return toOrderView(after, caller);
  },
});

/** The service hours a completed order records: the item's expected duration. */
export const serviceMinutesOf = (order: Pick<OrderDoc, 'durationMinutes'>, item: Pick<ItemDoc, 'durationMinutes'> | null): number =>
  order.durationMinutes ?? item?.durationMinutes ?? 60;

/**
 * What completing an order brings: the resident's open place back, the member's points and
 * service hours, a notice.
 */
export const afterCompletion = async (ports: Ports, order: OrderDoc, rules: PointRules, minutes: number): Promise<void> => {
  const at = order.completedAt ?? order.updatedAt;
  await Promise.all([
    order.assigneeId
      ? recordHours(ports, {
          communityId: order.communityId,
          memberId: order.assigneeId,
          delta: minutes,
          reason: 'order_served',
          refId: order._id,
          at: ports.clock.now(),
          note: order.itemTitle,
          by: order.assigneeId,
        })
      : Promise.resolve(),
    releaseHold(ports.store, COUNTERS, openCounterId(order.residentId), order._id, 1),
    order.assigneeId
      ? awardPoints(ports, {
          communityId: order.communityId,
          memberId: order.assigneeId,
          delta: rules.orderCompleted,
          reason: 'order_completed',
          refId: order._id,
          at: ports.clock.now(),
          note: order.itemTitle,
          by: order.assigneeId,
        })
      : Promise.resolve(),
    notifyAll(ports, [
      {
        ...toResident(order, 'order_completed', '服务已完成，请评价', `“${order.itemTitle}”已完成，欢迎为${order.assigneeName}打分`, at),
        params: { service: order.itemTitle, member: order.assigneeName ?? '', time: at, tip: '欢迎为本次服务评价' },
      },
    ]),
  ]);
};

export const completeOrder = defineAction<'orders', 'completeOrder'>()({
  access: 'member',
  texts: (input) => [{ field: 'summary', label: '服务小结', text: input.summary, scene: SCENES.log }],
  load: async ({ ports }, input) => {
    const [order, photos] = await Promise.all([
      ports.store.get<OrderDoc>('orders', input.orderId),
      Promise.all(input.photos.map((id) => ports.files.exists(id))),
    ]);
    return { order, missingPhoto: photos.indexOf(false) };
  },
  async run({ ports, caller, openid, now, requestId }, input, { order: loaded, missingPhoto }) {
    const order = orderOf(caller, loaded);
    if (requestId && order.lastRequestId === requestId) return toOrderView(order, caller);
    requireState(order, ['serving'], '完成服务');
    requireAssignee(order, caller);
    if (missingPhoto >= 0) {
      throw new DomainError('VALIDATION', '图片不存在或已失效，请重新上传', { [`photos.${missingPhoto}`]: '图片不存在或已失效，请重新上传' });
    }
    const [after, community, , item] = await Promise.all([
      move(ports, caller, order, requestId, {
        from: ['serving'],
        to: 'completed',
        changes: { summary: input.summary, photos: upd.set(input.photos), completedAt: now },
        guard: { assigneeId: caller.user._id },
        doing: '完成服务',
        note: input.summary,
      }),
      ports.store.get<Community>('communities', order.communityId),
      // The photos' content checks, recorded with the change that shows them (security/mediaChecks.ts).
      recordPhotoChecks(ports, { refType: 'order', refId: order._id, communityId: order.communityId, userId: caller.user._id, openid, scene: SCENES.log, fileIds: input.photos }, now),
      // Orders placed before durations were kept on them: the item says.
      order.durationMinutes === undefined ? ports.store.get<ItemDoc>('service_items', order.itemId) : Promise.resolve(null),
    ]);
    await Promise.all([afterCompletion(ports, after, pointRulesOf(community), serviceMinutesOf(after, item)), countEvents(ports, latestOrderEvent(after))]);
    return toOrderView(after, caller);
  },
});

/** The rating bonus for the member, and a low rating counted for the staff to follow up. */
export const afterRating = async (ports: Ports, order: OrderDoc, rules: PointRules): Promise<void> => {
  const stars = order.rating?.stars ?? null;
  const bonus = stars === 5 ? rules.rating5 : stars === 4 ? rules.rating4 : 0;
  const at = order.rating?.at ?? order.updatedAt;
  await Promise.all([
    order.assigneeId && bonus > 0
      ? awardPoints(ports, {
          communityId: order.communityId,
          memberId: order.assigneeId,
          delta: bonus,
          reason: 'order_rating',
          refId: order._id,
          at: ports.clock.now(),
          note: `${stars}星好评`,
          by: order.residentId,
        })
      : Promise.resolve(),
    stars !== null && stars <= 2 ? countInTally(ports.store, LOW_RATINGS, order.communityId, monthOf(at), order._id, at) : Promise.resolve(false),
  ]);
};

export const rateOrder = defineAction<'orders', 'rateOrder'>()({
  access: 'registered',
  texts: (input) => [{ field: 'comment', label: '评价内容', text: input.comment, scene: SCENES.comment }],
  rate: { family: 'rating', key: (input) => `order:${input.orderId}` },
  load: ({ ports }, input) => ports.store.get<OrderDoc>('orders', input.orderId),
  async run({ ports, caller, now, requestId }, input, loaded) {
    const order = orderOf(caller, loaded);
    if (!isOrderer(order, caller)) throw new DomainError('FORBIDDEN', '只有下单的居民可以评价');
    if (requestId && order.lastRequestId === requestId) return toOrderView(order, caller);
    if (order.status === 'rated') throw new DomainError('CONFLICT', '该订单已评价');
    requireState(order, ['completed'], '评价');
    const tags = RATING_TAGS.filter((t) => input.tags.includes(t));
    const [after, community] = await Promise.all([
      move(ports, caller, order, requestId, {
        from: ['completed'],
        to: 'rated',
        changes: {
          rating: upd.set({ stars: input.stars, tags, comment: input.comment ?? '', at: now, auto: false }),
          lowRatedAt: input.stars <= 2 ? now : null,
        },
        doing: '评价',
        note: `${input.stars}星`,
      }).catch((e: unknown) => {
        if (e instanceof DomainError && e.message.includes('已评价')) throw new DomainError('CONFLICT', '该订单已评价');
        throw e;
      }),
      ports.store.get<Community>('communities', order.communityId),
    ]);
    await Promise.all([afterRating(ports, after, pointRulesOf(community)), countEvents(ports, latestOrderEvent(after))]);
    return toOrderView(after, caller);
  },
});

/** A cancelled order gives back the resident's open place and its place in the month's quota. */
export const afterCancel = async (ports: Ports, order: OrderDoc, reason: string): Promise<void> => {
  await Promise.all([
    releaseHold(ports.store, COUNTERS, openCounterId(order.residentId), order._id, 1),
    order.quotaHeld ? releaseHold(ports.store, COUNTERS, quotaCounterId(order.itemId, order.month), order._id, 1) : Promise.resolve(false),
    order.assigneeId
      ? notifyAll(ports, [
          {
            communityId: order.communityId,
            userId: order.assigneeId,
            kind: 'order_cancelled',
            title: '订单已取消',
            body: `“${order.itemTitle}”已取消${reason ? `：${reason}` : ''}`,
            refType: 'order',
            refId: order._id,
            at: order.updatedAt,
          },
        ])
      : Promise.resolve(),
  ]);
};

export const cancelOrder = defineAction<'orders', 'cancelOrder'>()({
  access: 'registered',
  load: ({ ports }, input) => ports.store.get<OrderDoc>('orders', input.orderId),
  async run({ ports, caller, requestId }, input, loaded) {
    const order = orderOf(caller, loaded);
    const staff = isStaff(caller);
    if (!staff && order.residentId !== caller.user._id) throw new DomainError('FORBIDDEN', '只能取消自己的订单');
    if (requestId && order.lastRequestId === requestId && order.status === 'cancelled') return toOrderView(order, caller);
    const allowed: OrderStatus[] = staff ? ['submitted', 'assigned', 'serving'] : ['submitted', 'assigned'];
    if (staff && !input.reason) throw new DomainError('VALIDATION', '请填写取消原因', { reason: '请填写取消原因' });
    requireState(order, allowed, '取消');
    const after = await move(ports, caller, order, requestId, {
      from: allowed,
      to: 'cancelled',
      changes: { cancelReason: input.reason ?? '' },
      doing: '取消',
      note: input.reason ?? '',
    });
    await Promise.all([afterCancel(ports, after, input.reason ?? ''), countEvents(ports, latestOrderEvent(after))]);
    return toOrderView(after, caller);
  },
});
