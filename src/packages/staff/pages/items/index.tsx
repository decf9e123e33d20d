import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useCallback, useState, type ReactNode } from 'react';
import type { ItemStatus, ServiceItem } from '../../../../../types/menu';
import { ITEM_STATUS_LABELS, ITEM_STATUSES } from '../../../../../types/constants/menu';
import { EmptyState, ErrorState, ItemStatusTag, LoadingState, PageShell, SegmentTabs } from '../../../../components';
import { call } from '../../../../services';
import { formatDuration } from '../../../../lib/time';
import { ROUTES } from '../../../../lib/routes';

type Filter = 'all' | ItemStatus;
const FILTER_TABS: ReadonlyArray<{ value: Filter; label: string }> = [
  { value: 'all', label: '全部' },
  ...ITEM_STATUSES.map((status) => ({ value: status, label: ITEM_STATUS_LABELS[status] })),
];

type ItemsState = { status: 'loading' } | { status: 'ready'; items: ServiceItem[] } | { status: 'error'; error: unknown };

/** 备菜: every service item of the community, filterable by status. */
const ItemsPage = () => {
  const [filter, setFilter] = useState<Filter>('all');
  const [state, setState] = useState<ItemsState>({ status: 'loading' });

  const load = useCallback(async (which: Filter, quiet = false) => {
    if (!quiet) setState({ status: 'loading' });
    try {
      const { items } = await call('orders', 'listItemsAdmin', which === 'all' ? {} : { status: which });
      setState({ status: 'ready', items });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, []);

  // Also on returning from the editor, where an item may have been created or changed.
  useDidShow(() => {
    void load(filter, state.status === 'ready');
  });

  usePullDownRefresh(() => {
    void load(filter, true).finally(() => Taro.stopPullDownRefresh());
  });

  const changeFilter = (next: Filter) => {
    setFilter(next);
    void load(next);
  };

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void load(filter)} />;
  else if (state.items.length === 0)
    body = (
      <EmptyState
        title={filter === 'all' ? '还没有服务' : `没有${ITEM_STATUS_LABELS[filter]}的服务`}
        description="点击“新建服务”准备本月的服务菜单。"
      />
    );
  else
    body = (
      <CellGroup>
        {state.items.map((item) => (
          <Cell
            key={item._id}
            clickable
            title={item.title}
            description={`${item.categoryName} · ${formatDuration(item.durationMinutes)}${item.monthlyQuota === null ? '' : ` · 每月${item.monthlyQuota}次`}`}
            extra={<ItemStatusTag status={item.status} />}
            onClick={() => void Taro.navigateTo({ url: ROUTES.staffItemEditor(item._id) })}
          />
        ))}
      </CellGroup>
    );

  return (
    <PageShell>
      <View className="actions actions--stacked actions--top">
        <Button type="primary" block onClick={() => void Taro.navigateTo({ url: ROUTES.staffItemEditor() })}>
          新建服务
        </Button>
      </View>
      <SegmentTabs tabs={FILTER_TABS} value={filter} onChange={changeFilter} />
      {body}
    </PageShell>
  );
};

export default ItemsPage;
