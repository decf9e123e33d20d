import { Button, Empty } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';

export interface EmptyStateProps {
  title: string;
  /** What to do next, in words. */
  description?: string;
  actionText?: string;
  onAction?: () => void;
}

/** Every list's empty state says what to do next, and offers it when there is one action. */
export const EmptyState = ({ title, description, actionText, onAction }: EmptyStateProps) => (
  <View className="state state--empty">
    {/* Our own mark: NutUI's default picture is fetched from a JD CDN, which local mode cannot reach. */}
    <Empty title={title} description={description} size="small" image={<View className="state__mark" />} />
    {actionText && onAction ? (
      <View className="state__action">
        <Button type="primary" onClick={onAction}>
          {actionText}
        </Button>
      </View>
    ) : null}
  </View>
);
