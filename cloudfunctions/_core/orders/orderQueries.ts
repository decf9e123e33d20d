import type { ListOrdersInput, OrderPage } from '../../../types/orders';
import { assertSameCommunity } from '../runtime/access';
import { defineAction, type ActionSpec, type Caller } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import { keysetPage } from '../store/keyset';
import { cmd, type Filter } from '../store/port';
import type { Ports } from '../ports';
import { DAY_MS } from '../time';
import { isStaff } from './orderAccess';
import type { OrderDoc } from './orderDoc';
import { toOrderView } from './orderView';

const DEFAULT_PAGE = 20;

/** Low ratings stay on the dispatch board this long for follow-up. */
export const LOW_RATING_DAYS = 30;

const pageOf = async (ports: Ports, filter: Filter, input: ListOrdersInput, newestFirst = true) =>
  keysetPage<OrderDoc>(ports.store, 'orders', input.status ? { ...filter, status: input.status } : filter, [['createdAt', newestFirst ? 'desc' : 'asc']], input.cursor, input.pageSize ?? DEFAULT_PAGE);

const viewPage = (page: Awaited<ReturnType<typeof pageOf>>, caller: Caller): OrderPage => ({
  items: page.items.map((o) => toOrderView(o, caller)),
  nextCursor: page.nextCursor,
});

export const getOrder = defineAction<'orders', 'getOrder'>()({
  access: 'registered',
  load: ({ ports }, input) => ports.store.get<OrderDoc>('orders', input.orderId),
  async run({ caller }, _input, loaded) {
    const order = loaded ?? notFound('订单');
    assertSameCommunity(caller, order);
    const mine = order.residentId === caller.user._id || order.proxyBy === caller.user._id;
    const assignee = order.assigneeId === caller.user._id;
    // Members may look at what is waiting in the task hall before taking it.
    const inHall = caller.role === 'member' && order.status === 'submitted';
    if (!mine && !assignee && !inHall && !isStaff(caller)) throw new DomainError('FORBIDDEN', '无权查看该订单');
    return toOrderView(order, caller);
  },
});

/** A resident's own orders: read with the caller, since they are keyed by the caller's id. */
export const listMyOrders = defineAction<'orders', 'listMyOrders'>()({
  access: 'resident',
  load: ({ ports, userId }, input) => pageOf(ports, { residentId: userId }, input),
  run: async ({ caller }, _input, page) => viewPage(page, caller),
});

export const myTasks = defineAction<'orders', 'myTasks'>()({
  access: 'member',
  load: ({ ports, userId }, input) => pageOf(ports, { assigneeId: userId }, input),
  run: async ({ caller }, _input, page) => viewPage(page, caller),
});

export const listOrdersAdmin: ActionSpec<'orders', 'listOrdersAdmin'> = {
  access: 'staff',
  run: async ({ ports, caller }, input) => viewPage(await pageOf(ports, { communityId: caller.communityId }, input), caller),
};

/** 任务大厅: orders waiting for a member, oldest first, that the member's skills can serve. */
export const taskHall: ActionSpec<'orders', 'taskHall'> = {
  access: 'member',
  async run({ ports, caller }, input) {
    const filter: Filter = { communityId: caller.communityId, status: 'submitted', skillKeys: cmd.in([...caller.user.skills, '*']) };
    return viewPage(await pageOf(ports, filter, { ...input, status: undefined }, false), caller);
  },
};

/** 派单台: what waits for dispatch, what is overdue, and the recent low ratings to follow up. */
export const dispatchBoard: ActionSpec<'orders', 'dispatchBoard'> = {
  access: 'staff',
  async run({ ports, caller, now }) {
    const community = { communityId: caller.communityId };
    const submitted = { ...community, status: 'submitted' };
    const overdue = { ...submitted, overdue: true };
    const lowRatings = { ...community, lowRatedAt: cmd.gte(now - LOW_RATING_DAYS * DAY_MS) };
    const oldestFirst = (filter: Filter) =>
      ports.store.find<OrderDoc>('orders', filter, { orderBy: [['createdAt', 'asc'], ['_id', 'asc']], limit: 20 });
    const [counts, toDispatch, overdueList, lowList] = await Promise.all([
      Promise.all([
        ports.store.count('orders', submitted),
        ports.store.count('orders', overdue),
        ports.store.count('orders', { ...community, status: cmd.in(['assigned', 'serving']) }),
        ports.store.count('orders', lowRatings),
      ]),
      oldestFirst(submitted),
      oldestFirst(overdue),
      ports.store.find<OrderDoc>('orders', lowRatings, { orderBy: [['lowRatedAt', 'desc'], ['_id', 'desc']], limit: 20 }),
    ]);
    const view = (orders: OrderDoc[]) => orders.map((o) => toOrderView(o, caller));
    return {
      counts: { submitted: counts[0], overdue: counts[1], inProgress: counts[2], lowRatings: counts[3] },
      toDispatch: view(toDispatch),
      overdue: view(overdueList),
      lowRatings: view(lowList),
    };
  },
};
