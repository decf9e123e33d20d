import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { WishAbilities, WishView } from '../../../../../types/wishes';
import { BENEFICIARY_TYPE_LABELS, WISH_KIND_LABELS } from '../../../../../types/constants/wishes';
import { EmptyState, ErrorState, LoadingState, PageShell } from '../../../../components';
import { ApiCallError, call, messageOf } from '../../../../services';
import { formatDateTime } from '../../../../lib/time';
import { ROUTES } from '../../../../lib/routes';
import { ListFooter } from '../../../../pages/wishes/components/ListFooter';
import { PhotoStrip } from '../../../../pages/wishes/components/PhotoPicker';
import { HidePhotos } from '../../../../components/HidePhotos';
import { WishActions, type WishActionHandlers } from '../../../../pages/wishes/components/WishActions';
import { WishStatusTag } from '../../../../pages/wishes/components/WishStatusTag';
import { usePagedList } from '../../../../lib/usePagedList';
import { formatDeadline } from '../../../../pages/wishes/wishTime';
import { useListPage } from '../../../../lib/useListPage';
import '../../../../pages/wishes/wishes.scss';

const NO_ABILITIES: WishAbilities = { claim: false, release: false, fulfil: false, confirm: false, withdraw: false, review: false };

const nothing = async () => true;

/** 心愿审核: wishes waiting for review, the longest-waiting first; approve, or reject with a reason. */
const ReviewQueuePage = () => {
  const [busy, setBusy] = useState(false);
  const fetchPage = useCallback((cursor?: string) => call('wishes', 'reviewQueue', cursor === undefined ? {} : { cursor }), []);
  const { state, reload, loadMore, replace } = usePagedList(fetchPage);

  useEffect(() => {
    void reload();
  }, [reload]);
  useListPage({ reload, loadMore });

  const review = async (wish: WishView, approve: boolean, reason?: string): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    try {
      await call('wishes', 'reviewWish', approve ? { wishId: wish._id, approve } : { wishId: wish._id, approve, reason });
      void Taro.showToast({ title: approve ? '已通过，已上心愿墙' : '已驳回', icon: 'success' });
      replace(wish._id, null);
      return true;
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
      // Already reviewed or withdrawn by someone else: the queue as it is now.
      if (error instanceof ApiCallError && error.code !== 'INTERNAL' && error.code !== 'VALIDATION') {
        void reload(true);
        return true;
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  const handlersFor = (wish: WishView): WishActionHandlers => ({
    claim: nothing,
    release: nothing,
    fulfil: nothing,
    confirm: nothing,
    withdraw: nothing,
    review: (approve, reason) => review(wish, approve, reason),
  });

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void reload()} />;
  else if (state.items.length === 0)
    body = (
      <EmptyState
        title="没有待审核的心愿"
        description="居民发布或社区代发的心愿会出现在这里，下拉可刷新。也可以为行动不便的老人代发心愿。"
        actionText="代发心愿"
        onAction={() => void Taro.navigateTo({ url: ROUTES.staffWishProxy })}
      />
    );
  else
    body = state.items.map((wish) => (
      <View key={wish._id} className="card wish-card">
        <View className="card__title wish-card__title" onClick={() => void Taro.navigateTo({ url: ROUTES.wishDetail(wish._id) })}>
          <Text className="wish-card__name">{wish.title}</Text>
          <WishStatusTag status={wish.status} />
        </View>
        <Text className="wish-detail__content">{wish.content}</Text>
        <PhotoStrip fileIds={wish.photos} />
        <HidePhotos refType="wish" refId={wish._id} fileIds={wish.photos} onHidden={() => void reload(true)} />
        <View className="card__row">
          <Text className="muted">心愿对象</Text>
          <Text>
            {wish.beneficiaryName}（{BENEFICIARY_TYPE_LABELS[wish.beneficiaryType]}）{wish.beneficiaryPhone ?? ''}
          </Text>
        </View>
        <View className="card__row">
          <Text className="muted">类型 · 价值</Text>
          <Text>
            {WISH_KIND_LABELS[wish.kind]} · 约{wish.value}元
          </Text>
        </View>
        <View className="card__row">
          <Text className="muted">截止日期</Text>
          <Text>{formatDeadline(wish.deadline)}</Text>
        </View>
        <View className="card__row">
          <Text className="muted">提交时间</Text>
          <Text>
            {formatDateTime(wish.createdAt)}
            {wish.proxy ? `（${wish.postedByName ?? '社区'}代发）` : ''}
          </Text>
        </View>
        <WishActions
          wishId={wish._id}
          title={wish.title}
          can={{ ...NO_ABILITIES, review: wish.can.review }}
          busy={busy}
          handlers={handlersFor(wish)}
        />
      </View>
    ));

  return (
    <PageShell>
      {body}
      <ListFooter state={state} onMore={() => void loadMore()} />
    </PageShell>
  );
};

export default ReviewQueuePage;
