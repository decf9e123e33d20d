import { Text, View } from '@tarojs/components';
import { ORDER_STATUS_LABELS, type OrderEvent } from '../../../../types/orders';
import { formatDateTime } from '../../../lib/time';
import './orders.scss';

/** "待派单 → 已派单"; the first event has no state before it. */
export const moveText = (event: Pick<OrderEvent, 'from' | 'to'>): string =>
  event.from === null ? `提交订单 → ${ORDER_STATUS_LABELS[event.to]}` : `${ORDER_STATUS_LABELS[event.from]} → ${ORDER_STATUS_LABELS[event.to]}`;

/**
 * The order's audit trail as both sides see it: who moved it, when, from which state to which, and
 * why. Newest first, so the current state is at the top.
 */
export const OrderTimeline = ({ events }: { events: readonly OrderEvent[] }) => {
  if (events.length === 0) return <Text className="muted">暂无记录</Text>;
  // Events are appended as they happen, so reversing keeps same-millisecond moves in order.
  const newestFirst = [...events].reverse();
  return (
    <View className="timeline">
      {newestFirst.map((event, index) => (
        <View key={`${event.at}-${index}`} className={`timeline__item${index === 0 ? ' timeline__item--latest' : ''}`}>
          <View className="timeline__dot" />
          <View className="timeline__head">
            <Text className="timeline__move">{moveText(event)}</Text>
          </View>
          <Text className="timeline__meta">
            {event.byName} · {formatDateTime(event.at)}
          </Text>
          {event.note ? <Text className="timeline__note">{event.note}</Text> : null}
        </View>
      ))}
    </View>
  );
};
