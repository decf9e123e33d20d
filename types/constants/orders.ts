/**
 * The orders vocabulary without zod: states, labels and limits that pages show. The weapp main
 * package imports these from here so that it does not carry zod; ../orders.ts re-exports them.
 */

export const ORDER_STATUSES = ['submitted', 'assigned', 'serving', 'completed', 'rated', 'cancelled'] as const;

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  submitted: '待派单',
  assigned: '已派单',
  serving: '服务中',
  completed: '待评价',
  rated: '已评价',
  cancelled: '已取消',
};

/** Orders that count against a resident's limit of 3. */
export const OPEN_ORDER_STATUSES = ['submitted', 'assigned', 'serving'] as const satisfies readonly OrderStatus[];

export const MAX_OPEN_ORDERS = 3;

export const SLOTS = ['morning', 'afternoon', 'evening'] as const;

export const SLOT_LABELS: Record<Slot, string> = { morning: '上午', afternoon: '下午', evening: '晚上' };

export const RATING_TAGS = ['准时', '专业', '热情', '耐心'] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type Slot = (typeof SLOTS)[number];
