import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, type ReactNode } from 'react';
import type { WishView } from '../../../../../types/wishes';
import { EmptyState, ErrorState, LoadingState, PageShell } from '../../../../components';
import { call } from '../../../../services';
import { ROUTES } from '../../../../lib/routes';
import { ListFooter } from '../../../../pages/wishes/components/ListFooter';
import { WishCard } from '../../../../pages/wishes/components/WishCard';
import { usePagedList } from '../../../../lib/usePagedList';
import { useListPage } from '../../../../lib/useListPage';
import '../../../../pages/wishes/wishes.scss';

const openWish = (wish: WishView) => () => void Taro.navigateTo({ url: ROUTES.wishDetail(wish._id) });
const post = () => void Taro.navigateTo({ url: ROUTES.wishPost });

/** What each state asks of the poster, under the card. */
const noteFor = (wish: WishView): string | null => {
  switch (wish.status) {
    case 'pending_review':
      return '社区审核中，通过后展示在心愿墙';
    case 'rejected':
      return `未通过审核${wish.rejectReason ? `：${wish.rejectReason}` : ''}`;
    case 'claimed':
      return `${wish.claimerName ?? '志愿者'}已认领，正在准备`;
    case 'fulfilled':
      return '志愿者已提交圆梦，收到后请点开确认';
    default:
      return null;
  }
};

/** 我的心愿: wishes I posted or that were posted for me, newest first. */
const MyWishesPage = () => {
  const fetchPage = useCallback((cursor?: string) => call('wishes', 'myWishes', cursor === undefined ? {} : { cursor }), []);
  const { state, reload, loadMore } = usePagedList(fetchPage);

  useEffect(() => {
    void reload();
  }, [reload]);
  useListPage({ reload, loadMore });

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void reload()} />;
  else if (state.items.length === 0)
    body = (
      <EmptyState
        title="您还没有发布心愿"
        description="有想要的小物品、需要的上门服务或陪伴，都可以发布心愿，由党员志愿者帮您圆梦。"
        actionText="发布心愿"
        onAction={post}
      />
    );
  else
    body = (
      <>
        <View className="actions actions--top">
          <Button type="primary" block onClick={post}>
            发布心愿
          </Button>
        </View>
        {state.items.map((wish) => {
          const note = noteFor(wish);
          return (
            <WishCard
              key={wish._id}
              wish={wish}
              onOpen={openWish(wish)}
              footer={note ? <Text className={wish.status === 'rejected' ? 'wish-card__warn' : 'muted'}>{note}</Text> : null}
            />
          );
        })}
      </>
    );

  return (
    <PageShell>
      {body}
      <ListFooter state={state} onMore={() => void loadMore()} />
    </PageShell>
  );
};

export default MyWishesPage;
