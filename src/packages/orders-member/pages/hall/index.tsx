import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PageShell } from '../../../../components';
import { call } from '../../../../services';
import { ROUTES } from '../../../../lib/routes';
import { OrderList } from '../../../../pages/orders/components/OrderList';
import { useOrderPages, type FetchOrderPage, type OrderRow } from '../../../../pages/orders/components/orderPages';
import { GrabDialog } from '../../components/GrabDialog';
import { grabOrder } from '../../components/grab';
import { useListPage } from '../../../../lib/useListPage';

const fetchHall: FetchOrderPage = (input) => call('orders', 'taskHall', input);
const ALL = [undefined] as const;

/** 任务大厅: orders waiting for a volunteer that the member's skills can serve, oldest first. */
const TaskHallPage = () => {
  const { state, load, loadMore } = useOrderPages(fetchHall, ALL);
  const [grabbing, setGrabbing] = useState<OrderRow | null>(null);
  const [busy, setBusy] = useState(false);
  useListPage({ reload: load, loadMore });

  const confirmGrab = async () => {
    if (!grabbing || busy) return;
    setBusy(true);
    const result = await grabOrder(grabbing._id);
    setBusy(false);
    setGrabbing(null);
    if (result.ok) void Taro.navigateTo({ url: ROUTES.taskDetail(result.order._id) });
    // Taken or cancelled meanwhile: show the hall as it is now.
    void load(true);
  };

  return (
    <PageShell>
      <View className="card">
        <Text className="muted">这里是与您技能匹配、等待接单的服务。为保护居民隐私，接单后才显示地址和完整电话。</Text>
      </View>
      <OrderList
        state={state}
        view="member"
        empty={{ title: '暂时没有待接的服务', description: '有居民点单时会出现在这里，社区也可能直接派单给您。下拉可刷新。' }}
        onOpen={(row) => void Taro.navigateTo({ url: ROUTES.taskDetail(row._id) })}
        onRetry={() => void load()}
        onMore={() => void loadMore()}
        renderActions={(row) => (
          <View className="actions" onClick={(e) => e.stopPropagation()}>
            <Button type="primary" fill="outline" disabled={busy} onClick={() => setGrabbing(row)}>
              抢单
            </Button>
          </View>
        )}
      />
      <GrabDialog order={grabbing} busy={busy} onConfirm={confirmGrab} onClose={() => setGrabbing(null)} />
    </PageShell>
  );
};

export default TaskHallPage;
