import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ScrollView, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { BeneficiaryType, WallStatus, WishKind, WishView, WishWallInput, WishWallOutput } from '../../../types/wishes';
import { AUTO_RELEASE_DAYS, BENEFICIARY_TYPE_LABELS, BENEFICIARY_TYPES, MAX_ACTIVE_CLAIMS, WALL_STATUSES, WISH_KIND_LABELS, WISH_KINDS, WISH_STATUS_LABELS } from '../../../types/constants/wishes';
import { EmptyState, ErrorState, LoadingState, PageShell, SegmentTabs } from '../../components';
import { ApiCallError, askToSubscribe, call, isUnregistered, messageOf } from '../../services';
import { useCurrentUser } from '../../lib/currentUser';
import { ROUTES } from '../../lib/routes';
import { ListFooter } from './components/ListFooter';
import { WishCard } from './components/WishCard';
import { usePagedList } from '../../lib/usePagedList';
import { useListPage } from '../../lib/useListPage';
import './wishes.scss';

const ALL = 'all';
const STATUS_TABS = WALL_STATUSES.map((value) => ({ value, label: WISH_STATUS_LABELS[value] }));

/** One scrolling row of filter chips: who the wish is for, then what kind; a tap toggles. */
const FilterRow = ({ beneficiaryType, kind, onBeneficiary, onKind }: { beneficiaryType: string; kind: string; onBeneficiary: (v: string) => void; onKind: (v: string) => void }) => {
  const chip = (key: string, label: string, on: boolean, tap: () => void) => (
    <View key={key} className={`chip chip--small${on ? ' chip--selected' : ''}`} onClick={tap}>
      <Text>{label}</Text>
    </View>
  );
  return (
    <ScrollView scrollX className="filter-row" enhanced showScrollbar={false}>
      <View className="filter-row__inner">
        {chip('all', '全部', beneficiaryType === ALL && kind === ALL, () => {
          onBeneficiary(ALL);
          onKind(ALL);
        })}
        {BENEFICIARY_TYPES.map((value) =>
          chip(value, BENEFICIARY_TYPE_LABELS[value], beneficiaryType === value, () => onBeneficiary(beneficiaryType === value ? ALL : value)),
        )}
        <View className="filter-row__divider" />
        {WISH_KINDS.map((value) => chip(value, WISH_KIND_LABELS[value], kind === value, () => onKind(kind === value ? ALL : value)))}
      </View>
    </ScrollView>
  );
};

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
    (cursor?: string) => {
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
    // Consent is asked on the 认领 tap itself, before the confirm modal is awaited: after an await
    // WeChat no longer counts it as a tap. Saying yes and then 再想想 costs nothing.
    void askToSubscribe('claimWish');
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
    // An unregistered visitor gets ErrorState's invitation to register.
    list = (
      <ErrorState
        error={state.error}
        onRetry={() => void reload()}
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

  const unregistered = state.status === 'error' && isUnregistered(state.error);
  return (
    <PageShell tab="wishes">
      {unregistered ? null : (
        <View className="card wish-hero">
          <View className="wish-hero__head">
            <Text className="wish-hero__title">同心共圆群众心愿</Text>
            {role === 'admin' ? null : (
              <Button type="primary" size="small" className="wish-hero__post" onClick={post}>
                发布心愿
              </Button>
            )}
          </View>
          {counts ? (
            <View className="wish-hero__stats">
              <View className="wish-hero__stat">
                <Text className="wish-hero__label">累计圆梦</Text>
                <View className="wish-hero__figure">
                  <Text className="wish-hero__number wish-hero__number--accent">{counts.fulfilled}</Text>
                  <Text className="wish-hero__unit">个</Text>
                </View>
              </View>
              <View className="wish-hero__stat">
                <Text className="wish-hero__label">待认领</Text>
                <View className="wish-hero__figure">
                  <Text className="wish-hero__number">{counts.open}</Text>
                  <Text className="wish-hero__unit">个</Text>
                </View>
              </View>
            </View>
          ) : null}
        </View>
      )}

      {unregistered ? null : (
        <>
          <SegmentTabs tabs={STATUS_TABS} value={status} onChange={setStatus} />
          <FilterRow beneficiaryType={beneficiaryType} kind={kind} onBeneficiary={setBeneficiaryType} onKind={setKind} />
        </>
      )}

      {list}
      <ListFooter state={state} onMore={() => void loadMore()} />

    </PageShell>
  );
};

export default WishWallPage;
