import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Switch, Text, View } from '@tarojs/components';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { ActionOutput } from '../../../types/api';
import { ACTIVITY_MENU_STATUS_LABELS } from '../../../types/constants/activities';
import { EmptyState, ErrorState, LoadingState, PageShell, PeriodSwitcher, StatusTag } from '../../components';
import { askToSubscribe, call, isUnregistered, messageOf } from '../../services';
import { ROUTES } from '../../lib/routes';
import { ActivityCard, groupByDate } from './components/ActivityCard';
import { dateOf, dayLabel, monthLabel, monthOf, momentLabel, shiftMonth } from './lib/activityTime';
import './activities.scss';

type MonthMenu = ActionOutput<'activities', 'monthMenu'>;
type MenuState = { status: 'loading' } | { status: 'ready'; data: MonthMenu } | { status: 'error'; error: unknown };

/** The month's menu; a late answer for a month no longer shown is dropped. */
const useMonthMenu = () => {
  const [state, setState] = useState<MenuState>({ status: 'loading' });
  const latest = useRef('');

  const load = useCallback(async (month: string, quiet = false) => {
    latest.current = month;
    if (!quiet) setState({ status: 'loading' });
    try {
      const data = await call('activities', 'monthMenu', { month });
      if (latest.current === month) setState({ status: 'ready', data });
    } catch (error) {
      if (latest.current === month) setState({ status: 'error', error });
    }
  }, []);

  return { state, setState, load };
};

const ActivitiesPage = () => {
  const [month, setMonth] = useState(() => monthOf());
  const { state, setState, load } = useMonthMenu();
  const [savingSubscription, setSavingSubscription] = useState(false);

  // Also when coming back from a sign-up, which changes the places left.
  useDidShow(() => {
    void load(month, state.status === 'ready');
  });

  usePullDownRefresh(() => {
    void load(month, true).finally(() => Taro.stopPullDownRefresh());
  });

  const shift = (delta: number) => {
    const next = shiftMonth(month, delta);
    setMonth(next);
    void load(next);
  };

  const subscribe = async (on: boolean) => {
    if (state.status !== 'ready' || savingSubscription) return;
    // Switching on is the tap that precedes the menu message: ask first, before any await.
    if (on) void askToSubscribe('subscribeMenus');
    const before = state.data;
    setState({ status: 'ready', data: { ...before, subscribed: on } });
    setSavingSubscription(true);
    try {
      await call('activities', 'subscribeMenus', { subscribed: on });
      void Taro.showToast({ title: on ? '已订阅，新菜单发布时提醒您' : '已取消订阅', icon: 'none' });
    } catch (error) {
      setState((current) => (current.status === 'ready' ? { status: 'ready', data: { ...current.data, subscribed: before.subscribed } } : current));
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setSavingSubscription(false);
    }
  };

  const open = (activityId: string) => () => void Taro.navigateTo({ url: ROUTES.activityDetail(activityId) });

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState text="正在加载活动菜单…" />;
  else if (state.status === 'error') {
    // An unregistered visitor gets ErrorState's invitation to register.
    body = (
      <ErrorState
        error={state.error}
        onRetry={() => void load(month)}
      />
    );
  } else {
    const { menu, activities, subscribed, blockedUntil } = state.data;
    body = (
      <>
        {blockedUntil ? (
          <View className="card notice notice--warning">
            <Text className="notice__title">暂不能报名新活动</Text>
            <Text>因多次报名后未到场，{momentLabel(blockedUntil)}前暂不能报名。如有疑问请联系社区。</Text>
          </View>
        ) : null}
        {menu ? (
          <View className="card menu-head">
            <View className="card__title">
              <Text className="menu-head__title">{menu.title}</Text>
              {/* Staff see their own draft here too; residents only ever get published menus. */}
              {menu.status === 'draft' ? <StatusTag text={ACTIVITY_MENU_STATUS_LABELS.draft} tone="muted" /> : null}
            </View>
            <Text className="muted">
              共 <Text className="menu-head__count">{activities.length}</Text> 场活动，点击查看详情并报名
            </Text>
          </View>
        ) : null}
        {!menu || activities.length === 0 ? (
          <EmptyState
            title={`${monthLabel(month)}的活动菜单还未发布`}
            description="社区发布后会在这里显示。打开下方“订阅每月菜单”，发布时会提醒您；也可以看看下个月。"
            actionText="看看下个月"
            onAction={() => shift(1)}
          />
        ) : (
          groupByDate(activities, dateOf).map((group) => (
            <View key={group.key}>
              <Text className="section-title">{dayLabel(group.items[0].startAt)}</Text>
              {group.items.map((activity) => (
                <ActivityCard key={activity._id} activity={activity} unpublished={menu?.status === 'draft'} onClick={open(activity._id)} />
              ))}
            </View>
          ))
        )}
        <CellGroup>
          <Cell
            title="订阅每月菜单"
            description="每月菜单发布时提醒我"
            extra={<Switch className="app-switch" id="subscribe-switch" checked={subscribed} disabled={savingSubscription} color="#C8161D" onChange={(e) => void subscribe(e.detail.value)} />}
          />
        </CellGroup>
      </>
    );
  }

  return (
    <PageShell tab="activities">
      <PeriodSwitcher label={monthLabel(month)} onPrev={() => shift(-1)} onNext={() => shift(1)} />
      {state.status === 'error' && isUnregistered(state.error) ? null : (
        <View className="actions actions--top">
          <Button type="default" block onClick={() => void Taro.navigateTo({ url: ROUTES.mySignups })}>
            我的报名
          </Button>
        </View>
      )}
      {body}
    </PageShell>
  );
};

export default ActivitiesPage;
