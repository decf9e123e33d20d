import { RATING_TAGS, type OrderStatus } from '../../../types/orders';
import { notify } from '../messages/notify';
import { awardPoints } from '../points/ledger';
import { pointRulesOf, type PointRules } from '../points/pointRules';
import { assertSameCommunity } from '../runtime/access';
import { actorOf, timelineEvent } from '../runtime/timeline';
import type { ActionSpec, Caller } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import { assertUploaded } from '../files/assertUploaded';
import { upd, type Transaction, type Update } from '../store/port';
import type { Ports } from '../ports';
import type { UserDoc } from '../users/userDoc';
import { isOrderer, isStaff, loadOrder, reloadOrder, requireAssignee, requireState, wrongState } from './orderAccess';
import { openCounterId, quotaCounterId, type OrderDoc } from './orderDoc';
import { toOrderView } from './orderView';

type Community = { _id: string; pointRules?: Partial<PointRules> };

/**
 * A change of state on the order alone: the guard is the state that was read, so of two
 * simultaneous changes exactly one modifies the order, and the other is told what happened.
 */
const guardedMove = async (
  ports: Ports,
  caller: Caller,
  order: OrderDoc,
  to: OrderStatus,
  changes: Update,
  doing: string,
  note = '',
  guard: Record<string, string> = {},
): Promise<OrderDoc> => {
  const now = ports.clock.now();
  const modified = await ports.store.updateWhere(
    'orders',
    { _id: order._id, status: order.status, ...guard },
    { ...changes, status: to, updatedAt: now, timeline: upd.push(timelineEvent(actorOf(caller), now, order.status, to, note)) },
  );
  const after = await reloadOrder(ports, order._id);
  if (modified === 0) {
    if (doing === '接单' && after.status !== 'submitted' && after.status !== 'cancelled') throw new DomainError('CONFLICT', '已被他人接单');
    throw wrongState(after.status, doing);
  }
  return after;
};

/**
 * The same guard inside a transaction, for changes that also move counters or pay points:
 * everything lands together or not at all.
 */
const inTransaction = async (
  ports: Ports,
  orderId: string,
  fn: (tx: Transaction, order: OrderDoc) => Promise<void>,
): Promise<OrderDoc> => {
  await ports.store.transaction(async (tx) => {
    const order = (await tx.get<OrderDoc>('orders', orderId)) ?? notFound('订单');
    await fn(tx, order);
  });
  return reloadOrder(ports, orderId);
};

const tellResident = (ports: Ports, order: OrderDoc, kind: string, title: string, body: string) =>
  notify(ports, { communityId: order.communityId, userId: order.residentId, kind, title, body, refType: 'order', refId: order._id });

const assignedNotice = (ports: Ports, order: OrderDoc) =>
  Promise.all([
    tellResident(ports, order, 'order_accepted', '您的服务已有党员接单', `“${order.itemTitle}”由${order.assigneeName}为您服务`),
    notify(ports, {
      communityId: order.communityId,
      userId: order.assigneeId ?? '',
      kind: 'order_assigned',
      title: '您有新的服务订单',
      body: `“${order.itemTitle}”，${order.date}，请及时联系居民`,
      refType: 'order',
      refId: order._id,
    }),
  ]);

const skillsMatch = (order: OrderDoc, member: UserDoc) => order.skills.length === 0 || order.skills.some((s) => member.skills.includes(s));

export const grabOrder: ActionSpec<'orders', 'grabOrder'> = {
  access: 'member',
  async run({ ports, caller }, input) {
    const order = await loadOrder(ports, caller, input.orderId);
    if (!skillsMatch(order, caller.user)) throw new DomainError('FORBIDDEN', '您的技能与该服务不匹配');
    if (order.status !== 'submitted') {
      throw order.status === 'cancelled' ? wrongState(order.status, '接单') : new DomainError('CONFLICT', '已被他人接单');
    }
    const after = await guardedMove(ports, caller, order, 'assigned', {
      assigneeId: caller.user._id,
      assigneeName: caller.user.name,
      assignedAt: ports.clock.now(),
      overdue: false,
    }, '接单', '党员抢单');
    await assignedNotice(ports, after);
    return toOrderView(after, caller);
  },
};

export const dispatchOrder: ActionSpec<'orders', 'dispatchOrder'> = {
  access: 'staff',
  async run({ ports, caller }, input) {
    const order = await loadOrder(ports, caller, input.orderId);
    const member = (await ports.store.get<UserDoc>('users', input.memberId)) ?? notFound('党员');
    assertSameCommunity(caller, member);
    if (member.role !== 'member') throw new DomainError('VALIDATION', '只能派给本社区的党员志愿者', { memberId: '只能派给本社区的党员志愿者' });
    requireState(order, ['submitted'], '派单');
    const after = await guardedMove(ports, caller, order, 'assigned', {
      assigneeId: member._id,
      assigneeName: member.name,
      assignedAt: ports.clock.now(),
      overdue: false,
    }, '派单', `派给${member.name}`);
    await assignedNotice(ports, after);
    return toOrderView(after, caller);
  },
};

export const declineOrder: ActionSpec<'orders', 'declineOrder'> = {
  access: 'member',
  async run({ ports, caller }, input) {
    const order = await loadOrder(ports, caller, input.orderId);
    requireState(order, ['assigned'], '退回');
    requireAssignee(order, caller);
    const after = await guardedMove(ports, caller, order, 'submitted', {
      assigneeId: null,
      assigneeName: null,
      assignedAt: null,
      submittedAt: ports.clock.now(),
    }, '退回', `退回：${input.reason}`, { assigneeId: caller.user._id });
    return toOrderView(after, caller);
  },
};

