import { Text } from '@tarojs/components';
import type { OrderStatus } from '../../../../types/orders';
import { ORDER_STATUS_LABELS } from '../../../../types/constants/orders';
import { StatusTag, type StatusTone } from '../../../components';
import './orders.scss';

/** 待派单 and 待评价 wait on someone (amber); in hand is brand red; done is green. */
const ORDER_TONES: Record<OrderStatus, StatusTone> = {
  submitted: 'warning',
  assigned: 'brand',
  serving: 'brand',
  completed: 'warning',
  rated: 'success',
  cancelled: 'muted',
};

export const OrderStatusTag = ({ status }: { status: OrderStatus }) => (
  <StatusTag text={ORDER_STATUS_LABELS[status]} tone={ORDER_TONES[status]} />
);

/** Unassigned for 48 h (the scheduler flags it). */
export const OverdueTag = () => <StatusTag text="超时未派" tone="danger" />;

/** ★★★★☆ — stars out of five; `null` stars (closed unrated) reads as 未评分. */
export const starsText = (stars: number | null, max = 5): string =>
  stars === null ? '未评分' : '★'.repeat(Math.max(0, Math.min(max, stars))) + '☆'.repeat(Math.max(0, max - stars));

export const StarsText = ({ stars, max = 5 }: { stars: number | null; max?: number }) => (
  <Text className="stars-text">{starsText(stars, max)}</Text>
);
