import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { OrderStatus } from '../../../../../types/orders';
import { PageShell, SegmentTabs } from '../../../../components';
import { call } from '../../../../services';
import { ROUTES } from '../../../../lib/routes';
import { OrderList } from '../../../../pages/orders/components/OrderList';
import { useOrderPages, type FetchOrderPage } from '../../../../pages/orders/components/orderPages';
import { useListPage } from '../../../../lib/useListPage';

type Tab = 'all' | 'assigned' | 'serving' | 'done';

const TABS: ReadonlyArray<{ value: Tab; label: string; statuses: ReadonlyArray<OrderStatus | undefined>; empty: string }> = [
  { value: 'all', label: '全部', statuses: [undefined], empty: '还没有任务' },
  { value: 'assigned', label: '待服务', statuses: ['assigned'], empty: '没有待服务的任务' },
  { value: 'serving', label: '服务中', statuses: ['serving'], empty: '没有服务中的任务' },
  { value: 'done', label: '已完成', statuses: ['completed', 'rated'], empty: '还没有完成的任务' },
];

const fetchTasks: FetchOrderPage = (input) => call('orders', 'myTasks', input);

/** 我的任务: orders dispatched to or taken by this member, by status. */
const MyTasksPage = () => {
  const [tab, setTab] = useState<Tab>('all');
  const current = TABS.find((t) => t.value === tab) ?? TABS[0];
  const { state, load, loadMore } = useOrderPages(fetchTasks, current.statuses);
  useListPage({ reload: load, loadMore });

  return (
    <PageShell>
      <SegmentTabs tabs={TABS} value={tab} onChange={setTab} />
      <OrderList
        state={state}
        view="member"
        empty={{
          title: current.empty,
          description: '社区派单或您在任务大厅接单后，任务会出现在这里。',
          actionText: '去任务大厅',
          onAction: () => void Taro.navigateTo({ url: ROUTES.taskHall }),
        }}
        onOpen={(row) => void Taro.navigateTo({ url: ROUTES.taskDetail(row._id) })}
        onRetry={() => void load()}
        onMore={() => void loadMore()}
      />
    </PageShell>
  );
};

export default MyTasksPage;
