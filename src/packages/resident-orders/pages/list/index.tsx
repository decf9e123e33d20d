import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { OrderStatus } from '../../../../../types/orders';
import { PageShell, SegmentTabs } from '../../../../components';
import { call } from '../../../../services';
import { ROUTES } from '../../../../lib/routes';
import { useListPage } from '../../../../lib/useListPage';
import { OrderList } from '../../../../pages/orders/components/OrderList';
import { useOrderPages, type FetchOrderPage } from '../../../../pages/orders/components/orderPages';

type Tab = 'all' | 'waiting' | 'active' | 'toRate' | 'done';

/** Each tab and the statuses it covers; 进行中 is 已派单 and 服务中 together. */
const TABS: ReadonlyArray<{ value: Tab; label: string; statuses: ReadonlyArray<OrderStatus | undefined>; empty: string }> = [
  { value: 'all', label: '全部', statuses: [undefined], empty: '还没有订单' },
  { value: 'waiting', label: '待派单', statuses: ['submitted'], empty: '没有待派单的订单' },
  { value: 'active', label: '进行中', statuses: ['assigned', 'serving'], empty: '没有进行中的订单' },
  { value: 'toRate', label: '待评价', statuses: ['completed'], empty: '没有待评价的订单' },
  { value: 'done', label: '已完成', statuses: ['rated'], empty: '还没有已完成的订单' },
];

const fetchMine: FetchOrderPage = (input) => call('orders', 'listMyOrders', input);

/** 我的订单: the resident's orders by state, newest first, paginated. */
const MyOrdersPage = () => {
  const [tab, setTab] = useState<Tab>('all');
  const current = TABS.find((t) => t.value === tab) ?? TABS[0];
  const { state, load, loadMore } = useOrderPages(fetchMine, current.statuses);
  // Coming back from an order (cancelled, rated) shows the list as it now is.
  useListPage({ reload: load, loadMore });

  return (
    <PageShell>
      <SegmentTabs tabs={TABS} value={tab} onChange={setTab} />
      <OrderList
        state={state}
        view="resident"
        empty={{
          title: current.empty,
          description: tab === 'all' || tab === 'waiting' ? '在服务菜单里选一项服务，点“我要点单”即可预约。' : '下拉可刷新；订单状态变化时也会通知您。',
          ...(tab === 'all' ? { actionText: '去服务菜单', onAction: () => void Taro.switchTab({ url: ROUTES.menu }) } : {}),
        }}
        onOpen={(row) => void Taro.navigateTo({ url: ROUTES.orderDetail(row._id) })}
        onRetry={() => void load()}
        onMore={() => void loadMore()}
      />
    </PageShell>
  );
};

export default MyOrdersPage;
