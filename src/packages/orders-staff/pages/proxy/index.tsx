import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { MenuOutput, ServiceItem } from '../../../../../types/menu';
import type { UserSummary } from '../../../../../types/users';
import { EmptyState, ErrorState, LoadingState, PageShell } from '../../../../components';
import { call } from '../../../../services';
import { formatDuration } from '../../../../lib/time';
import { ROUTES } from '../../../../lib/routes';
import { OrderForm } from '../../../../pages/orders/components/OrderForm';
import '../../../../pages/orders/components/orders.scss';
import { ChosenResident, ResidentPicker } from '../../../../components/ResidentPicker';

type Load<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

const useLoad = <T,>(fetch: () => Promise<T>) => {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', value: await fetch() });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, [fetch]);
  useEffect(() => {
    void load();
  }, [load]);
  return { state, load };
};

const fetchMenu = () => call('orders', 'listMenu', {}).then((menu: MenuOutput) => menu.sections);

const ItemStep = ({ onPick }: { onPick: (item: ServiceItem) => void }) => {
  const { state, load } = useLoad(fetchMenu);
  if (state.status === 'loading') return <LoadingState text="正在加载服务菜单…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={() => void load()} />;
  if (state.value.length === 0) return <EmptyState title="菜单上还没有可预约的服务" description="请先在“服务管理”中上架服务。" />;
  return (
    <>
      <Text className="section-title">选择服务</Text>
      {state.value.map((section) => (
        <CellGroup key={section.category._id} title={section.category.name}>
          {section.items.map((item) => (
            <Cell
              key={item._id}
              clickable
              title={item.title}
              description={`${formatDuration(item.durationMinutes)}${item.skills.length ? ` · ${item.skills.join('、')}` : ''}`}
              onClick={() => onPick(item)}
            />
          ))}
        </CellGroup>
      ))}
    </>
  );
};

/** 代点单: staff order a service for a resident (elderly first), recorded on the order as such. */
const ProxyOrderPage = () => {
  const [resident, setResident] = useState<UserSummary | null>(null);
  const [item, setItem] = useState<ServiceItem | null>(null);

  let step: ReactNode;
  if (!resident) step = <ResidentPicker purpose="代点单" onPick={setResident} />;
  else if (!item) step = <ItemStep onPick={setItem} />;
  else
    step = (
      <OrderForm
        key={`${resident._id}:${item._id}`}
        item={item}
        prefill={{ address: `${resident.building}${resident.room}`, phone: resident.phone }}
        onBehalfOf={{ id: resident._id, name: resident.name }}
        onCreated={(order) => void Taro.redirectTo({ url: ROUTES.staffOrder(order._id) })}
      />
    );

  return (
    <PageShell>
      {resident ? (
        <ChosenResident
          resident={resident}
          purpose="代点单"
          onChange={() => {
            setResident(null);
            setItem(null);
          }}
        />
      ) : null}
      {resident && item ? (
        <View className="card card__row">
          <Text>服务：{item.title}</Text>
          <View className="link-text" onClick={() => setItem(null)}>
            <Text>更换服务</Text>
          </View>
        </View>
      ) : null}
      {step}
    </PageShell>
  );
};

export default ProxyOrderPage;
