import { MAX_BOOKING_DAYS, MAX_OPEN_ORDERS } from '../../../types/orders';
import type { ItemDoc } from '../menu/menuDocs';
import { assertSameCommunity } from '../runtime/access';
import { actorOf, timelineEvent } from '../runtime/timeline';
import type { ActionSpec } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import { stableId } from '../runtime/ids';
import { isDuplicateKey, upd } from '../store/port';
import type { Ports } from '../ports';
import { addDays, dateOf, monthOf } from '../time';
import type { UserDoc } from '../users/userDoc';
import { isStaff } from './orderAccess';
import { openCounterId, quotaCounterId, refusedCounterId, type CounterDoc, type OrderDoc } from './orderDoc';
import { toOrderView } from './orderView';

/** Counters exist before the transaction that reads them: a transaction cannot query or upsert. */
const ensureCounter = async (ports: Ports, id: string) => {
  try {
    await ports.store.insert<CounterDoc>('counters', { _id: id, value: 0 });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
};

/** Demand refused for the quota is counted outside the failed transaction, for the monthly review. */
const countRefusal = async (ports: Ports, id: string) => {
  await ensureCounter(ports, id);
  await ports.store.updateById('counters', id, { value: upd.inc(1) });
};

/**
 * 点菜. The order id comes from the caller and the client's request id, so a repeated request finds
 * the first order. The open-order limit, the item's monthly quota and the new order are written in
 * one transaction, so no number of simultaneous requests can overshoot either.
 */
export const createOrder: ActionSpec<'orders', 'createOrder'> = {
  access: 'registered',
  async run({ ports, caller, now, requestId }, input) {
    if (!requestId) throw new DomainError('VALIDATION', '缺少请求编号，请刷新后重试');
    let resident: UserDoc = caller.user;
    if (isStaff(caller)) {
      if (!input.onBehalfOf) throw new DomainError('VALIDATION', '请选择代点单的居民', { onBehalfOf: '请选择代点单的居民' });
      resident = (await ports.store.get<UserDoc>('users', input.onBehalfOf)) ?? notFound('居民');
      assertSameCommunity(caller, resident);
      if (resident.role !== 'resident' && resident.role !== 'member') throw new DomainError('VALIDATION', '只能为本社区居民代点单');
    } else if (input.onBehalfOf && input.onBehalfOf !== caller.user._id) {
      throw new DomainError('FORBIDDEN', '只有社区工作者可以代点单');
    }

    const orderId = stableId('order', caller.user._id, requestId);
    const existing = await ports.store.get<OrderDoc>('orders', orderId);
    if (existing) return toOrderView(existing, caller);

    const item = (await ports.store.get<ItemDoc>('service_items', input.itemId)) ?? notFound('服务');
    assertSameCommunity(caller, item);
    if (item.status !== 'published') throw new DomainError('NOT_FOUND', '该服务已下架，暂不能预约');

    const today = dateOf(now);
    if (input.date < today || input.date > addDays(today, MAX_BOOKING_DAYS)) {
      const message = `请选择今天起${MAX_BOOKING_DAYS}天内的日期`;
      throw new DomainError('VALIDATION', message, { date: message });
    }

    const month = monthOf(now);
    const openId = openCounterId(resident._id);
    const quotaId = quotaCounterId(item._id, month);
    await ensureCounter(ports, openId);
    if (item.monthlyQuota !== null) await ensureCounter(ports, quotaId);

    const order: OrderDoc = {
      _id: orderId,
      communityId: item.communityId,
      itemId: item._id,
      itemTitle: item.title,
      categoryName: item.categoryName,
      categoryKind: item.categoryKind,
      skills: item.skills,
      residentId: resident._id,
      residentName: resident.name,
      phone: input.phone,
      address: input.address,
      date: input.date,
      slot: input.slot,
      note: input.note ?? '',
      status: 'submitted',
      proxyBy: resident._id === caller.user._id ? null : caller.user._id,
      assigneeId: null,
      assigneeName: null,
      summary: '',
      photos: [],
      rating: null,
      cancelReason: '',
      overdue: false,
      month,
      submittedAt: now,
      assignedAt: null,
      completedAt: null,
      timeline: [timelineEvent(actorOf(caller), now, null, 'submitted', resident._id === caller.user._id ? '' : `代${resident.name}点单`)],
      createdBy: caller.user._id,
      createdAt: now,
      updatedAt: now,
    };

    const created = await ports.store
      .transaction(async (tx) => {
      const again = await tx.get<OrderDoc>('orders', orderId);
      if (again) return again;
      const open = await tx.get<CounterDoc>('counters', openId);
      if ((open?.value ?? 0) >= MAX_OPEN_ORDERS) {
        throw new DomainError('LIMIT', `${resident._id === caller.user._id ? '您' : resident.name}已有${MAX_OPEN_ORDERS}个进行中的订单，完成或取消后再下单`);
      }
      if (item.monthlyQuota !== null) {
        const quota = await tx.get<CounterDoc>('counters', quotaId);
        if ((quota?.value ?? 0) >= item.monthlyQuota) throw new DomainError('QUOTA', `“${item.title}”本月名额已用完，请下月再约`);
        await tx.updateById('counters', quotaId, { value: upd.inc(1) });
      }
      await tx.updateById('counters', openId, { value: upd.inc(1) });
      await tx.insert('orders', order);
      return order;
    })
      // The same request racing itself in the cloud: the loser's insert collides with the winner's.
      .catch(async (e: unknown) => {
        if (e instanceof DomainError && e.code === 'QUOTA') await countRefusal(ports, refusedCounterId(item._id, month));
        const winner = isDuplicateKey(e) ? await ports.store.get<OrderDoc>('orders', orderId) : null;
        if (!winner) throw e;
        return winner;
      });
    return toOrderView(created, caller);
  },
};
