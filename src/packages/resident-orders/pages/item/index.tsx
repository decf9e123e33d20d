import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ServiceItem } from '../../../../../types/menu';
import { CATEGORY_KIND_LABELS } from '../../../../../types/constants/menu';
import { ErrorState, ItemStatusTag, LoadingState, PageShell, StatusTag } from '../../../../components';
import { call } from '../../../../services';
import { formatDuration } from '../../../../lib/time';
import { quotaText, quotaUsedUp } from '../../../../pages/orders/components/quota';
import { OrderItemButton } from '../../../../pages/orders/components/OrderItemButton';

type ItemState = { status: 'loading' } | { status: 'ready'; item: ServiceItem } | { status: 'error'; error: unknown };

const ItemPage = () => {
  const { params } = useRouter();
  const itemId = params.id ? decodeURIComponent(params.id) : '';
  const [state, setState] = useState<ItemState>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', item: await call('orders', 'getItem', { itemId }) });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, [itemId]);

  useEffect(() => {
    void load();
  }, [load]);

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void load()} />;
  else {
    const { item } = state;
    body = (
      <>
        <View className="card">
          <View className="card__title">
            <Text>{item.title}</Text>
            {item.status !== 'published' ? <ItemStatusTag status={item.status} /> : null}
          </View>
          <Text className="muted">
            {item.categoryName} · {CATEGORY_KIND_LABELS[item.categoryKind]}
          </Text>
        </View>
        <View className="card">
          <View className="card__title">服务说明</View>
          <Text>{item.description}</Text>
        </View>
        <View className="card">
          <View className="card__row">
            <Text className="muted">预计时长</Text>
            <Text>{formatDuration(item.durationMinutes)}</Text>
          </View>
          <View className="card__row">
            <Text className="muted">本月名额</Text>
            {item.monthlyQuota === null ? <Text>不限</Text> : <Text className={`quota${quotaUsedUp(item) ? ' quota--out' : ''}`}>{quotaText(item)}</Text>}
          </View>
          <View className="card__row">
            <Text className="muted">服务志愿者技能</Text>
            <View className="skill-list">
              {item.skills.length === 0 ? (
                <Text>不限</Text>
              ) : (
                item.skills.map((skill) => (
                  <StatusTag key={skill} text={skill} tone="brand" />
                ))
              )}
            </View>
          </View>
        </View>
        <OrderItemButton item={item} />
      </>
    );
  }

  return <PageShell>{body}</PageShell>;
};

export default ItemPage;
