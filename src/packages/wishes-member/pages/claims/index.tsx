import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { WishView } from '../../../../../types/wishes';
import { AUTO_RELEASE_DAYS, CLAIM_STATUSES, MAX_ACTIVE_CLAIMS, WISH_STATUS_LABELS } from '../../../../../types/constants/wishes';
import { EmptyState, ErrorState, LoadingState, PageShell, SegmentTabs } from '../../../../components';
import { call } from '../../../../services';
import { formatDateTime } from '../../../../lib/time';
import { ROUTES } from '../../../../lib/routes';
import { ListFooter } from '../../../../pages/wishes/components/ListFooter';
import { WishCard } from '../../../../pages/wishes/components/WishCard';
import { usePagedList } from '../../../../lib/usePagedList';
import { useListPage } from '../../../../lib/useListPage';
import '../../../../pages/wishes/wishes.scss';

type ClaimStatus = (typeof CLAIM_STATUSES)[number];

const TABS = CLAIM_STATUSES.map((value) => ({ value, label: value === 'claimed' ? '进行中' : WISH_STATUS_LABELS[value] }));

const EMPTY_TEXT: Record<ClaimStatus, { title: string; description: string }> = {
  claimed: { title: '没有进行中的认领', description: '去心愿墙看看哪些邻居的心愿正等待认领。' },
  fulfilled: { title: '没有待确认的圆梦', description: '提交圆梦后，等待心愿人确认收到的心愿会在这里。' },
  confirmed: { title: '还没有已确认的圆梦', description: '心愿人确认收到后，您将获得积分，记录会出现在这里。' },
};

const openWish = (wish: WishView) => () => void Taro.navigateTo({ url: ROUTES.wishDetail(wish._id) });
const goWall = () => void Taro.switchTab({ url: ROUTES.wishWall });

/** 我的认领: the member's claims by state, and how many of the 3 claim slots are in use. */
const MyClaimsPage = () => {
  const [status, setStatus] = useState<ClaimStatus>('claimed');
  const [active, setActive] = useState<number | null>(null);

  const fetchPage = useCallback(
    (cursor?: string) => call('wishes', 'myClaims', cursor === undefined ? { status } : { status, cursor }),
    [status],
  );
  const { state, reload, loadMore } = usePagedList(fetchPage);

  /** Claims still open count against the limit; at most 3 exist, so one short page holds them all. */
  const countSlots = useCallback(async () => {
    try {
      const { items } = await call('wishes', 'myClaims', { status: 'claimed', pageSize: 50 });
      setActive(items.length);
    } catch {
      setActive(null);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload, fetchPage]);
  useListPage({ reload, loadMore, refresh: () => Promise.all([reload(true), countSlots()]), onShow: () => void countSlots() });

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void reload()} />;
  else if (state.items.length === 0)
    body = (
      <EmptyState
        title={EMPTY_TEXT[status].title}
        description={EMPTY_TEXT[status].description}
        actionText={status === 'claimed' ? '去心愿墙' : undefined}
        onAction={status === 'claimed' ? goWall : undefined}
      />
    );
  else
    body = state.items.map((wish) => (
      <WishCard
        key={wish._id}
        wish={wish}
        onOpen={openWish(wish)}
        footer={
          wish.status === 'claimed' ? (
            <Text className="muted">
              {wish.claimedAt ? `${formatDateTime(wish.claimedAt)} 认领，` : ''}完成后点开提交圆梦
            </Text>
          ) : wish.status === 'fulfilled' ? (
            <Text className="muted">已提交圆梦，等待心愿人确认</Text>
          ) : null
        }
      />
    ));

  return (
    <PageShell>
      <View className="card">
        <View className="card__row">
          <Text>认领名额</Text>
          <View className="wish-slots">
            <Text className="muted">已用</Text>
            <Text className="strong-number">{active ?? '—'}</Text>
            <Text className="muted">/ {MAX_ACTIVE_CLAIMS}</Text>
          </View>
        </View>
        <Text className="muted">
          {active !== null && active >= MAX_ACTIVE_CLAIMS
            ? '名额已满：完成或释放一个认领后，才能再认领新的心愿。'
            : `每人最多同时认领${MAX_ACTIVE_CLAIMS}个心愿，认领后${AUTO_RELEASE_DAYS}天内未完成将自动释放。`}
        </Text>
      </View>
      <SegmentTabs tabs={TABS} value={status} onChange={setStatus} />
      {body}
      <ListFooter state={state} onMore={() => void loadMore()} />
    </PageShell>
  );
};

export default MyClaimsPage;
