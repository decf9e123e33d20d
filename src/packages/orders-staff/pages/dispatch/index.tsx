import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useState, type ReactNode } from 'react';
import type { DispatchBoardOutput, OrderView } from '../../../../../types/orders';
import { ErrorState, LoadingState, PageShell } from '../../../../components';
import { call } from '../../../../services';
import { ROUTES } from '../../../../lib/routes';
import { OrderCard } from '../../../../pages/orders/components/OrderCard';
import { toOrderRow } from '../../../../pages/orders/components/orderPages';
import '../../../../pages/orders/components/orders.scss';

type BoardState = { status: 'loading' } | { status: 'ready'; board: DispatchBoardOutput } | { status: 'error'; error: unknown };

const open = (order: OrderView) => () => void Taro.navigateTo({ url: ROUTES.staffOrder(order._id) });

const Section = ({ title, orders, empty }: { title: string; orders: OrderView[]; empty: string }) => (
  <>
    <Text className="section-title">{title}</Text>
    {orders.length === 0 ? (
      <View className="card">
        <Text className="muted">{empty}</Text>
      </View>
    ) : (
      orders.map((order) => <OrderCard key={order._id} row={toOrderRow(order)} view="staff" onClick={open(order)} />)
    )}
  </>
);

const Count = ({ label, value, alert }: { label: string; value: number; alert?: boolean }) => (
  <View className="count-grid__cell">
    <Text className={`count-grid__number${alert && value > 0 ? ' count-grid__number--alert' : ''}`}>{value}</Text>
    <Text className="count-grid__label">{label}</Text>
  </View>
);

/** 派单台: what waits for a volunteer, what has waited over 48 hours, and low ratings to follow up. */
const DispatchBoardPage = () => {
  const [state, setState] = useState<BoardState>({ status: 'loading' });

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setState({ status: 'loading' });
    try {
      setState({ status: 'ready', board: await call('orders', 'dispatchBoard', {}) });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, []);

  // Also on returning from an order that was just dispatched or cancelled.
  useDidShow(() => {
    void load(state.status === 'ready');
  });
  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState text="正在加载派单台…" />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void load()} />;
  else {
    const { board } = state;
    body = (
      <>
        <View className="count-grid">
          <Count label="待派单" value={board.counts.submitted} alert />
          <Count label="超时未派" value={board.counts.overdue} alert />
          <Count label="进行中" value={board.counts.inProgress} />
          <Count label="低分回访" value={board.counts.lowRatings} alert />
        </View>
        <Section title={`待派单（${board.counts.submitted}）`} orders={board.toDispatch} empty="没有待派单的订单，居民点单后会出现在这里。" />
        <Section title={`超时未派（${board.counts.overdue}）`} orders={board.overdue} empty="没有超过48小时未派的订单。" />
        <Section title={`低分回访（${board.counts.lowRatings}）`} orders={board.lowRatings} empty="没有2星及以下的评价。" />
        <Text className="footer-note">每区最多显示20条，最早的在前；下拉可刷新</Text>
      </>
    );
  }

  return <PageShell>{body}</PageShell>;
};

export default DispatchBoardPage;
