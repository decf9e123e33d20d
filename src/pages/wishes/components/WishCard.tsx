import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { WishView } from '../../../../types/wishes';
import { BENEFICIARY_TYPE_LABELS, WISH_KIND_LABELS } from '../../../../types/constants/wishes';
import { formatDeadline } from '../wishTime';
import { WishStatusTag } from './WishStatusTag';

export interface WishCardProps {
  wish: WishView;
  onOpen: () => void;
  /** A button or note under the card (认领, 不通过原因 …). */
  footer?: ReactNode;
}

/** One wish in a list: who it is for (masked for the public), what it is worth, until when. */
export const WishCard = ({ wish, onOpen, footer }: WishCardProps) => (
  <View className="card wish-card">
    <View onClick={onOpen}>
      <View className="card__title wish-card__title">
        <Text className="wish-card__name">{wish.title}</Text>
        <WishStatusTag status={wish.status} />
      </View>
      <View className="wish-card__meta">
        <Text className="wish-card__who">{wish.beneficiaryName}</Text>
        <Text className="wish-card__type">{BENEFICIARY_TYPE_LABELS[wish.beneficiaryType]}</Text>
        <Text className="wish-card__type">{WISH_KIND_LABELS[wish.kind]}</Text>
      </View>
      <Text className="wish-card__content">{wish.content}</Text>
      <View className="wish-card__facts">
        {/* 陪伴 and other wishes without a price show none; the price is a fact, not a highlight. */}
        {wish.value > 0 ? <Text className="wish-card__value">约{wish.value}元</Text> : null}
        <Text className="muted">截止 {formatDeadline(wish.deadline)}</Text>
      </View>
    </View>
    {footer ? <View className="wish-card__footer">{footer}</View> : null}
  </View>
);
