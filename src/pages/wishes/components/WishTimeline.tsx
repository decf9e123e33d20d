import { View } from '@tarojs/components';
import { Timeline } from '../../../components';
import type { WishEvent } from '../../../../types/wishes';
import { WISH_STATUS_LABELS } from '../../../../types/constants/wishes';
import { formatDateTime } from '../../../lib/time';
import { WishStatusTag } from './WishStatusTag';

/** What happened, in words people use: 发布心愿, 审核通过, 认领心愿 … */
export const eventLabel = (event: WishEvent): string => {
  if (event.from === null) return '发布心愿';
  switch (event.to) {
    case 'open':
      return event.from === 'pending_review' ? '审核通过' : '释放认领';
    case 'rejected':
      return '审核未通过';
    case 'claimed':
      return '认领心愿';
    case 'fulfilled':
      return '提交圆梦';
    case 'confirmed':
      return '确认收到';
    case 'withdrawn':
      return '撤回心愿';
    case 'expired':
      return '心愿过期';
    default:
      return WISH_STATUS_LABELS[event.to];
  }
};

/** Every state change, oldest first, as both sides see it. */
export const WishTimeline = ({ events }: { events: readonly WishEvent[] }) => (
  <View className="card">
    <View className="card__title">心愿进度</View>
    <Timeline
      className="wish-timeline"
      events={events}
      titleOf={(event) => `${event.byName} · ${eventLabel(event)}`}
      metaOf={(event) => formatDateTime(event.at)}
      tagOf={(event) => <WishStatusTag status={event.to} />}
    />
  </View>
);
