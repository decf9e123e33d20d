import type { OrderStatus, OrderView } from '../../types/orders';
import type { DemoKey, Harness } from './harness';

// A tiny valid PNG: the local file store checks the bytes, not just the name.
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082',
  'hex',
);

let sequence = 0;
export const requestId = () => `req-${Date.now().toString(36)}-${(sequence += 1)}`;

/** The menu item a test orders: 小家电维修 needs 家电维修, which member-zhang has. */
export const itemByTitle = async (h: Harness, title: string) => {
  const menu = await h.okAs('staff-li')('orders', 'listItemsAdmin', {});
  const item = menu.items.find((i) => i.title === title);
  if (!item) throw new Error(`no item ${title}`);
  return item;
};

export const orderForm = (itemId: string, overrides: Record<string, unknown> = {}) => ({
  itemId,
  date: '2026-11-25',
  slot: 'morning' as const,
  address: '2号楼2单元402',
  phone: '13800000022',
  note: '电饭煲不加热',
  ...overrides,
});

/** Drives a fresh order of `resident` to `state` through the real handlers. */
export const orderIn = async (h: Harness, state: OrderStatus, resident: DemoKey = 'resident-sun', title = '小家电维修'): Promise<OrderView> => {
  const item = await itemByTitle(h, title);
  let order = await h.okAs(resident)('orders', 'createOrder', orderForm(item._id), requestId());
  if (state === 'submitted') return order;
  if (state === 'cancelled') return h.okAs(resident)('orders', 'cancelOrder', { orderId: order._id });
  order = await h.okAs('staff-li')('orders', 'dispatchOrder', { orderId: order._id, memberId: h.userId('member-zhang') });
  if (state === 'assigned') return order;
  order = await h.okAs('member-zhang')('orders', 'startOrder', { orderId: order._id });
  if (state === 'serving') return order;
  const photo = h.app.files.save(PNG, 'image/png');
  order = await h.okAs('member-zhang')('orders', 'completeOrder', { orderId: order._id, summary: '已更换保险丝，恢复加热', photos: [photo] });
  if (state === 'completed') return order;
  return h.okAs(resident)('orders', 'rateOrder', { orderId: order._id, stars: 5, tags: ['准时'], comment: '很满意' });
};
