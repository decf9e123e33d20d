import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { PERIOD_LABELS, PERIODS, type Period } from '../../../../../types/points';
import { EmptyState, ErrorState, LoadingState, PageShell, SegmentTabs, StatusTag } from '../../../../components';
import { call } from '../../../../services';
import { useCurrentUser } from '../../../../lib/currentUser';
import { useRemote } from '../../../../lib/useRemote';
import { periodTitle, starLevelText } from '../../../../pages/orders/components/pointsText';
import '../../../../pages/orders/components/orders.scss';

const PERIOD_TABS = PERIODS.map((period) => ({ value: period, label: PERIOD_LABELS[period] }));

/** 先锋榜: the community's party-member volunteers ranked by points for a month, quarter or year. */
const LeaderboardPage = () => {
  const [period, setPeriod] = useState<Period>('month');
  const { state, load } = useRemote(() => call('points', 'leaderboard', { period }), [period]);
  const { state: user } = useCurrentUser();
  const meId = user.status === 'ready' ? user.user?._id : undefined;

  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState text="正在加载先锋榜…" />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void load()} />;
  else if (state.data.rows.length === 0)
    body = <EmptyState title="还没有党员志愿者上榜" description="党员志愿者完成服务、圆梦微心愿、参加活动志愿服务后会出现在这里。" />;
  else {
    const { data: board } = state;
    body = (
      <View className="card">
        <View className="card__title">
          <Text>{periodTitle(board.period, board.key)}</Text>
          {board.closed ? <StatusTag text="已结榜" tone="muted" /> : <StatusTag text="实时" tone="brand" />}
        </View>
        {board.rows.map((row) => (
          <View key={row.memberId} className={`board-row${row.memberId === meId ? ' board-row--me' : ''}`}>
            <View className={`board-row__rank${row.rank <= 3 ? ' board-row__rank--top' : ''}`}>
              <Text>{row.rank}</Text>
            </View>
            <View className="board-row__who">
              <Text className="board-row__name">
                {row.name}
                {row.memberId === meId ? '（我）' : ''}
              </Text>
              <Text className="board-row__branch">{row.branch || '党员志愿者'}</Text>
              <Text className="stars-text">{starLevelText(row.stars)}</Text>
            </View>
            <View className="board-row__points">
              <Text className="board-row__number">{row.points}</Text>
              <Text className="muted">积分</Text>
            </View>
          </View>
        ))}
      </View>
    );
  }

  return (
    <PageShell>
      <SegmentTabs tabs={PERIOD_TABS} value={period} onChange={setPeriod} />
      {body}
      <Text className="footer-note">积分来自完成服务、居民好评、圆梦微心愿和活动志愿服务</Text>
    </PageShell>
  );
};

export default LeaderboardPage;
