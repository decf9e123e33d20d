import { ORDER_STATUS_LABELS, type OrderStatus } from '../../../types/orders';
import type { Caller } from '../runtime/defineFunction';
import { DomainError } from '../runtime/domainError';
import type { OrderDoc } from './orderDoc';

export const isStaff = (caller: Caller) => caller.role === 'staff' || caller.role === 'admin';

/** A refusal that names the state the order is really in. */
export const wrongState = (status: OrderStatus, doing: string): DomainError =>
  status === 'cancelled'
    ? new DomainError('CONFLICT', '订单已取消')
    : new DomainError('CONFLICT', `订单当前为“${ORDER_STATUS_LABELS[status]}”，不能${doing}`);

export const requireState = (order: OrderDoc, allowed: readonly OrderStatus[], doing: string): void => {
  if (!allowed.includes(order.status)) throw wrongState(order.status, doing);
};

export const requireAssignee = (order: OrderDoc, caller: Caller): void => {
  if (order.assigneeId !== caller.user._id) throw new DomainError('FORBIDDEN', '该订单不是派给您的');
};

/** The resident who ordered, or the staff member who ordered for them. */
export const isOrderer = (order: OrderDoc, caller: Caller): boolean =>
  order.residentId === caller.user._id || (order.proxyBy !== null && order.proxyBy === caller.user._id);
