import Taro from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { UserSummary } from '../../../../../types/users';
import { EmptyState, ErrorState, LoadingState, PageShell, StatusTag } from '../../../../components';
import { call } from '../../../../services';
import { ROUTES } from '../../../../lib/routes';
import { WishForm } from '../../../../pages/wishes/components/WishForm';
import '../../../../pages/wishes/wishes.scss';
import { residentsForProxy } from './residents';

type ResidentsState = { status: 'loading' } | { status: 'ready'; items: UserSummary[] } | { status: 'error'; error: unknown };

/** 代发心愿: staff pick a resident, then fill the same form, posted with `onBehalfOf`. */
const ProxyWishPage = () => {
  const [state, setState] = useState<ResidentsState>({ status: 'loading' });
  const [keyword, setKeyword] = useState('');
  const [chosen, setChosen] = useState<UserSummary | null>(null);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const { items } = await call('users', 'listUsers', {});
      setState({ status: 'ready', items: residentsForProxy(items) });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (chosen) {
    return (
      <PageShell>
        <View className="card">
          <View className="wish-resident">
            <View>
              <View className="card__title">
                <Text>为{chosen.name}代发心愿</Text>
                {chosen.elderly ? <StatusTag text="长辈" tone="warning" /> : null}
              </View>
              <Text className="muted">
                {chosen.building}
                {chosen.room} · {chosen.phone}
              </Text>
            </View>
            <Button type="default" size="small" onClick={() => setChosen(null)}>
              换一位
            </Button>
          </View>
        </View>
        <WishForm
          key={chosen._id}
          onBehalfOf={{ id: chosen._id, name: chosen.name }}
          initialBeneficiaryType={chosen.elderly ? 'elderly' : undefined}
          onPosted={(wish) => void Taro.redirectTo({ url: ROUTES.wishDetail(wish._id) })}
        />
      </PageShell>
    );
  }

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState text="正在读取居民名单…" />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void load()} />;
  else {
    const word = keyword.trim();
    const shown = word ? state.items.filter((u) => u.name.includes(word) || u.phone.includes(word) || u.building.includes(word)) : state.items;
    body =
      shown.length === 0 ? (
        <EmptyState title={word ? '没有找到这位居民' : '本社区还没有居民'} description={word ? '换个姓名、电话或楼栋再试。' : '居民注册后即可为其代发心愿。'} />
      ) : (
        shown.map((user) => (
          <View key={user._id} className="card wish-resident" onClick={() => setChosen(user)}>
            <View>
              <View className="card__title">
                <Text>{user.name}</Text>
                {user.elderly ? <StatusTag text="长辈" tone="warning" /> : null}
              </View>
              <Text className="muted">
                {user.building}
                {user.room} · {user.phone}
              </Text>
            </View>
            <Text className="muted">选择 ›</Text>
          </View>
        ))
      );
  }

  return (
    <PageShell>
      <View className="card">
        <View className="card__title">选择心愿人</View>
        <Text className="muted">为行动不便、不会用手机的居民代发心愿，长辈排在前面。</Text>
        <View className="form-card card--spaced">
          <Input value={keyword} placeholder="搜索姓名、电话或楼栋" onChange={setKeyword} />
        </View>
      </View>
      {body}
    </PageShell>
  );
};

export default ProxyWishPage;
