import { Text, View } from '@tarojs/components';
import type { PagedWishes } from '../usePagedWishes';

/** Under a paged list: loading the next page, a retry after a failed one, or the end. */
export const ListFooter = ({ state, onMore }: { state: PagedWishes; onMore: () => void }) => {
  if (state.status !== 'ready' || state.items.length === 0) return null;
  if (state.more === 'loading') return <Text className="footer-note">正在加载更多…</Text>;
  if (state.more === 'error') {
    return (
      <View onClick={onMore}>
        <Text className="footer-note">加载失败，点此重试</Text>
      </View>
    );
  }
  if (state.nextCursor !== null) {
    return (
      <View onClick={onMore}>
        <Text className="footer-note">上拉加载更多</Text>
      </View>
    );
  }
  return <Text className="footer-note">没有更多了 · 下拉可刷新</Text>;
};
