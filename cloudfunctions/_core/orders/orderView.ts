import type { OrderView } from '../../../types/orders';
import type { Caller } from '../runtime/defineFunction';
import { maskName, maskPhone } from '../runtime/privacy';
import type { OrderDoc } from './orderDoc';

export { maskPhone };

/**
 * Who may see where the resident lives and how to call them: the resident, staff, and the member
 * only while the order is in their hands (PRODUCT.md "Privacy").
 */
export const seesContact = (order: OrderDoc, viewer: Caller): boolean => {
  if (viewer.role === 'staff' || viewer.role === 'admin') return true;
  if (order.residentId === viewer.user._id || order.proxyBy === viewer.user._id) return true;
  return order.assigneeId === viewer.user._id && (order.status === 'assigned' || order.status === 'serving');
};

/** Who may see the resident's full name: whoever sees the contact, and the member who served them. */
const seesName = (order: OrderDoc, viewer: Caller): boolean => seesContact(order, viewer) || order.assigneeId === viewer.user._id;

export const toOrderView = (order: OrderDoc, viewer: Caller): OrderView => {
  const contact = seesContact(order, viewer);
  const named = seesName(order, viewer);
  return {
    ...order,
    proxy: order.proxyBy !== null,
    residentName: named ? order.residentName : maskName(order.residentName),
    phone: contact ? order.phone : maskPhone(order.phone),
    address: contact ? order.address : null,
    // The resident's own steps carry their name: hidden like the name itself.
    timeline: named ? order.timeline : order.timeline.map((e) => (e.by === order.residentId ? { ...e, byName: maskName(e.byName) } : e)),
  };
};
