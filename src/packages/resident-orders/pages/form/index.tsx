import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ServiceItem } from '../../../../../types/menu';
import { EmptyState, ErrorState, LoadingState, PageShell } from '../../../../components';
import { call } from '../../../../services';
import { useCurrentUser } from '../../../../lib/currentUser';
import { ROUTES } from '../../../../lib/routes';
import { OrderForm } from '../../../../pages/orders/components/OrderForm';

type ItemState = { status: 'loading' } | { status: 'ready'; item: ServiceItem } | { status: 'error'; error: unknown };

/** 点菜: the order form for one published service, prefilled from the resident's profile. */
const OrderFormPage = () => {
  const { params } = useRouter();
  const itemId = params.itemId ? decodeURIComponent(params.itemId) : '';
  const { state: user, reload: reloadUser } = useCurrentUser();
  const [item, setItem] = useState<ItemState>({ status: 'loading' });

  const loadItem = useCallback(async () => {
    setItem({ status: 'loading' });
    try {
      setItem({ status: 'ready', item: await call('orders', 'getItem', { itemId }) });
    } catch (error) {
      setItem({ status: 'error', error });
    }
  }, [itemId]);

  useEffect(() => {
    void loadItem();
  }, [loadItem]);

  let body: ReactNode;
  if (item.status === 'loading' || user.status === 'loading') body = <LoadingState />;
  else if (item.status === 'error') body = <ErrorState error={item.error} onRetry={() => void loadItem()} />;
  else if (user.status === 'error') body = <ErrorState error={user.error} onRetry={() => void reloadUser()} />;
  else if (!user.user)
    body = (
      <EmptyState
        title="注册后才能点单"
        description="请先注册所在社区，再回来预约服务。"
        actionText="去注册"
        onAction={() => void Taro.navigateTo({ url: ROUTES.register })}
      />
    );
  else if (user.user.role === 'staff' || user.user.role === 'admin')
    body = (
      <EmptyState
        title="社区工作者请用代点单"
        description="为居民预约服务，请在“代点单”中先选择居民。"
        actionText="去代点单"
        onAction={() => void Taro.redirectTo({ url: ROUTES.proxyOrder })}
      />
    );
  else if (item.item.status !== 'published')
    body = <EmptyState title="该服务暂不可预约" description="服务已暂停或下架，可以回到服务菜单看看其他服务。" />;
  else {
    const profile = user.user;
    body = (
      <OrderForm
        item={item.item}
        prefill={{ address: `${profile.building}${profile.room}`, phone: profile.phone }}
        onCreated={(order) => void Taro.redirectTo({ url: ROUTES.orderDetail(order._id) })}
      />
    );
  }

  return <PageShell>{body}</PageShell>;
};

export default OrderFormPage;
