import type { OrderView } from '../../../types/orders';
import type { Caller } from '../runtime/defineFunction';
import type { OrderDoc } from './orderDoc';

/** 13812341234 → 138****1234 */
export const maskPhone = (phone: string): string => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****');

/**
 * Who may see where the resident lives and how to call them: the resident, staff, and the member
 * only while the order is in their hands.
 */
export const seesContact = (order: OrderDoc, viewer: Caller): boolean => {
  if (viewer.role === 'staff' || viewer.role === 'admin') return true;
  if (order.residentId === viewer.user._id) return true;
  return order.assigneeId === viewer.user._id && (order.status === 'assigned' || order.status === 'serving');
};

export const toOrderView = (order: OrderDoc, viewer: Caller): OrderView => {
  const contact = seesContact(order, viewer);
  return {
    ...order,
    proxy: order.proxyBy !== null,
    phone: contact ? order.phone : maskPhone(order.phone),
    address: contact ? order.address : null,
  };
};
