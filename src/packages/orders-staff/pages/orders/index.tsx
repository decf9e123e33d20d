import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { OrderStatus } from '../../../../../types/orders';
import { ORDER_STATUS_LABELS, ORDER_STATUSES } from '../../../../../types/constants/orders';
import { PageShell, SegmentTabs } from '../../../../components';
import { call } from '../../../../services';
import { ROUTES } from '../../../../lib/routes';
import { OrderList } from '../../../../pages/orders/components/OrderList';
import { useOrderPages, type FetchOrderPage } from '../../../../pages/orders/components/orderPages';
import { useListPage } from '../../../../lib/useListPage';

type Filter = 'all' | OrderStatus;

const FILTERS: ReadonlyArray<{ value: Filter; label: string }> = [
  { value: 'all', label: '全部' },
  ...ORDER_STATUSES.map((status) => ({ value: status, label: ORDER_STATUS_LABELS[status] })),
];

/** One stable statuses array per filter, so switching back does not refetch twice. */
const STATUSES: Record<Filter, ReadonlyArray<OrderStatus | undefined>> = {
  all: [undefined],
  submitted: ['submitted'],
  assigned: ['assigned'],
  serving: ['serving'],
  completed: ['completed'],
  rated: ['rated'],
  cancelled: ['cancelled'],
};

const fetchAll: FetchOrderPage = (input) => call('orders', 'listOrdersAdmin', input);

/** 全部订单: every order of the community, newest first, filterable by status. */
const AllOrdersPage = () => {
  const [filter, setFilter] = useState<Filter>('all');
  const { state, load, loadMore } = useOrderPages(fetchAll, STATUSES[filter]);
  useListPage({ reload: load, loadMore });

  return (
    <PageShell>
      {/* The same underline tabs as the resident's and the member's order lists. */}
      <SegmentTabs tabs={FILTERS} value={filter} onChange={setFilter} />
      <OrderList
        state={state}
        view="staff"
        empty={{
          title: filter === 'all' ? '本社区还没有订单' : `没有${ORDER_STATUS_LABELS[filter]}的订单`,
          description: '居民点单或您代点单后，订单会出现在这里。下拉可刷新。',
          ...(filter === 'all' ? { actionText: '去代点单', onAction: () => void Taro.navigateTo({ url: ROUTES.proxyOrder }) } : {}),
        }}
        onOpen={(row) => void Taro.navigateTo({ url: ROUTES.staffOrder(row._id) })}
        onRetry={() => void load()}
        onMore={() => void loadMore()}
      />
    </PageShell>
  );
};

export default AllOrdersPage;
