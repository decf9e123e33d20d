import type { OrderEvent } from '../../../../types/orders';
import { Timeline } from '../../../components';
import { formatDateTime } from '../../../lib/time';
import { OrderStatusTag } from './OrderStatusTag';

/**
 * What happened, in words people use (提交订单, 派单, 接单 …), the same way wishes read: who did it
 * is in front of it, the new state is the tag beside it (docs/STYLE.md, timelines).
 */
export const orderEventLabel = (event: Pick<OrderEvent, 'from' | 'to' | 'by'>, assigneeId?: string | null): string => {
  if (event.from === null) return '提交订单';
  switch (event.to) {
    case 'assigned':
      return assigneeId && event.by === assigneeId ? '接单' : '派单';
    case 'submitted':
      return '退回派单';
    case 'serving':
      return '开始服务';
    case 'completed':
      return '完成服务';
    case 'rated':
      return '评价服务';
    case 'cancelled':
      return '取消订单';
    default:
      return '更新订单';
  }
};

/** The order's audit trail as both sides see it, oldest first with the latest move marked, like a wish's. */
export const OrderTimeline = ({ events, assigneeId }: { events: readonly OrderEvent[]; assigneeId?: string | null }) => (
  <Timeline
    events={events}
    titleOf={(event) => `${event.byName} · ${orderEventLabel(event as OrderEvent, assigneeId)}`}
    metaOf={(event) => formatDateTime(event.at)}
    tagOf={(event) => <OrderStatusTag status={event.to} />}
  />
);
