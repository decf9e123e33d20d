import { MAX_BOOKING_DAYS, MAX_OPEN_ORDERS } from '../../../types/orders';
import type { ItemDoc } from '../menu/menuDocs';
import { assertSameCommunity } from '../runtime/access';
import { actorOf, timelineEvent } from '../runtime/timeline';
import { defineAction, type Caller } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import { stableId } from '../runtime/ids';
import { releaseHold, takeHold, type TakeResult } from '../store/holds';
import { countEvents } from '../stats/countStats';
import { latestOrderEvent, refusalEvent } from '../stats/orderStats';
import { isDuplicateKey } from '../store/port';
import type { Ports } from '../ports';
import { addDays, dateOf, monthOf } from '../time';
import type { UserDoc } from '../users/userDoc';
import { isStaff } from './orderAccess';
import { COUNTERS, openCounterId, quotaCounterId, skillKeysOf, type OrderDoc } from './orderDoc';
import { toOrderView } from './orderView';
import { SCENES } from '../security/textCheck';

export const orderIdFor = (callerId: string, requestId: string) => stableId('order', callerId, requestId);

/** Who the order is for: the caller, or the resident staff order for (代点单). */
const residentFor = (caller: Caller, onBehalfOf: string | undefined, named: UserDoc | null): UserDoc => {
  if (isStaff(caller)) {
    if (!onBehalfOf) throw new DomainError('VALIDATION', '请选择代点单的居民', { onBehalfOf: '请选择代点单的居民' });
    const resident = named ?? notFound('居民');
    assertSameCommunity(caller, resident);
    if (resident.role !== 'resident' && resident.role !== 'member') throw new DomainError('VALIDATION', '只能为本社区居民代点单');
    return resident;
  }
  if (onBehalfOf && onBehalfOf !== caller.user._id) throw new DomainError('FORBIDDEN', '只有社区工作者可以代点单');
  return caller.user;
};

const giveBack = (ports: Ports, taken: TakeResult | null, counterId: string, orderId: string) =>
  taken?.taken ? releaseHold(ports.store, COUNTERS, counterId, orderId, 1) : Promise.resolve(false);

/**
 * 点菜. The order id comes from the caller and the client's request id, so a repeated request finds
 * the first order. The resident's open-order place and the item's monthly place are taken in one
 * round trip, each by a guarded update on its counter, held under the order's id: however many
 * requests arrive together, neither limit is exceeded, and a retry never takes twice. The order is
 * written next; a request that dies in between leaves holds without an order, which the
 * reconciler releases.
 */
export const createOrder = defineAction<'orders', 'createOrder'>()({
  access: 'registered',
  // The note is read by the member who serves the order.
  texts: (input) => [{ field: 'note', label: '备注', text: input.note, scene: SCENES.comment }],
  rate: { family: 'order', key: (_input, requestId) => `order:${requestId ?? ''}` },
  load: ({ ports, userId, requestId }, input) =>
    Promise.all([
      requestId ? ports.store.get<OrderDoc>('orders', orderIdFor(userId, requestId)) : Promise.resolve(null),
      ports.store.get<ItemDoc>('service_items', input.itemId),
      input.onBehalfOf ? ports.store.get<UserDoc>('users', input.onBehalfOf) : Promise.resolve(null),
    ]),
  async run({ ports, caller, now, requestId }, input, [existing, loadedItem, named]) {
    if (!requestId) throw new DomainError('VALIDATION', '缺少请求编号，请刷新后重试');
    const resident = residentFor(caller, input.onBehalfOf, named);
    if (existing) return toOrderView(existing, caller);

    const item = loadedItem ?? notFound('服务');
    assertSameCommunity(caller, item);
    if (item.status !== 'published') throw new DomainError('NOT_FOUND', '该服务已下架，暂不能预约');
    const today = dateOf(now);
    if (input.date < today || input.date > addDays(today, MAX_BOOKING_DAYS)) {
      const message = `请选择今天起${MAX_BOOKING_DAYS}天内的日期`;
      throw new DomainError('VALIDATION', message, { date: message });
    }

    const orderId = orderIdFor(caller.user._id, requestId);
    const month = monthOf(now);
    const self = resident._id === caller.user._id;
    const openId = openCounterId(resident._id);
    const quotaId = quotaCounterId(item._id, month);
    const [open, quota] = await Promise.all([
      takeHold(ports.store, COUNTERS, openId, orderId, 1, MAX_OPEN_ORDERS, now, { kind: 'open', residentId: resident._id, communityId: item.communityId }),
      item.monthlyQuota === null
        ? Promise.resolve(null)
        : takeHold(ports.store, COUNTERS, quotaId, orderId, 1, item.monthlyQuota, now, { kind: 'quota', itemId: item._id, month, communityId: item.communityId }),
    ]);
    if (!open.taken && open.reason === 'full') {
      await giveBack(ports, quota, quotaId, orderId);
      throw new DomainError('LIMIT', `${self ? '您' : resident.name}已有${MAX_OPEN_ORDERS}个进行中的订单，完成或取消后再下单`);
    }
    if (quota && !quota.taken && quota.reason === 'full') {
      await Promise.all([
        giveBack(ports, open, openId, orderId),
        // Demand the menu could not meet this month, for the monthly review.
        countEvents(ports, refusalEvent({ orderId, communityId: item.communityId, month, categoryName: item.categoryName, categoryKind: item.categoryKind, at: now })),
      ]);
      throw new DomainError('QUOTA', `“${item.title}”本月名额已用完，请下月再约`);
    }

    const order: OrderDoc = {
      _id: orderId,
      communityId: item.communityId,
      itemId: item._id,
      itemTitle: item.title,
      categoryName: item.categoryName,
      categoryKind: item.categoryKind,
      skills: item.skills,
      skillKeys: skillKeysOf(item.skills),
      residentId: resident._id,
      residentName: resident.name,
      phone: input.phone,
      address: input.address,
      date: input.date,
      slot: input.slot,
      note: input.note ?? '',
      status: 'submitted',
      proxyBy: self ? null : caller.user._id,
      assigneeId: null,
      assigneeName: null,
      summary: '',
      photos: [],
      rating: null,
      cancelReason: '',
      overdue: false,
      month,
      durationMinutes: item.durationMinutes,
      quotaHeld: quota !== null,
      lowRatedAt: null,
      lastRequestId: requestId,
      submittedAt: now,
      assignedAt: null,
      completedAt: null,
      timeline: [timelineEvent(actorOf(caller), now, null, 'submitted', self ? '' : '社区代点单')],
      createdBy: caller.user._id,
      createdAt: now,
      updatedAt: now,
    };
    try {
      // Counted in the month's review with the order itself; a crash between the two is settled by the reconciler.
      await Promise.all([ports.store.insert('orders', order), countEvents(ports, latestOrderEvent(order))]);
      return toOrderView(order, caller);
    } catch (e) {
      // The same request racing itself: the other copy wrote the order, under the same holds.
      if (!isDuplicateKey(e)) throw e;
      return toOrderView((await ports.store.get<OrderDoc>('orders', orderId)) ?? notFound('订单'), caller);
    }
  },
});
