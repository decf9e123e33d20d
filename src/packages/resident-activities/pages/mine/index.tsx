import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { SignupStatus, SignupView } from '../../../../../types/activities';
import { SIGNUP_STATUS_LABELS } from '../../../../../types/constants/activities';
import { EmptyState, ErrorState, ListFooter, LoadingState, PageShell, SegmentTabs } from '../../../../components';
import { call } from '../../../../services';
import { ROUTES } from '../../../../lib/routes';
import { useListPage } from '../../../../lib/useListPage';
import { usePagedList } from '../../../../lib/usePagedList';
import { MySignupCard } from '../../../../pages/activities/components/MySignupCard';
import '../../../../pages/activities/activities.scss';

type Filter = 'all' | Extract<SignupStatus, 'confirmed' | 'waitlisted' | 'checked_in' | 'cancelled'>;
const FILTERS: ReadonlyArray<{ value: Filter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'confirmed', label: SIGNUP_STATUS_LABELS.confirmed },
  { value: 'waitlisted', label: SIGNUP_STATUS_LABELS.waitlisted },
  { value: 'checked_in', label: SIGNUP_STATUS_LABELS.checked_in },
  { value: 'cancelled', label: SIGNUP_STATUS_LABELS.cancelled },
];

/** 我的报名: newest activities first, 20 a page, more on reaching the bottom. */
const MySignupsPage = () => {
  const [filter, setFilter] = useState<Filter>('all');
  const fetchPage = useCallback(
    (cursor?: string) => call('activities', 'mySignups', { ...(filter === 'all' ? {} : { status: filter }), ...(cursor === undefined ? {} : { cursor }) }),
    [filter],
  );
  const { state, reload, loadMore, update } = usePagedList(fetchPage, {
    onMoreError: () => void Taro.showToast({ title: '加载更多失败，请稍后重试', icon: 'none' }),
  });

  // A changed filter reads the list afresh; coming back to the page refreshes it quietly.
  useEffect(() => {
    void reload();
  }, [reload, fetchPage]);
  useListPage({ reload, loadMore });

  // The tab already shown reads it afresh; another one through the effect above.
  const changeFilter = (next: Filter) => (next === filter ? void reload() : setFilter(next));

  const replace = (updated: SignupView) => update((items) => items.map((item) => (item._id === updated._id ? { ...item, ...updated } : item)));

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState text="正在加载我的报名…" />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void reload()} />;
  else if (state.items.length === 0)
    body = (
      <EmptyState
        title={filter === 'all' ? '还没有报名活动' : `没有${SIGNUP_STATUS_LABELS[filter]}的报名`}
        description="去本月的党群服务菜单看看，为自己或家人报名感兴趣的活动。"
        actionText="去看活动"
        onAction={() => void Taro.switchTab({ url: ROUTES.activities })}
      />
    );
  else
    body = (
      <>
        {state.items.map((item) => (
          <MySignupCard
            key={item._id}
            signup={item}
            activity={item.activity}
            showActivity
            onChanged={replace}
            onOpenActivity={() => void Taro.navigateTo({ url: ROUTES.activityDetail(item.activityId) })}
          />
        ))}
        <ListFooter more={state.more} hasMore={state.nextCursor !== null} className="footer-note" />
      </>
    );

  return (
    <PageShell>
      <SegmentTabs tabs={FILTERS} value={filter} onChange={changeFilter} />
      {body}
    </PageShell>
  );
};

export default MySignupsPage;
