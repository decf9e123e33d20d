import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { MonthString } from '../../../../../types/common';
import { CATEGORY_KIND_LABELS } from '../../../../../types/constants/menu';
import type { OrderStatus } from '../../../../../types/orders';
import { ORDER_STATUSES, ORDER_STATUS_LABELS } from '../../../../../types/constants/orders';
import type { CategoryReview, MonthlyReview } from '../../../../../types/reports';
import { EmptyState, ErrorState, LoadingState, PageShell, StatusTag, PeriodSwitcher } from '../../../../components';
import { ApiCallError, call, messageOf } from '../../../../services';
import { useRemote } from '../../../../lib/useRemote';
import { minutesText, monthLabel, monthOf, NONE, percentText, ratingText, shiftMonth, starsText } from '../../lib/format';
import { activityCategoryChart, beneficiaryChart, categoryRows, starsChart, trendChart, wishStepsChart } from '../../../../lib/reviewCharts';
import { BarList, ColumnChart, StackedBars } from '../../components/Charts';
import { saveWorkbook } from '../../../../lib/saveWorkbook';
import './index.scss';

const statusLabel = (status: string) => ORDER_STATUS_LABELS[status as OrderStatus] ?? status;

/** Counts in the order's lifecycle order (待派单 … 已取消), any unknown state last. */
const statusLine = (byStatus: Record<string, number>) => {
  const known: readonly string[] = ORDER_STATUSES;
  const keys = [...known, ...Object.keys(byStatus).filter((k) => !known.includes(k))];
  return keys
    .filter((k) => (byStatus[k] ?? 0) > 0)
    .map((k) => `${statusLabel(k)} ${byStatus[k]}`)
    .join(' · ');
};

/** A month from the link (?month=2026-10) when it is a valid month not after this one. */
const initialMonth = (param: string | undefined, current: string) =>
  param && MonthString.safeParse(param).success && param <= current ? param : current;

const Stat = ({ label, value, note }: { label: string; value: string; note?: string }) => (
  <View className="review-stat">
    <Text className="review-stat__value">{value}</Text>
    <Text className="review-stat__label">{label}</Text>
    {note ? <Text className="review-stat__note">{note}</Text> : null}
  </View>
);

const Headline = ({ review }: { review: MonthlyReview }) => {
  const { totals } = review;
  const statuses = statusLine(review.byStatus);
  return (
    <View className="card review-headline">
      <View className="review-headline__grid">
        <Stat label="订单数" value={String(totals.orders)} note={`已完成 ${totals.completed} 单`} />
        <Stat label="完成率" value={percentText(totals.completionRate)} />
        <Stat label="平均评分" value={ratingText(totals.averageRating)} note={`${totals.ratings} 条评价`} />
        <Stat label="派单用时中位数" value={minutesText(totals.medianMinutesToDispatch)} />
        <Stat label="完成用时中位数" value={minutesText(totals.medianMinutesToComplete)} />
      </View>
      {statuses ? <Text className="review-headline__statuses">{statuses}</Text> : null}
    </View>
  );
};

const Unmet = ({ label, count }: { label: string; count: number }) => (
  <Text className={`review-unmet__item${count > 0 ? ' review-unmet__item--alert' : ''}`}>{`${label} ${count}`}</Text>
);

const CategoryCard = ({ category }: { category: CategoryReview }) => {
  const unmet = category.cancelled + category.overdue + category.quotaRefused;
  return (
    <View className="card review-category">
      <View className="card__title">
        <Text>{category.categoryName}</Text>
        <StatusTag text={CATEGORY_KIND_LABELS[category.kind]} tone={category.kind === 'featured' ? 'brand' : 'muted'} />
      </View>
      <View className="review-category__numbers">
        <Text>{`共 ${category.total} 单`}</Text>
        <Text>{`完成 ${category.completed} 单`}</Text>
        <Text>{`评分 ${ratingText(category.averageRating)}`}</Text>
      </View>
      <View className="review-unmet">
        <Text className="review-unmet__title">{unmet > 0 ? `未满足需求 ${unmet}` : '未满足需求'}</Text>
        <Unmet label="已取消" count={category.cancelled} />
        <Unmet label="超时未派" count={category.overdue} />
        <Unmet label="名额不足" count={category.quotaRefused} />
      </View>
    </View>
  );
};

/**
 * 本月服务之星: members who served, most completed orders first (then hours, then points). Ranked
 * on service, not points: a staff adjustment alone must not put a member first with 完成 0 单
 * (issue 13, bug 11). The points ranking stays in the members' section as 积分前十.
 */
