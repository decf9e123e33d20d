import Taro from '@tarojs/taro';
import { Cell, CellGroup, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { MenuOutput, ServiceItem } from '../../../../../types/menu';
import type { UserSummary } from '../../../../../types/users';
import { EmptyState, ErrorState, LoadingState, PageShell, StatusTag } from '../../../../components';
import { call } from '../../../../services';
import { formatDuration } from '../../../../lib/time';
import { ROUTES } from '../../../../lib/routes';
import { OrderForm } from '../../../../pages/orders/components/OrderForm';
import '../../../../pages/orders/components/orders.scss';
import { elderlyFirst } from '../../components/residents';

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

const fetchResidents = () => call('users', 'listUsers', { role: 'resident' }).then(({ items }) => elderlyFirst(items));
const fetchMenu = () => call('orders', 'listMenu', {}).then((menu: MenuOutput) => menu.sections);

const ResidentStep = ({ onPick }: { onPick: (resident: UserSummary) => void }) => {
  const { state, load } = useLoad(fetchResidents);
  const [keyword, setKeyword] = useState('');
  if (state.status === 'loading') return <LoadingState text="正在加载居民…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={() => void load()} />;
  const word = keyword.trim();
  const shown = word ? state.value.filter((r) => r.name.includes(word) || r.phone.includes(word)) : state.value;
  return (
    <>
      <View className="form-card">
        <View className="form-field">
          <Input value={keyword} placeholder="按姓名或手机号查找居民" maxLength={20} onChange={setKeyword} />
        </View>
      </View>
      {shown.length === 0 ? (
        <EmptyState title={word ? '没有找到该居民' : '本社区还没有注册居民'} description={word ? '换个姓名或手机号试试。' : '居民注册后即可为其代点单。'} />
      ) : (
        <CellGroup title="第一步：选择居民（长辈在前）">
          {shown.map((resident) => (
            <Cell
              key={resident._id}
              clickable
              title={
                <View className="card__title">
                  <Text>{resident.name}</Text>
                  {resident.elderly ? <StatusTag text="长辈" tone="warning" /> : null}
                </View>
              }
              description={`${resident.building}${resident.room} · ${resident.phone}`}
              onClick={() => onPick(resident)}
            />
          ))}
        </CellGroup>
      )}
    </>
  );
};

const ItemStep = ({ onPick }: { onPick: (item: ServiceItem) => void }) => {
  const { state, load } = useLoad(fetchMenu);
  if (state.status === 'loading') return <LoadingState text="正在加载服务菜单…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={() => void load()} />;
  if (state.value.length === 0) return <EmptyState title="菜单上还没有可预约的服务" description="请先在“服务管理”中上架服务。" />;
  return (
    <>
      <Text className="section-title">第二步：选择服务</Text>
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
  if (!resident) step = <ResidentStep onPick={setResident} />;
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
        <View className="card">
          <View className="card__row">
            <Text>
              居民：{resident.name}
              {resident.elderly ? '（长辈）' : ''}
            </Text>
            <View
              className="link-text"
              onClick={() => {
                setResident(null);
                setItem(null);
              }}
            >
              <Text>更换居民</Text>
            </View>
          </View>
          {item ? (
            <View className="card__row">
              <Text>服务：{item.title}</Text>
              <View className="link-text" onClick={() => setItem(null)}>
                <Text>更换服务</Text>
              </View>
            </View>
          ) : null}
        </View>
      ) : null}
      {step}
    </PageShell>
  );
};

export default ProxyOrderPage;
