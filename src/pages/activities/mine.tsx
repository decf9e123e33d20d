import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { SIGNUP_STATUS_LABELS, type MySignupItem, type SignupStatus, type SignupView } from '../../../types/activities';
import { EmptyState, ErrorState, LoadingState, PageShell, SegmentTabs } from '../../components';
import { call } from '../../services';
import { ROUTES } from '../../lib/routes';
import { MySignupCard } from './components/MySignupCard';
import './activities.scss';

type Filter = 'all' | Extract<SignupStatus, 'confirmed' | 'waitlisted' | 'checked_in' | 'cancelled'>;
const FILTERS: ReadonlyArray<{ value: Filter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'confirmed', label: SIGNUP_STATUS_LABELS.confirmed },
  { value: 'waitlisted', label: SIGNUP_STATUS_LABELS.waitlisted },
  { value: 'checked_in', label: SIGNUP_STATUS_LABELS.checked_in },
  { value: 'cancelled', label: SIGNUP_STATUS_LABELS.cancelled },
];

type ListState =
  | { status: 'loading' }
  | { status: 'ready'; items: MySignupItem[]; nextCursor: number | null; loadingMore: boolean }
  | { status: 'error'; error: unknown };

/** 我的报名: newest activities first, 20 a page, more on reaching the bottom. */
const MySignupsPage = () => {
  const [filter, setFilter] = useState<Filter>('all');
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const generation = useRef(0);

  const load = useCallback(async (which: Filter, quiet = false) => {
    const mine = ++generation.current;
    if (!quiet) setState({ status: 'loading' });
    try {
      const page = await call('activities', 'mySignups', which === 'all' ? {} : { status: which });
      if (mine === generation.current) setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor, loadingMore: false });
    } catch (error) {
      if (mine === generation.current) setState({ status: 'error', error });
    }
  }, []);

  useDidShow(() => {
    void load(filter, state.status === 'ready');
  });

  usePullDownRefresh(() => {
    void load(filter, true).finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    if (state.status !== 'ready' || state.nextCursor === null || state.loadingMore) return;
    const cursor = state.nextCursor;
    const mine = generation.current;
    setState({ ...state, loadingMore: true });
    void call('activities', 'mySignups', { ...(filter === 'all' ? {} : { status: filter }), cursor })
      .then((page) => {
        if (mine !== generation.current) return;
        setState((current) =>
          current.status === 'ready'
            ? { status: 'ready', items: [...current.items, ...page.items], nextCursor: page.nextCursor, loadingMore: false }
            : current,
        );
      })
      .catch(() => {
        setState((current) => (current.status === 'ready' ? { ...current, loadingMore: false } : current));
        void Taro.showToast({ title: '加载更多失败，请稍后重试', icon: 'none' });
      });
  });

  const changeFilter = (next: Filter) => {
    setFilter(next);
    void load(next);
  };

  const replace = (updated: SignupView) => {
    setState((current) =>
      current.status === 'ready'
        ? { ...current, items: current.items.map((item) => (item._id === updated._id ? { ...item, ...updated } : item)) }
        : current,
    );
  };

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState text="正在加载我的报名…" />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void load(filter)} />;
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
        <Text className="footer-note">{state.loadingMore ? '正在加载…' : state.nextCursor === null ? '没有更多了' : '上拉加载更多'}</Text>
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