export const serviceStars = (members: MonthlyReview['topMembers']) =>
  members.filter((m) => m.completed > 0).sort((a, b) => b.completed - a.completed || b.hours - a.hours || b.points - a.points);

const OrdersSection = ({ review }: { review: MonthlyReview }) => {
  const stars = serviceStars(review.topMembers);
  return (
    <>
      <Text className="section-title">服务订单</Text>
      {review.totals.orders === 0 ? (
        <View className="card">
          <Text className="muted">本月没有服务订单</Text>
        </View>
      ) : (
        <Headline review={review} />
      )}
      <View className="card">
        <ColumnChart id="chart-orders" chart={trendChart(review.trend, 'orders')} />
        <ColumnChart id="chart-completion" chart={trendChart(review.trend, 'completionRate')} />
      </View>
      {review.categories.length > 0 ? (
        <View className="card">
          <StackedBars id="chart-categories" rows={categoryRows(review)} />
        </View>
      ) : null}

      <Text className="section-title">各类服务与未满足需求</Text>
      {review.categories.length === 0 ? (
        <View className="card">
          <Text className="muted">本月没有服务订单</Text>
        </View>
      ) : null}
      {review.categories.map((category) => (
        <CategoryCard key={category.categoryName} category={category} />
      ))}

      <Text className="section-title">低分评价（≤2★）</Text>
      <View className="card">
        {review.lowRatings.length === 0 ? <Text className="muted">本月没有低分评价</Text> : null}
        {review.lowRatings.map((low) => (
          <View key={low.orderId} className="review-low">
            <View className="card__row">
              <Text className="review-low__item">{low.itemTitle}</Text>
              <Text className="review-stars">{starsText(low.stars)}</Text>
            </View>
            <Text className="muted line">{`居民 ${low.residentName} · 服务党员 ${low.assigneeName}`}</Text>
            <Text className="review-low__comment">{low.comment || '未填写评语'}</Text>
          </View>
        ))}
      </View>

      <Text className="section-title">本月服务之星</Text>
      <View className="card review-service-stars">
        {stars.length === 0 ? <Text className="muted">本月还没有党员完成服务</Text> : null}
        {stars.map((member, index) => (
          <View key={member.memberId} className="card__row review-member">
            <Text className="review-member__name">{`${index + 1}. ${member.name}`}</Text>
            <Text className="review-member__points">{`完成 ${member.completed} 单`}</Text>
          </View>
        ))}
      </View>
    </>
  );
};

const WishesSection = ({ review }: { review: MonthlyReview }) => {
  const { wishes } = review;
  return (
    <>
      <Text className="section-title">微心愿</Text>
      <View className="card">
        <View className="review-headline__grid">
          <Stat label="新发布" value={String(wishes.posted)} note={`审核通过 ${wishes.approved} · 未通过 ${wishes.rejected}`} />
          <Stat label="被认领" value={String(wishes.claimed)} note={`放弃认领 ${wishes.released}`} />
          <Stat label="已圆梦" value={String(wishes.fulfilled)} note={`居民确认 ${wishes.confirmed}`} />
          <Stat label="圆梦用时中位数" value={wishes.medianDaysToFulfil === null ? NONE : `${wishes.medianDaysToFulfil}天`} note={`撤回 ${wishes.withdrawn} · 过期 ${wishes.expired}`} />
        </View>
        <BarList id="chart-wish-steps" chart={wishStepsChart(review)} emptyText="本月没有心愿动态" />
        <BarList id="chart-beneficiary" chart={beneficiaryChart(review)} emptyText="本月没有圆梦的心愿" />
        <ColumnChart id="chart-wishes" chart={trendChart(review.trend, 'wishesFulfilled')} />
      </View>
    </>
  );
};

const ActivitiesSection = ({ review }: { review: MonthlyReview }) => {
  const { activities } = review;
  return (
    <>
      <Text className="section-title">党群活动</Text>
      <View className="card">
        <View className="review-headline__grid">
          <Stat label="已办场次" value={String(activities.sessions)} note={`名额 ${activities.places}`} />
          <Stat label="报名人数" value={String(activities.signups)} note={`名额使用 ${percentText(activities.fillRate)} · 候补 ${activities.waitlist}`} />
          <Stat label="到场率" value={percentText(activities.attendanceRate)} note={`签到 ${activities.checkedIn} · 未到场 ${activities.noShows}`} />
          <Stat label="活动评分" value={ratingText(activities.averageRating)} note={`${activities.ratings} 条评价 · 志愿者 ${activities.volunteers} 人`} />
        </View>
        <BarList id="chart-activity-categories" chart={activityCategoryChart(review)} emptyText="本月没有结束的活动" />
        <ColumnChart id="chart-sessions" chart={trendChart(review.trend, 'sessions')} />
        <ColumnChart id="chart-attendance" chart={trendChart(review.trend, 'attendanceRate')} />
      </View>
    </>
  );
};

