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
  /** The skills that may take it, or ['*'] when any member may: what the task hall queries. */
  skillKeys: string[];
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
  /** When it was last flagged overdue. */
  overdueAt?: number | null;
  /** The item's expected duration: the service hours its member records on completion. */
  durationMinutes?: number;
  /** The month whose quota this order used. */
  month: string;
  /** Whether it holds a place in the item's monthly quota (released when cancelled). */
  quotaHeld: boolean;
  /** Set when rated 2 stars or fewer: the staff follow these up. */
  lowRatedAt: number | null;
  /** The client request id of the last change: its retry answers the order as it is. */
  lastRequestId: string | null;
  submittedAt: number;
  assignedAt: number | null;
  completedAt: number | null;
  timeline: OrderEvent[];
  createdBy: string;
  createdAt: number;
  updatedAt: number;
};

export const COUNTERS = 'counters';

/** A resident's open orders (at most MAX_OPEN_ORDERS), held per order. */
export const openCounterId = (residentId: string) => `open:${residentId}`;
/** An item's places this month, held per order. */
export const quotaCounterId = (itemId: string, month: string) => `quota:${itemId}:${month}`;

export const skillKeysOf = (skills: readonly Skill[]): string[] => (skills.length ? [...skills] : ['*']);

/** Orders that are still open: they hold one of the resident's open-order places. */
export const OPEN_STATUSES = ['submitted', 'assigned', 'serving'] as const;
