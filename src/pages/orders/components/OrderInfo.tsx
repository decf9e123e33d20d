import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { OrderView } from '../../../../types/orders';
import { SLOT_LABELS } from '../../../../types/constants/orders';
import { StatusTag } from '../../../components';
import { formatDateTime } from '../../../lib/time';
import { OrderStatusTag, OverdueTag, StarsText } from './OrderStatusTag';
import { OrderTimeline } from './OrderTimeline';
import { PhotoGrid } from './PhotoGrid';
import './orders.scss';

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <View className="card__row">
    <Text className="muted">{label}</Text>
    <Text>{children}</Text>
  </View>
);

/** Who is looking decides the copy: a resident sees 志愿者, a member and staff see the resident. */
export type OrderInfoView = 'resident' | 'member' | 'staff';

/**
 * A member sees the address only while the order is assigned to them (PRODUCT.md, privacy): before
 * that it comes with the order, after it the service is over and the address is gone again.
 */
export const addressText = (order: Pick<OrderView, 'address' | 'status'>, view: OrderInfoView): string => {
  if (order.address) return order.address;
  if (order.status === 'completed' || order.status === 'rated') return '服务已完成，地址不再显示';
  if (order.status === 'cancelled') return '订单已取消，地址不再显示';
  return view === 'member' ? '接单后可见' : '—';
};

/** The order's facts: the service, the appointment, the contact the viewer may see, and the result. */
export const OrderInfo = ({ order, view }: { order: OrderView; view: OrderInfoView }) => (
  <>
    <View className="card">
      <View className="card__title">
        <Text>{order.itemTitle}</Text>
        <OrderStatusTag status={order.status} />
        {order.overdue && order.status === 'submitted' ? <OverdueTag /> : null}
      </View>
      <Text className="muted">
        {order.categoryName}
        {order.proxy ? ' · 社区代点单' : ''} · 下单于 {formatDateTime(order.createdAt)}
      </Text>
    </View>
    <View className="card">
      <View className="card__title">预约信息</View>
      <Row label="服务时间">
        {order.date} {SLOT_LABELS[order.slot]}
      </Row>
      {view !== 'resident' ? <Row label="居民">{order.residentName}</Row> : null}
      <Row label="服务地址">{addressText(order, view)}</Row>
      <Row label="联系电话">{order.phone}</Row>
      {order.note ? <Row label="备注">{order.note}</Row> : null}
      {view !== 'member' ? <Row label="服务志愿者">{order.assigneeName ?? '待派单'}</Row> : null}
      {order.skills.length > 0 ? <Row label="所需技能">{order.skills.join('、')}</Row> : null}
      {order.cancelReason ? <Row label="取消原因">{order.cancelReason}</Row> : null}
    </View>
    {order.summary || order.photos.length > 0 ? (
      <View className="card">
        <View className="card__title">服务小结</View>
        {order.summary ? <Text>{order.summary}</Text> : null}
        {order.photos.length > 0 ? (
          <View className="card--spaced">
            <PhotoGrid photos={order.photos} />
          </View>
        ) : null}
      </View>
    ) : null}
    {order.rating ? (
      <View className="card">
        <View className="card__title">
          <Text>居民评价</Text>
          <StarsText stars={order.rating.stars} />
        </View>
        {order.rating.auto ? <Text className="muted">居民7天内未评价，系统已自动完成。</Text> : null}
        {order.rating.tags.length > 0 ? (
          <View className="skill-list">
            {order.rating.tags.map((tag) => (
              <StatusTag key={tag} text={tag} tone="success" />
            ))}
          </View>
        ) : null}
        {order.rating.comment ? <Text className="rating-comment">{order.rating.comment}</Text> : null}
      </View>
    ) : null}
  </>
);

export const OrderTimelineCard = ({ order }: { order: OrderView }) => (
  <View className="card">
    <View className="card__title">服务进度</View>
    <OrderTimeline events={order.timeline} assigneeId={order.assigneeId} />
  </View>
);
