import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ErrorState, EmptyState, ListFooter, LoadingState } from '../../../components';
import { OrderCard, type OrderCardView } from './OrderCard';
import type { OrderListState, OrderRow } from './orderPages';
import './orders.scss';

export interface OrderListProps {
  state: OrderListState;
  view: OrderCardView;
  empty: { title: string; description: string; actionText?: string; onAction?: () => void };
  onOpen: (row: OrderRow) => void;
  onRetry: () => void;
  onMore: () => void;
  /** Extra content under each card (抢单). */
  renderActions?: (row: OrderRow) => ReactNode;
}

/** Loading, error, empty, rows, and a footer that says whether more will come on scrolling. */
export const OrderList = ({ state, view, empty, onOpen, onRetry, onMore, renderActions }: OrderListProps) => {
  if (state.status === 'loading') return <LoadingState text="正在加载订单…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={onRetry} />;
  if (state.rows.length === 0 && !state.hasMore) return <EmptyState {...empty} />;
  return (
    <View>
      {state.rows.map((row) => (
        <OrderCard key={row._id} row={row} view={view} onClick={() => onOpen(row)}>
          {renderActions ? renderActions(row) : null}
        </OrderCard>
      ))}
      <ListFooter more={state.loadingMore ? 'loading' : state.moreError ? 'error' : 'idle'} hasMore={state.hasMore} onMore={onMore} />
    </View>
  );
};
