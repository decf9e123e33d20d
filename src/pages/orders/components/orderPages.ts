import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListOrdersInput, OrderPage, OrderStatus, OrderView } from '../../../../types/orders';

/** What a list shows of an order: small, so setData stays small however far one scrolls. */
export interface OrderRow {
  _id: string;
  itemTitle: string;
  categoryName: string;
  status: OrderStatus;
  date: string;
  slot: OrderView['slot'];
  residentName: string;
  phone: string;
  assigneeName: string | null;
  overdue: boolean;
  proxy: boolean;
  stars: number | null;
  createdAt: number;
}

export const toOrderRow = (order: OrderView): OrderRow => ({
  _id: order._id,
  itemTitle: order.itemTitle,
  categoryName: order.categoryName,
  status: order.status,
  date: order.date,
  slot: order.slot,
  residentName: order.residentName,
  phone: order.phone,
  assigneeName: order.assigneeName,
  overdue: order.overdue,
  proxy: order.proxy,
  stars: order.rating?.stars ?? null,
  createdAt: order.createdAt,
});

/** One server-side list (one status, or all) and how far it has been read. */
export interface OrderStream {
  status?: OrderStatus;
  rows: OrderRow[];
  cursor: string | null;
}

/**
 * A tab may cover several statuses (进行中 = 已派单 + 服务中); the server filters one status at a
 * time, so each is read as its own newest-first stream and merged. A row older than the last row
 * of a stream that still has more is held back until that stream is read further, so the merged
 * list never shows a gap that a later page would fill.
 */
export const mergeStreams = (streams: readonly OrderStream[]): OrderRow[] => {
  const unfinished = streams.filter((s) => s.cursor !== null && s.rows.length > 0);
  const threshold = unfinished.length > 0 ? Math.max(...unfinished.map((s) => s.rows[s.rows.length - 1].createdAt)) : -Infinity;
  return streams
    .flatMap((s) => s.rows)
    .filter((row) => row.createdAt >= threshold)
    .sort((a, b) => b.createdAt - a.createdAt || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0));
};

export type OrderListState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; rows: OrderRow[]; hasMore: boolean; loadingMore: boolean; moreError: unknown };

export type FetchOrderPage = (input: ListOrdersInput) => Promise<OrderPage>;

export const PAGE_SIZE = 10;

/**
 * A paginated order list for one tab: first page on `load`, the next on `loadMore` (wire it to
 * useReachBottom), whole reload on pull-to-refresh. Answers for a tab no longer shown are dropped.
 */
export const useOrderPages = (fetchPage: FetchOrderPage, statuses: ReadonlyArray<OrderStatus | undefined>) => {
  const [state, setState] = useState<OrderListState>({ status: 'loading' });
  const streams = useRef<OrderStream[]>([]);
  const generation = useRef(0);
  const busy = useRef(false);
  const key = statuses.join(',');

  const publish = (extra: { loadingMore: boolean; moreError: unknown }) =>
    setState({ status: 'ready', rows: mergeStreams(streams.current), hasMore: streams.current.some((s) => s.cursor !== null), ...extra });

  const load = useCallback(
    async (quiet = false) => {
      const mine = ++generation.current;
      busy.current = true;
      if (!quiet) setState({ status: 'loading' });
      try {
        const pages = await Promise.all(statuses.map((status) => fetchPage({ ...(status ? { status } : {}), pageSize: PAGE_SIZE })));
        if (mine !== generation.current) return;
        streams.current = pages.map((page, i) => ({ status: statuses[i], rows: page.items.map(toOrderRow), cursor: page.nextCursor }));
        publish({ loadingMore: false, moreError: null });
      } catch (error) {
        if (mine === generation.current) setState({ status: 'error', error });
      } finally {
        if (mine === generation.current) busy.current = false;
      }
    },
    [key, fetchPage],
  );

  const loadMore = useCallback(async () => {
    if (busy.current || !streams.current.some((s) => s.cursor !== null)) return;
    const mine = generation.current;
    busy.current = true;
    publish({ loadingMore: true, moreError: null });
    try {
      const next = await Promise.all(
        streams.current.map(async (stream) => {
          if (stream.cursor === null) return stream;
          const page = await fetchPage({ ...(stream.status ? { status: stream.status } : {}), cursor: stream.cursor, pageSize: PAGE_SIZE });
          return { ...stream, rows: [...stream.rows, ...page.items.map(toOrderRow)], cursor: page.nextCursor };
        }),
      );
      if (mine !== generation.current) return;
      streams.current = next;
      publish({ loadingMore: false, moreError: null });
    } catch (error) {
      if (mine === generation.current) publish({ loadingMore: false, moreError: error });
    } finally {
      if (mine === generation.current) busy.current = false;
    }
  }, [fetchPage]);

  useEffect(() => {
    void load();
  }, [load]);

  return { state, load, loadMore };
};
