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
import { minutesText, monthLabel, monthOf, percentText, ratingText, shiftMonth, starsText } from '../../lib/format';
import { saveWorkbook } from '../../lib/saveWorkbook';
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

const ReviewBody = ({ review }: { review: MonthlyReview }) => (
  <>
    <Headline review={review} />

    <Text className="section-title">各类服务与未满足需求</Text>
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
          <Text className="muted">{`居民 ${low.residentName} · 服务党员 ${low.assigneeName}`}</Text>
          <Text className="review-low__comment">{low.comment || '未填写评语'}</Text>
        </View>
      ))}
    </View>

    <Text className="section-title">本月服务之星</Text>
    <View className="card">
      {review.topMembers.length === 0 ? <Text className="muted">本月还没有党员完成服务</Text> : null}
      {review.topMembers.map((member, index) => (
        <View key={member.memberId} className="card__row review-member">
          <Text className="review-member__name">{`${index + 1}. ${member.name}`}</Text>
          <Text className="muted">{`完成 ${member.completed} 单`}</Text>
          <Text className="review-member__points">{`${member.points} 分`}</Text>
        </View>
      ))}
    </View>
  </>
);

/** 月度复盘 (staff): one month's orders, ratings and unmet demand, and its Excel export. */
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
  else if (state.data.totals.orders === 0)
    body = <EmptyState title={`${monthLabel(month)}还没有订单`} description="点“上月”查看往月复盘；居民点单后，这里会统计完成率、评分和未满足需求。" />;
  else body = <ReviewBody review={state.data} />;

  return (
    <PageShell>
      <PeriodSwitcher label={monthLabel(month)} onPrev={() => setMonth(shiftMonth(month, -1))} onNext={() => setMonth(shiftMonth(month, 1))} nextDisabled={atLatest} />
      {body}
      {state.status === 'ready' && state.data.totals.orders > 0 ? (
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
