import { Button } from '@nutui/nutui-react-taro';
import { Tips } from '@nutui/icons-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  /** What to do next, in words. */
  description?: string;
  actionText?: string;
  onAction?: () => void;
  /** A NutUI icon for what is missing; a hint mark by default. */
  icon?: ReactNode;
}

/** Every list's empty state says what to do next, and offers it when there is one action. Centred in a full-width card. */
export const EmptyState = ({ title, description, actionText, onAction, icon }: EmptyStateProps) => (
  <View className="state state--empty">
    <View className="state__icon">{icon ?? <Tips size={28} />}</View>
    <Text className="state__title">{title}</Text>
    {description ? <Text className="state__text">{description}</Text> : null}
    {actionText && onAction ? (
      <View className="state__action">
        <Button type="primary" onClick={onAction}>
          {actionText}
        </Button>
      </View>
    ) : null}
  </View>
);