const MembersSection = ({ review }: { review: MonthlyReview }) => {
  const { members } = review;
  return (
    <>
      <Text className="section-title">党员</Text>
      <View className="card">
        <View className="review-headline__grid">
          <Stat label="发放积分" value={String(members.points)} />
          <Stat label="志愿服务时长" value={`${members.hours}小时`} />
          <Stat label="本月参与党员" value={`${members.activeMembers}/${members.members}`} />
        </View>
        <BarList id="chart-stars" chart={starsChart(review)} emptyText="还没有党员" />
        <ColumnChart id="chart-points" chart={trendChart(review.trend, 'points')} />
        <ColumnChart id="chart-hours" chart={trendChart(review.trend, 'hours')} />
      </View>
      <Text className="section-title">积分前十</Text>
      <View className="card review-top-ten">
        {review.topMembers.length === 0 ? <Text className="muted">本月还没有党员得到积分</Text> : null}
        {review.topMembers.map((member, index) => (
          <View key={member.memberId} className="review-top">
            <View className="card__row">
              <Text className="review-member__name">{`${index + 1}. ${member.name}`}</Text>
              <Text className="review-member__points">{`${member.points} 分`}</Text>
            </View>
            <Text className="muted line">{`${member.stars}星 · 完成 ${member.completed} 单 · ${member.hours} 小时`}</Text>
          </View>
        ))}
      </View>
    </>
  );
};

/** Nothing happened in the month in any of the three loops, nor in points and hours. */
const isEmptyMonth = (review: MonthlyReview) =>
  review.totals.orders === 0 && review.wishes.posted + review.wishes.claimed + review.wishes.fulfilled === 0 && review.activities.sessions === 0 && review.members.points === 0 && review.members.hours === 0;

const ReviewBody = ({ review }: { review: MonthlyReview }) => (
  <>
    <OrdersSection review={review} />
    <WishesSection review={review} />
    <ActivitiesSection review={review} />
    <MembersSection review={review} />
  </>
);

/** 月度复盘 (staff): one month of orders, wishes, activities and members, with charts and the Excel export. */
const MonthlyReviewPage = () => {
  const current = monthOf(Date.now());
  const router = useRouter();
  const [month, setMonth] = useState(() => initialMonth(router.params.month, current));
  const [exporting, setExporting] = useState(false);
  const review = useRemote(() => call('reports', 'monthlyReview', { month }), [month]);

  usePullDownRefresh(() => {
    void review.load(true).finally(() => Taro.stopPullDownRefresh());
  });

  const exportWorkbook = async () => {
    setExporting(true);
    try {
      const { fileName, base64 } = await call('reports', 'exportMonthlyReview', { month });
      await saveWorkbook(fileName, base64);
      if (process.env.TARO_ENV === 'h5') void Taro.showToast({ title: '已导出', icon: 'success' });
    } catch (error) {
      void Taro.showToast({ title: error instanceof ApiCallError ? messageOf(error) : '导出失败，请重试', icon: 'none' });
    } finally {
      setExporting(false);
    }
  };

  const atLatest = month >= current;
  const state = review.state;
  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState text="正在统计本月数据…" />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void review.load()} />;
  else if (isEmptyMonth(state.data))
    body = <EmptyState title={`${monthLabel(month)}还没有可复盘的数据`} description="点“上月”查看往月复盘；居民点单、发布心愿、参加活动后，这里会统计完成率、评分和未满足需求。" />;
  else body = <ReviewBody review={state.data} />;

  return (
    <PageShell>
      <PeriodSwitcher label={monthLabel(month)} onPrev={() => setMonth(shiftMonth(month, -1))} onNext={() => setMonth(shiftMonth(month, 1))} nextDisabled={atLatest} />
      {body}
      {state.status === 'ready' && !isEmptyMonth(state.data) ? (
        <View className="review-export">
          <Button type="primary" block loading={exporting} disabled={exporting} onClick={() => void exportWorkbook()}>
            导出 Excel
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
};

export default MonthlyReviewPage;
