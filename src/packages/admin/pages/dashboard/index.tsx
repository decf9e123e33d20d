/**
 * 数据看板: per community and month, orders and completion rate, average rating, wishes
 * fulfilled, activity attendance and active members (admin.dashboard), with the street's totals.
 */
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import type { DashboardFigures } from '../../../../../types/admin';
import { EmptyState, ErrorState, LoadingState, PageShell, PeriodSwitcher } from '../../../../components';
import { call } from '../../../../services';
import { monthLabel, monthOf, shiftMonth } from '../../../../pages/activities/lib/activityTime';
import { useRemote } from '../../../../lib/useRemote';
import '../../admin.scss';

const NONE = '—';
const percent = (rate: number | null) => (rate === null ? NONE : `${Math.round(rate * 100)}%`);
const rating = (value: number | null) => (value === null ? NONE : `${value.toFixed(1)}★`);

const Figure = ({ label, value }: { label: string; value: string }) => (
  <View className="admin-figure">
    <Text className="admin-figure__value">{value}</Text>
    <Text className="admin-figure__label">{label}</Text>
  </View>
);

const Figures = ({ f }: { f: DashboardFigures }) => (
  <View className="admin-figures">
    <Figure label="订单数" value={String(f.orders)} />
    <Figure label="完成率" value={percent(f.completionRate)} />
    <Figure label="平均评分" value={rating(f.averageRating)} />
    <Figure label="圆梦心愿" value={String(f.wishesFulfilled)} />
    <Figure label="活动到场率" value={percent(f.attendanceRate)} />
    <Figure label="活跃党员" value={String(f.activeMembers)} />
  </View>
);

const DashboardPage = () => {
  const current = monthOf();
  const [month, setMonth] = useState(current);
  const { state, load } = useRemote(() => call('admin', 'dashboard', { month }), [month]);
  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState text="正在统计…" />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void load()} />;
  else if (state.data.communities.length === 0)
    body = <EmptyState title="还没有社区" description="在“街道管理”里创建社区后，这里按月显示各社区的服务数据。" />;
  else
    body = (
      <>
        <View className="card dashboard-total">
          <View className="card__title">全街道合计</View>
          <Figures f={state.data.totals} />
        </View>
        {state.data.communities.map((c) => (
          <View key={c.communityId} className="card dashboard-community">
            <View className="card__title">{c.communityName}</View>
            <Text className="muted line">
              {c.street} · 完成 {c.completed} 单 · {c.ratings} 条评价 · 到场 {c.attended} 人次、未到 {c.noShows}
            </Text>
            <Figures f={c} />
          </View>
        ))}
      </>
    );

  return (
    <PageShell>
      <PeriodSwitcher label={monthLabel(month)} onPrev={() => setMonth(shiftMonth(month, -1))} onNext={() => setMonth(shiftMonth(month, 1))} nextDisabled={month >= current} />
      {body}
    </PageShell>
  );
};

export default DashboardPage;
