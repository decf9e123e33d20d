import { Text, View } from '@tarojs/components';

export interface ListFooterProps {
  /** The next page: being read, failed, or neither. */
  more: 'idle' | 'loading' | 'error';
  hasMore: boolean;
  onMore?: () => void;
  className?: string;
  loadingText?: string;
  errorText?: string;
  moreText?: string;
  endText?: string;
  /** Put the class on the text inside a tappable line rather than on the line itself. */
  classOnText?: boolean;
}

/** Under a paged list: loading the next page, a retry after a failed one, more on scrolling, or the end. */
export const ListFooter = ({
  more,
  hasMore,
  onMore,
  className = 'list-footer',
  loadingText = '正在加载…',
  errorText = '加载失败，点击重试',
  moreText = '上拉加载更多',
  endText = '没有更多了',
  classOnText = false,
}: ListFooterProps) => {
  const tappable = (text: string) =>
    classOnText ? (
      <View onClick={onMore}>
        <Text className={className}>{text}</Text>
      </View>
    ) : (
      <View className={className} onClick={onMore}>
        <Text>{text}</Text>
      </View>
    );
  if (more === 'loading') return <Text className={className}>{loadingText}</Text>;
  if (more === 'error' && onMore) return tappable(errorText);
  if (hasMore) return onMore ? tappable(moreText) : <Text className={className}>{moreText}</Text>;
  return <Text className={className}>{endText}</Text>;
};
