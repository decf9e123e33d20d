import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { WishDetail } from '../../../../../types/wishes';
import { BENEFICIARY_TYPE_LABELS, WISH_KIND_LABELS } from '../../../../../types/constants/wishes';
import { ErrorState, LoadingState, PageShell } from '../../../../components';
import { ApiCallError, askToSubscribe, call, messageOf } from '../../../../services';
import { formatDateTime } from '../../../../lib/time';
import { isStaffUser, useCurrentUser } from '../../../../lib/currentUser';
import { HidePhotos } from '../../../../components/HidePhotos';
import { PhotoStrip } from '../../../../pages/wishes/components/PhotoPicker';
import { WishActions, type WishActionHandlers } from '../../../../pages/wishes/components/WishActions';
import { WishStatusTag } from '../../../../pages/wishes/components/WishStatusTag';
import { WishTimeline } from '../../../../pages/wishes/components/WishTimeline';
import { formatDeadline } from '../../../../pages/wishes/wishTime';
import '../../../../pages/wishes/wishes.scss';

type DetailState = { status: 'loading' } | { status: 'ready'; wish: WishDetail } | { status: 'error'; error: unknown };

/** Refusals that mean the wish moved on (someone else claimed it …): show it as it is now. */
const STALE_CODES = new Set(['CONFLICT', 'NOT_FOUND', 'FORBIDDEN', 'LIMIT']);

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <View className="card__row">
    <Text className="muted">{label}</Text>
    <View className="wish-detail__value">{children}</View>
  </View>
);

const WishDetailPage = () => {
  const { params } = useRouter();
  const wishId = params.id ? decodeURIComponent(params.id) : '';
  const [state, setState] = useState<DetailState>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const { state: me } = useCurrentUser();
  const staff = isStaffUser(me);

  const load = useCallback(
    async (quiet = false) => {
      if (!quiet) setState({ status: 'loading' });
      try {
        setState({ status: 'ready', wish: await call('wishes', 'getWish', { wishId }) });
      } catch (error) {
        setState({ status: 'error', error });
      }
    },
    [wishId],
  );

  useEffect(() => {
    void load();
  }, [load]);

  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  /** Runs one step; true closes its dialog or form (done, or the wish moved on and was reloaded). */
  const act = async (done: string, step: () => Promise<WishDetail>): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    try {
      const wish = await step();
      setState({ status: 'ready', wish });
      void Taro.showToast({ title: done, icon: 'success' });
      return true;
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
      if (error instanceof ApiCallError && STALE_CODES.has(error.code)) {
        void load(true);
        return true;
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  const handlers: WishActionHandlers = {
    // Runs in the confirm tap: consent is asked before act() awaits anything.
    claim: () => {
      void askToSubscribe('claimWish');
      return act('认领成功', () => call('wishes', 'claimWish', { wishId }));
    },
    release: (reason) => act('已释放认领', () => call('wishes', 'releaseClaim', { wishId, reason })),
    fulfil: ({ note, photos }) => act('已提交圆梦', () => call('wishes', 'fulfilWish', { wishId, note, photos })),
    confirm: () => act('已确认收到', () => call('wishes', 'confirmWish', { wishId })),
    withdraw: (reason) => act('已撤回', () => call('wishes', 'withdrawWish', reason ? { wishId, reason } : { wishId })),
    review: (approve, reason) =>
      act(approve ? '已通过' : '已驳回', () => call('wishes', 'reviewWish', approve ? { wishId, approve } : { wishId, approve, reason })),
  };

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void load()} />;
  else {
    const { wish } = state;
    body = (
      <>
        <View className="card">
          <View className="card__title wish-card__title">
            <Text className="wish-card__name">{wish.title}</Text>
            <WishStatusTag status={wish.status} />
          </View>
          <Text className="wish-detail__content">{wish.content}</Text>
          <PhotoStrip fileIds={wish.photos} />
        </View>

        <View className="card">
          {/* The account is the resident who asked (a parent for a child's wish), not the beneficiary. */}
          <Row label="心愿对象">
            <Text>{BENEFICIARY_TYPE_LABELS[wish.beneficiaryType]}</Text>
          </Row>
          <Row label="联系居民">
            <Text>{wish.beneficiaryName}</Text>
          </Row>
          {wish.beneficiaryPhone ? (
            <Row label="联系电话">
              <Text>{wish.beneficiaryPhone}</Text>
            </Row>
          ) : null}
          <Row label="心愿类型">
            <Text>{WISH_KIND_LABELS[wish.kind]}</Text>
          </Row>
          {wish.value > 0 ? (
            <Row label="预计价值">
              <Text>约{wish.value}元</Text>
            </Row>
          ) : null}
          <Row label="截止日期">
            <Text>{formatDeadline(wish.deadline)}</Text>
          </Row>
          {wish.proxy ? (
            <Row label="发布方式">
              <Text>社区代发{wish.postedByName ? `（${wish.postedByName}）` : ''}</Text>
            </Row>
          ) : null}
          {wish.claimerName ? (
            <Row label="认领志愿者">
              <Text>{wish.claimerName}</Text>
            </Row>
          ) : null}
          {wish.claimedAt ? (
            <Row label="认领时间">
              <Text>{formatDateTime(wish.claimedAt)}</Text>
            </Row>
          ) : null}
          {wish.status === 'rejected' && wish.rejectReason ? (
            <Row label="未通过原因">
              <Text>{wish.rejectReason}</Text>
            </Row>
          ) : null}
        </View>

        {wish.fulfilledAt ? (
          <View className="card">
            <View className="card__title">圆梦记录</View>
            <Text className="wish-detail__content">{wish.fulfilNote}</Text>
            <PhotoStrip fileIds={wish.fulfilPhotos} />
            <Text className="muted">
              {formatDateTime(wish.fulfilledAt)} 提交
              {wish.confirmedAt ? ` · ${formatDateTime(wish.confirmedAt)} 确认收到` : ' · 等待确认收到'}
            </Text>
          </View>
        ) : null}

        {/* The wish's photos, then the fulfilment's, numbered in the order they show above. */}
        {staff ? <HidePhotos refType="wish" refId={wish._id} fileIds={[...wish.photos, ...wish.fulfilPhotos]} onHidden={() => void load(true)} /> : null}

        <WishActions wishId={wish._id} title={wish.title} can={wish.can} busy={busy} handlers={handlers} />

        <WishTimeline events={wish.timeline} />
      </>
    );
  }

  return <PageShell>{body}</PageShell>;
};

export default WishDetailPage;
