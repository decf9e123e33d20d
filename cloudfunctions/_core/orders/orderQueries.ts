import type { ListOrdersInput, OrderPage } from '../../../types/orders';
import type { ActionSpec, Caller } from '../runtime/defineFunction';
import { DomainError } from '../runtime/domainError';
import { cmd, type Filter } from '../store/port';
import type { Ports } from '../ports';
import { isStaff, loadOrder } from './orderAccess';
import type { OrderDoc } from './orderDoc';
import { toOrderView } from './orderView';

const DEFAULT_PAGE = 20;

const pageOf = async (ports: Ports, caller: Caller, filter: Filter, input: ListOrdersInput, newestFirst = true): Promise<OrderPage> => {
  const cursor = input.cursor ?? 0;
  const size = input.pageSize ?? DEFAULT_PAGE;
  const rows = await ports.store.find<OrderDoc>('orders', input.status ? { ...filter, status: input.status } : filter, {
    orderBy: [['createdAt', newestFirst ? 'desc' : 'asc']],
    skip: cursor,
    limit: size + 1,
  });
  return { items: rows.slice(0, size).map((o) => toOrderView(o, caller)), nextCursor: rows.length > size ? cursor + size : null };
};

export const getOrder: ActionSpec<'orders', 'getOrder'> = {
  access: 'registered',
  async run({ ports, caller }, input) {
    const order = await loadOrder(ports, caller, input.orderId);
    const mine = order.residentId === caller.user._id || order.proxyBy === caller.user._id;
    const assignee = order.assigneeId === caller.user._id;
    // Members may look at what is waiting in the task hall before taking it.
    const inHall = caller.role === 'member' && order.status === 'submitted';
    if (!mine && !assignee && !inHall && !isStaff(caller)) throw new DomainError('FORBIDDEN', '无权查看该订单');
    return toOrderView(order, caller);
  },
};

export const listMyOrders: ActionSpec<'orders', 'listMyOrders'> = {
  access: 'resident',
  run: ({ ports, caller }, input) => pageOf(ports, caller, { residentId: caller.user._id }, input),
};

export const myTasks: ActionSpec<'orders', 'myTasks'> = {
  access: 'member',
  run: ({ ports, caller }, input) => pageOf(ports, caller, { assigneeId: caller.user._id }, input),
};

export const listOrdersAdmin: ActionSpec<'orders', 'listOrdersAdmin'> = {
  access: 'staff',
  run: ({ ports, caller }, input) => pageOf(ports, caller, { communityId: caller.communityId }, input),
};

/** 任务大厅: orders waiting for a member, oldest first, that the member's skills can serve. */
export const taskHall: ActionSpec<'orders', 'taskHall'> = {
  access: 'member',
  async run({ ports, caller }, input) {
    const waiting = await ports.store.find<OrderDoc>('orders', { communityId: caller.communityId, status: 'submitted' }, {
      orderBy: [['createdAt', 'asc']],
      limit: 1000,
    });
    const skills = caller.user.skills;
    const matching = waiting.filter((o) => o.skills.length === 0 || o.skills.some((s) => skills.includes(s)));
    const cursor = input.cursor ?? 0;
    const size = input.pageSize ?? DEFAULT_PAGE;
    return {
      items: matching.slice(cursor, cursor + size).map((o) => toOrderView(o, caller)),
      nextCursor: matching.length > cursor + size ? cursor + size : null,
    };
  },
};

/** 派单台: what waits for dispatch, what is overdue, and the low ratings to follow up. */
export const dispatchBoard: ActionSpec<'orders', 'dispatchBoard'> = {
  access: 'staff',
  async run({ ports, caller }) {
    const community = { communityId: caller.communityId };
    const submitted = { ...community, status: 'submitted' };
    const overdue = { ...submitted, overdue: true };
    const lowRatings = { ...community, status: 'rated', 'rating.stars': cmd.lte(2) };
    const list = (filter: Filter) => ports.store.find<OrderDoc>('orders', filter, { orderBy: [['createdAt', 'asc']], limit: 20 });
    const [counts, toDispatch, overdueList, lowList] = await Promise.all([
      Promise.all([
        ports.store.count('orders', submitted),
        ports.store.count('orders', overdue),
        ports.store.count('orders', { ...community, status: cmd.in(['assigned', 'serving']) }),
        ports.store.count('orders', lowRatings),
      ]),
      list(submitted),
      list(overdue),
      list(lowRatings),
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
