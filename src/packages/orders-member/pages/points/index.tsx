import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { POINT_REASON_LABELS, type MyPointsOutput } from '../../../../../types/points';
import { EmptyState, ErrorState, LoadingState, PageShell } from '../../../../components';
import { call, messageOf } from '../../../../services';
import { formatDateTime } from '../../../../lib/time';
import { ROUTES } from '../../../../lib/routes';
import { starLevelText } from '../../../../pages/orders/components/pointsText';

type PointsState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; points: MyPointsOutput; loadingMore: boolean };

/** 我的积分: total, this year's points and star level, the way to the next star, and the ledger. */
const MyPointsPage = () => {
  const [state, setState] = useState<PointsState>({ status: 'loading' });
  const busy = useRef(false);

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setState({ status: 'loading' });
    try {
      setState({ status: 'ready', points: await call('points', 'myPoints', {}), loadingMore: false });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, []);

  useDidShow(() => {
    void load(state.status === 'ready');
  });
  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (state.status !== 'ready' || state.points.nextCursor === null || busy.current) return;
    busy.current = true;
    const cursor = state.points.nextCursor;
    setState({ ...state, loadingMore: true });
    call('points', 'myPoints', { cursor })
      .then((page) =>
        setState((s) =>
          s.status === 'ready'
            ? { status: 'ready', points: { ...page, entries: [...s.points.entries, ...page.entries] }, loadingMore: false }
            : s,
        ),
      )
      .catch((error: unknown) => {
        void Taro.showToast({ title: messageOf(error), icon: 'none' });
        setState((s) => (s.status === 'ready' ? { ...s, loadingMore: false } : s));
      })
      .finally(() => {
        busy.current = false;
      });
  });

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void load()} />;
  else {
    const { points } = state;
    body = (
      <>
        <View className="hero">
          <Text className="hero__title">{starLevelText(points.stars)} 党员志愿者</Text>
          <Text className="hero__sub">
            {points.toNextStar === null
              ? `${points.year}年已达最高星级`
              : `${points.year}年再得 ${points.toNextStar} 分升至 ${starLevelText(points.stars + 1)}`}
          </Text>
          <View className="points-hero">
            <View className="points-hero__cell">
              <Text className="points-hero__number">{points.total}</Text>
              <Text className="points-hero__label">累计积分</Text>
            </View>
            <View className="points-hero__cell">
              <Text className="points-hero__number">{points.yearPoints}</Text>
              <Text className="points-hero__label">{points.year}年积分</Text>
            </View>
            <View className="points-hero__cell">
              <Text className="points-hero__number">{points.stars}</Text>
              <Text className="points-hero__label">星级</Text>
            </View>
          </View>
        </View>
        <View className="actions actions--top">
          <Button type="default" onClick={() => void Taro.navigateTo({ url: ROUTES.leaderboard })}>
            查看先锋榜
          </Button>
        </View>
        {points.entries.length === 0 ? (
          <EmptyState
            title="还没有积分记录"
            description="完成服务订单、获得居民好评、圆梦微心愿都能获得积分。"
            actionText="去任务大厅"
            onAction={() => void Taro.navigateTo({ url: ROUTES.taskHall })}
          />
        ) : (
          <View className="card">
            <View className="card__title">积分明细</View>
            {points.entries.map((entry) => (
              <View key={entry._id} className="ledger-row">
                <View>
                  <Text className="ledger-row__label">{POINT_REASON_LABELS[entry.reason]}</Text>
                  <Text className="ledger-row__meta">{`${entry.note ? `${entry.note} · ` : ''}${formatDateTime(entry.at)}`}</Text>
                </View>
                <Text className={`ledger-row__delta${entry.delta < 0 ? ' ledger-row__delta--minus' : ''}`}>
                  {entry.delta > 0 ? `+${entry.delta}` : entry.delta}
                </Text>
              </View>
            ))}
            <Text className="list-footer">{state.loadingMore ? '正在加载…' : points.nextCursor === null ? '没有更多了' : '上拉加载更多'}</Text>
          </View>
        )}
      </>
    );
  }

  return <PageShell>{body}</PageShell>;
};

export default MyPointsPage;
