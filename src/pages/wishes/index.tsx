import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { BeneficiaryType, WallStatus, WishKind, WishView, WishWallInput, WishWallOutput } from '../../../types/wishes';
import { AUTO_RELEASE_DAYS, BENEFICIARY_TYPE_LABELS, BENEFICIARY_TYPES, MAX_ACTIVE_CLAIMS, WALL_STATUSES, WISH_KIND_LABELS, WISH_KINDS, WISH_STATUS_LABELS } from '../../../types/constants/wishes';
import { ChoiceChips, EmptyState, ErrorState, LoadingState, PageShell } from '../../components';
import { ApiCallError, call, messageOf } from '../../services';
import { useCurrentUser } from '../../lib/currentUser';
import { ROUTES } from '../../lib/routes';
import { ListFooter } from './components/ListFooter';
import { WishCard } from './components/WishCard';
import { usePagedList } from '../../lib/usePagedList';
import { useListPage } from '../../lib/useListPage';
import './wishes.scss';

const ALL = 'all';
const BENEFICIARY_FILTERS = [{ value: ALL, label: '全部对象' }, ...BENEFICIARY_TYPES.map((value) => ({ value, label: BENEFICIARY_TYPE_LABELS[value] }))];
const KIND_FILTERS = [{ value: ALL, label: '全部类型' }, ...WISH_KINDS.map((value) => ({ value, label: WISH_KIND_LABELS[value] }))];
const STATUS_FILTERS = WALL_STATUSES.map((value) => ({ value, label: WISH_STATUS_LABELS[value] }));

const openWish = (wish: WishView) => () => void Taro.navigateTo({ url: ROUTES.wishDetail(wish._id) });

/** 心愿墙: the community's wishes with 累计圆梦 and 待认领 up top, filtered by chips. */
const WishWallPage = () => {
  const { state: userState } = useCurrentUser();
  const [beneficiaryType, setBeneficiaryType] = useState<string>(ALL);
  const [kind, setKind] = useState<string>(ALL);
  const [status, setStatus] = useState<WallStatus>('open');
  const [counts, setCounts] = useState<WishWallOutput['counts'] | null>(null);
  const [busy, setBusy] = useState(false);

  const fetchPage = useCallback(
    (cursor?: number) => {
      const input: WishWallInput = { status };
      if (beneficiaryType !== ALL) input.beneficiaryType = beneficiaryType as BeneficiaryType;
      if (kind !== ALL) input.kind = kind as WishKind;
      if (cursor !== undefined) input.cursor = cursor;
      return call('wishes', 'wishWall', input);
    },
    [beneficiaryType, kind, status],
  );
  const { state, reload, loadMore } = usePagedList(fetchPage, (answer) => setCounts(answer.counts));

  // A changed filter reads the wall afresh; coming back to the tab refreshes it quietly.
  useEffect(() => {
    void reload();
  }, [reload, fetchPage]);
  useListPage({ reload, loadMore });

  const role = userState.status === 'ready' ? userState.user?.role : undefined;
  const post = () => void Taro.navigateTo({ url: role === 'staff' ? ROUTES.staffWishProxy : ROUTES.wishPost });

  /** WeChat's own modal: nothing to ship in the main package, and it reads the same everywhere. */
  const claim = async (claiming: WishView) => {
    if (busy) return;
    const { confirm } = await Taro.showModal({
      title: '认领心愿',
      content: `确认认领“${claiming.title}”？认领后请在${AUTO_RELEASE_DAYS}天内完成并上传圆梦照片，逾期将自动释放；每人最多同时认领${MAX_ACTIVE_CLAIMS}个心愿。`,
      confirmText: '确认认领',
      cancelText: '再想想',
      confirmColor: '#C8161D',
    });
    if (!confirm) return;
    setBusy(true);
    // Coming back from the detail page refreshes the wall; a refusal (已被认领, 上限) refreshes it now.
    let refresh = false;
    try {
      const wish = await call('wishes', 'claimWish', { wishId: claiming._id });
      void Taro.showToast({ title: '认领成功', icon: 'success' });
      void Taro.navigateTo({ url: ROUTES.wishDetail(wish._id) });
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
      refresh = error instanceof ApiCallError && error.code !== 'INTERNAL';
    } finally {
      setBusy(false);
    }
    if (refresh) void reload(true);
  };

  const filtered = beneficiaryType !== ALL || kind !== ALL;
  let list: ReactNode;
  if (state.status === 'loading') list = <LoadingState text="正在加载心愿…" />;
  else if (state.status === 'error') {
    // An unregistered visitor is refused by the server; the way forward is registering.
    const unregistered = state.error instanceof ApiCallError && state.error.code === 'FORBIDDEN';
    list = (
      <ErrorState
        error={state.error}
        onRetry={() => void reload()}
        actionText={unregistered ? '去注册' : undefined}
        onAction={unregistered ? () => void Taro.navigateTo({ url: ROUTES.register }) : undefined}
      />
    );
  }
  else if (state.items.length === 0)
    list = (
      <EmptyState
        title={`暂无${WISH_STATUS_LABELS[status]}的心愿`}
        description={
          filtered
            ? '换个筛选条件看看，或下拉刷新。'
            : status === 'open'
              ? '社区审核通过的心愿会出现在这里。身边有需要帮助的邻居，可以点“发布心愿”。'
              : '下拉可刷新，也可以看看其他状态的心愿。'
        }
      />
    );
  else
    list = state.items.map((wish) => (
      <WishCard
        key={wish._id}
        wish={wish}
        onOpen={openWish(wish)}
        footer={
          wish.can.claim ? (
            <Button type="default" size="small" className="wish-card__claim" disabled={busy} onClick={() => void claim(wish)}>
              我来认领
            </Button>
          ) : null
        }
      />
    ));

  return (
    <PageShell>
      <View className="wish-hero">
        <Text className="wish-hero__title">同心共圆群众心愿</Text>
        <View className="wish-hero__stats">
          <View className="wish-hero__stat">
            <Text className="wish-hero__label">累计圆梦</Text>
            <View className="wish-hero__figure">
              <Text className="wish-hero__number">{counts ? counts.fulfilled : '—'}</Text>
              <Text className="wish-hero__unit">个</Text>
            </View>
          </View>
          <View className="wish-hero__stat">
            <Text className="wish-hero__label">待认领</Text>
            <View className="wish-hero__figure">
              <Text className="wish-hero__number">{counts ? counts.open : '—'}</Text>
              <Text className="wish-hero__unit">个</Text>
            </View>
          </View>
        </View>
      </View>

      {role === 'admin' ? null : (
        <View className="actions actions--top">
          <Button type="primary" block onClick={post}>
            发布心愿
          </Button>
        </View>
      )}

      <View className="card wish-filters">
        <View className="chip-group">
          <ChoiceChips options={STATUS_FILTERS} value={status} onChange={(value) => setStatus(value as WallStatus)} />
        </View>
        <View className="chip-group">
          <ChoiceChips options={BENEFICIARY_FILTERS} value={beneficiaryType} onChange={setBeneficiaryType} />
        </View>
        <View className="chip-group">
          <ChoiceChips options={KIND_FILTERS} value={kind} onChange={setKind} />
        </View>
      </View>

      {list}
      <ListFooter state={state} onMore={() => void loadMore()} />

    </PageShell>
  );
};

export default WishWallPage;
