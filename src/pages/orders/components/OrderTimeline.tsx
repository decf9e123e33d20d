import type { OrderEvent, OrderStatus } from '../../../../types/orders';
import { ORDER_STATUS_LABELS } from '../../../../types/constants/orders';
import { Timeline, moveTextOf } from '../../../components';

/** "待派单 → 已派单"; the first event has no state before it. */
export const moveText = moveTextOf((status: OrderStatus) => ORDER_STATUS_LABELS[status], '提交订单');

/** The order's audit trail as both sides see it, newest first so the current state is at the top. */
export const OrderTimeline = ({ events }: { events: readonly OrderEvent[] }) => <Timeline events={events} titleOf={moveText} newestFirst />;
