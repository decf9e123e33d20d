import { z } from './zod';
import { CalendarDate, Cursor, Id, Phone, Timestamp, intIn, optionalText, text } from './common';
import { Photos } from './files';
import { CategoryKind } from './menu';
import { Skill } from './users';
import { ORDER_STATUSES, SLOTS, RATING_TAGS } from './constants/orders';
export * from './constants/orders';

export const OrderStatus = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const Slot = z.enum(SLOTS);
export type Slot = z.infer<typeof Slot>;

export const RatingTag = z.enum(RATING_TAGS);

/** Days ahead a resident may book. */
export const MAX_BOOKING_DAYS = 30;

export const OrderEvent = z.object({
  at: Timestamp,
  by: z.string(),
  byName: z.string(),
  from: z.nullable(OrderStatus),
  to: OrderStatus,
  note: z.string(),
});
export type OrderEvent = z.infer<typeof OrderEvent>;

export const Rating = z.object({
  stars: z.nullable(z.number()),
  tags: z.array(RatingTag),
  comment: z.string(),
  at: Timestamp,
  auto: z.boolean(),
});
export type Rating = z.infer<typeof Rating>;

/**
 * An order as one viewer may see it: `address` and the full `phone` only for the resident, staff,
 * and the member while the order is assigned to them; otherwise the phone is masked.
 */
export const OrderView = z.object({
  _id: Id,
  communityId: Id,
  itemId: Id,
  itemTitle: z.string(),
  categoryName: z.string(),
  categoryKind: CategoryKind,
  skills: z.array(Skill),
  residentId: Id,
  residentName: z.string(),
  phone: z.string(),
  address: z.nullable(z.string()),
  date: z.string(),
  slot: Slot,
  note: z.string(),
  status: OrderStatus,
  proxy: z.boolean(),
  /** The staff member who ordered for the resident (代点单); they may rate it. */
  proxyBy: z.nullable(z.string()),
  assigneeId: z.nullable(z.string()),
  assigneeName: z.nullable(z.string()),
  summary: z.string(),
  photos: z.array(z.string()),
  rating: z.nullable(Rating),
  cancelReason: z.string(),
  overdue: z.boolean(),
  timeline: z.array(OrderEvent),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type OrderView = z.infer<typeof OrderView>;

/** The order form: the same schema checks the page and the request. */
export const OrderFields = z.object({
  itemId: Id,
  date: CalendarDate('预约日期'),
  slot: Slot,
  address: text('服务地址', 60),
  phone: Phone,
  note: optionalText('备注', 200),
});
export type OrderFields = z.infer<typeof OrderFields>;

export const CreateOrderInput = z.extend(OrderFields, {
  /** Staff ordering for a resident (代点单). */
  onBehalfOf: z.optional(Id),
});
export type CreateOrderInput = z.infer<typeof CreateOrderInput>;

export const OrderIdInput = z.object({ orderId: Id });
export const DispatchInput = z.object({ orderId: Id, memberId: Id });
export const ReasonInput = z.object({ orderId: Id, reason: text('原因', 100) });
export const CancelInput = z.object({ orderId: Id, reason: optionalText('取消原因', 100) });
export const CompleteInput = z.object({
  orderId: Id,
  summary: text('服务小结', 200),
  photos: Photos('服务照片', 6),
});
export const RateFields = z.object({
  stars: intIn('评分', 1, 5),
  tags: z.array(RatingTag).check(z.maxLength(4)),
  comment: optionalText('评价', 200),
});
export const RateInput = z.extend(RateFields, { orderId: Id });
export type RateInput = z.infer<typeof RateInput>;

export const ListOrdersInput = z.object({
  status: z.optional(OrderStatus),
  cursor: z.optional(Cursor),
  pageSize: z.optional(z.number().check(z.int(), z.gte(1), z.lte(50))),
});
export type ListOrdersInput = z.infer<typeof ListOrdersInput>;

export const OrderPage = z.object({ items: z.array(OrderView), nextCursor: z.nullable(z.string()) });
export type OrderPage = z.infer<typeof OrderPage>;

export const DispatchBoardOutput = z.object({
  counts: z.object({ submitted: z.number(), overdue: z.number(), inProgress: z.number(), lowRatings: z.number() }),
  toDispatch: z.array(OrderView),
  overdue: z.array(OrderView),
  lowRatings: z.array(OrderView),
});
export type DispatchBoardOutput = z.infer<typeof DispatchBoardOutput>;
