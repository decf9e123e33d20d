import type { WishView } from '../../../../types/wishes';
import { ListFooter as SharedListFooter } from '../../../components';
import type { PagedList } from '../../../lib/usePagedList';

/** Under a paged wish list: loading the next page, a retry after a failed one, or the end. */
export const ListFooter = ({ state, onMore }: { state: PagedList<WishView>; onMore: () => void }) =>
  state.status !== 'ready' || state.items.length === 0 ? null : (
    <SharedListFooter
      more={state.more}
      hasMore={state.nextCursor !== null}
      onMore={onMore}
      className="footer-note"
      classOnText
      loadingText="正在加载更多…"
      errorText="加载失败，点此重试"
      endText="没有更多了 · 下拉可刷新"
    />
  );