export const startOrder: ActionSpec<'orders', 'startOrder'> = {
  access: 'member',
  async run({ ports, caller }, input) {
    const order = await loadOrder(ports, caller, input.orderId);
    requireState(order, ['assigned'], '开始服务');
    requireAssignee(order, caller);
    const after = await guardedMove(ports, caller, order, 'serving', {}, '开始服务', '', { assigneeId: caller.user._id });
    return toOrderView(after, caller);
  },
};

export const completeOrder: ActionSpec<'orders', 'completeOrder'> = {
  access: 'member',
  async run({ ports, caller, now }, input) {
    const order = await loadOrder(ports, caller, input.orderId);
    requireState(order, ['serving'], '完成服务');
    requireAssignee(order, caller);
    await assertUploaded(ports, input.photos);
    const community = await ports.store.get<Community>('communities', order.communityId);
    const after = await inTransaction(ports, order._id, async (tx, current) => {
      requireAssignee(current, caller);
      requireState(current, ['serving'], '完成服务');
      await tx.updateById('orders', current._id, {
        status: 'completed',
        summary: input.summary,
        photos: upd.set(input.photos),
        completedAt: now,
        updatedAt: now,
        timeline: upd.push(timelineEvent(actorOf(caller), now, 'serving', 'completed', input.summary)),
      });
      await tx.updateById('counters', openCounterId(current.residentId), { value: upd.inc(-1) });
      await awardPoints(tx, {
        communityId: current.communityId,
        memberId: caller.user._id,
        delta: pointRulesOf(community).orderCompleted,
        reason: 'order_completed',
        refId: current._id,
        at: now,
        note: current.itemTitle,
        by: caller.user._id,
      });
    });
    await tellResident(ports, after, 'order_completed', '服务已完成，请评价', `“${after.itemTitle}”已完成，欢迎为${after.assigneeName}打分`);
    return toOrderView(after, caller);
  },
};

export const rateOrder: ActionSpec<'orders', 'rateOrder'> = {
  access: 'registered',
  async run({ ports, caller, now }, input) {
    const order = await loadOrder(ports, caller, input.orderId);
    if (!isOrderer(order, caller)) throw new DomainError('FORBIDDEN', '只有下单的居民可以评价');
    if (order.status === 'rated') throw new DomainError('CONFLICT', '该订单已评价');
    requireState(order, ['completed'], '评价');
    const community = await ports.store.get<Community>('communities', order.communityId);
    const rules = pointRulesOf(community);
    const bonus = input.stars === 5 ? rules.rating5 : input.stars === 4 ? rules.rating4 : 0;
    const tags = RATING_TAGS.filter((t) => input.tags.includes(t));
    const after = await inTransaction(ports, order._id, async (tx, current) => {
      if (current.status === 'rated') throw new DomainError('CONFLICT', '该订单已评价');
      requireState(current, ['completed'], '评价');
      await tx.updateById('orders', current._id, {
        status: 'rated',
        rating: upd.set({ stars: input.stars, tags, comment: input.comment ?? '', at: now, auto: false }),
        updatedAt: now,
        timeline: upd.push(timelineEvent(actorOf(caller), now, 'completed', 'rated', `${input.stars}星`)),
      });
      if (current.assigneeId && bonus > 0) {
        await awardPoints(tx, {
          communityId: current.communityId,
          memberId: current.assigneeId,
          delta: bonus,
          reason: 'order_rating',
          refId: current._id,
          at: now,
          note: `${input.stars}星好评`,
          by: caller.user._id,
        });
      }
    });
    return toOrderView(after, caller);
  },
};

export const cancelOrder: ActionSpec<'orders', 'cancelOrder'> = {
  access: 'registered',
  async run({ ports, caller, now }, input) {
    const order = await loadOrder(ports, caller, input.orderId);
    const staff = isStaff(caller);
    if (!staff && order.residentId !== caller.user._id) throw new DomainError('FORBIDDEN', '只能取消自己的订单');
    const allowed: OrderStatus[] = staff ? ['submitted', 'assigned', 'serving'] : ['submitted', 'assigned'];
    if (staff && !input.reason) throw new DomainError('VALIDATION', '请填写取消原因', { reason: '请填写取消原因' });
    requireState(order, allowed, '取消');
    const after = await inTransaction(ports, order._id, async (tx, current) => {
      requireState(current, allowed, '取消');
      await tx.updateById('orders', current._id, {
        status: 'cancelled',
        cancelReason: input.reason ?? '',
        updatedAt: now,
        timeline: upd.push(timelineEvent(actorOf(caller), now, current.status, 'cancelled', input.reason ?? '')),
      });
      await tx.updateById('counters', openCounterId(current.residentId), { value: upd.inc(-1) });
      // A cancelled order gives its place in the month's quota back.
      const quota = await tx.get('counters', quotaCounterId(current.itemId, current.month));
      if (quota) await tx.updateById('counters', quota._id, { value: upd.inc(-1) });
    });
    if (after.assigneeId) {
      await notify(ports, {
        communityId: after.communityId,
        userId: after.assigneeId,
        kind: 'order_cancelled',
        title: '订单已取消',
        body: `“${after.itemTitle}”已取消${input.reason ? `：${input.reason}` : ''}`,
        refType: 'order',
        refId: after._id,
      });
    }
    return toOrderView(after, caller);
  },
};
