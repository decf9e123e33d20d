import type { CategoryKind } from '../../../types/menu';
import type { OrderEvent, OrderStatus, Rating, Slot } from '../../../types/orders';
import type { Skill } from '../../../types/users';

export type OrderDoc = {
  _id: string;
  communityId: string;
  itemId: string;
  itemTitle: string;
  categoryName: string;
  categoryKind: CategoryKind;
  skills: Skill[];
  residentId: string;
  residentName: string;
  phone: string;
  address: string;
  date: string;
  slot: Slot;
  note: string;
  status: OrderStatus;
  /** The staff member who ordered on the resident's behalf (代点单). */
  proxyBy: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  summary: string;
  photos: string[];
  rating: Rating | null;
  cancelReason: string;
  overdue: boolean;
  /** Set with `overdue` and never cleared: the monthly review counts it as unmet demand. */
  everOverdue?: boolean;
  /** The month whose quota this order used. */
  month: string;
  submittedAt: number;
  assignedAt: number | null;
  completedAt: number | null;
  timeline: OrderEvent[];
  createdBy: string;
  createdAt: number;
  updatedAt: number;
};

export const openCounterId = (residentId: string) => `open:${residentId}`;
export const quotaCounterId = (itemId: string, month: string) => `quota:${itemId}:${month}`;
/** Orders refused for the month's quota: demand the menu could not meet. */
export const refusedCounterId = (itemId: string, month: string) => `refused:${itemId}:${month}`;

export type CounterDoc = { _id: string; value: number };
