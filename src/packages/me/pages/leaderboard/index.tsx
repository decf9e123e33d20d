import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { PERIOD_LABELS, PERIODS, type Period } from '../../../../../types/points';
import { EmptyState, ErrorState, LoadingState, PageShell, PeriodSwitcher, SegmentTabs, StatusTag } from '../../../../components';
import { formatShanghai } from '../../../../lib/shanghai';
import { call } from '../../../../services';
import { useCurrentUser } from '../../../../lib/currentUser';
import { useRemote } from '../../../../lib/useRemote';
import { periodTitle, starLevelText } from '../../../../pages/orders/components/pointsText';
import '../../../../pages/orders/components/orders.scss';

const PERIOD_TABS = PERIODS.map((period) => ({ value: period, label: PERIOD_LABELS[period] }));
const MONTHS: Record<Period, number> = { month: 1, quarter: 3, year: 12 };

/** The first day of the month `delta` periods away from `date` (2026-11-25, quarter, -1 → 2026-08-01). */
export const shiftPeriodDate = (date: string, period: Period, delta: number): string => {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + delta * MONTHS[period];
  const month = (index % 12) + 1;
  return `${Math.floor(index / 12)}-${month < 10 ? '0' : ''}${month}-01`;
};

/** The same period as today's (this month, this quarter, this year). */
const samePeriod = (a: string, b: string, period: Period) => {
  const idx = (d: string) => Math.floor((Number(d.slice(5, 7)) - 1) / MONTHS[period]);
  return a.slice(0, 4) === b.slice(0, 4) && (period === 'year' || idx(a) === idx(b));
};

/** 先锋榜: the community's party-member volunteers ranked by points for a month, quarter or year. */
const LeaderboardPage = () => {
  const today = formatShanghai(Date.now(), 'YYYY-MM-DD');
  const [period, setPeriodRaw] = useState<Period>('month');
  // Any day inside the period shown: today for the live board, an earlier day for a closed one.
  const [date, setDate] = useState(today);
  const current = samePeriod(date, today, period);
  const { state, load } = useRemote(() => call('points', 'leaderboard', current ? { period } : { period, date }), [period, date, current]);
  const setPeriod = (next: Period) => {
    setPeriodRaw(next);
    setDate(today);
  };
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
      <PeriodSwitcher
        label={state.status === 'ready' ? periodTitle(state.data.period, state.data.key) : '…'}
        prevText="上一期"
        nextText="下一期"
        onPrev={() => setDate(shiftPeriodDate(date, period, -1))}
        onNext={() => setDate(current ? date : shiftPeriodDate(date, period, 1))}
        nextDisabled={current}
      />
      {body}
      <Text className="footer-note">积分来自完成服务、居民好评、圆梦微心愿和活动志愿服务</Text>
    </PageShell>
  );
};

export default LeaderboardPage;
