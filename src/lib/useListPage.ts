import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef } from 'react';

export interface ListPageHandlers {
  /** Reads the list again; `quiet` keeps what is shown meanwhile. */
  reload: (quiet: boolean) => Promise<unknown>;
  /** The next page, when the list reaches the bottom. */
  loadMore: () => Promise<unknown> | void;
  /** What pull-to-refresh runs (default: a quiet reload). */
  refresh?: () => Promise<unknown>;
  /** Runs on every show, the first included. */
  onShow?: () => void;
}

/**
 * The lifecycle of a paged list page: coming back to it (after the first show) reloads quietly,
 * pull-to-refresh reloads and then stops the spinner, reaching the bottom loads more.
 */
export const useListPage = ({ reload, loadMore, refresh, onShow }: ListPageHandlers) => {
  const shown = useRef(false);
  useDidShow(() => {
    onShow?.();
    if (shown.current) void reload(true);
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void (refresh ? refresh() : reload(true)).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void loadMore();
  });
};
