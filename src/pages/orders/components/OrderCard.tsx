import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { SLOT_LABELS } from '../../../../types/constants/orders';
import { OrderStatusTag, OverdueTag, StarsText } from './OrderStatusTag';
import type { OrderRow } from './orderPages';
import './orders.scss';

export type OrderCardView = 'resident' | 'member' | 'staff';

const whoLine = (row: OrderRow, view: OrderCardView): string => {
  if (view === 'resident') return row.assigneeName ? `服务志愿者：${row.assigneeName}` : row.status === 'cancelled' ? '订单已取消' : '等待社区派单';
  const resident = `居民：${row.residentName}${row.proxy ? '（代点单）' : ''} · ${row.phone}`;
  if (view === 'member') return resident;
  return `${resident}${row.assigneeName ? ` · 志愿者：${row.assigneeName}` : ''}`;
};

export interface OrderCardProps {
  row: OrderRow;
  view: OrderCardView;
  onClick?: () => void;
  /** Actions under the card (抢单 in the task hall). */
  children?: ReactNode;
}

/** One order in a list: what, when, state, and who is on the other side. */
export const OrderCard = ({ row, view, onClick, children }: OrderCardProps) => (
  <View className="card order-card" onClick={onClick}>
    <View className="order-card__head">
      <Text className="order-card__title">{row.itemTitle}</Text>
      <View className="order-card__tags">
        {row.overdue && row.status === 'submitted' ? <OverdueTag /> : null}
        <OrderStatusTag status={row.status} />
      </View>
    </View>
    <Text className="order-card__line">
      {row.categoryName} · 预约 {row.date} {SLOT_LABELS[row.slot]}
    </Text>
    <Text className="order-card__line">{whoLine(row, view)}</Text>
    {row.status === 'rated' ? (
      <Text className="order-card__line">
        评价：
        <StarsText stars={row.stars} />
      </Text>
    ) : null}
    {children}
  </View>
);
