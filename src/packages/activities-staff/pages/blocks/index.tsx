import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useState, type ReactNode } from 'react';
import { BLOCK_DAYS, NO_SHOWS_TO_BLOCK, NO_SHOW_WINDOW_DAYS, type BlockView } from '../../../../../types/activities';
import { EmptyState, ErrorState, LoadingState, PageShell, StatusTag } from '../../../../components';
import { call, messageOf } from '../../../../services';
import { momentLabel } from '../../../../pages/activities/lib/activityTime';
import '../../../../pages/activities/activities.scss';

type BlocksState = { status: 'loading' } | { status: 'ready'; items: BlockView[] } | { status: 'error'; error: unknown };

/** Residents blocked after repeated no-shows, and lifting a block (asked first). */
const BlocksPage = () => {
  const [state, setState] = useState<BlocksState>({ status: 'loading' });
  const [lifting, setLifting] = useState<BlockView | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setState({ status: 'loading' });
    try {
      const { items } = await call('activities', 'listBlocks', {});
      setState({ status: 'ready', items });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, []);

  useDidShow(() => {
    void load(state.status === 'ready');
  });

  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  const lift = async (block: BlockView) => {
    setLifting(null);
    if (busy) return;
    setBusy(true);
    try {
      await call('activities', 'liftBlock', { userId: block.userId, note: '社区工作者解除' });
      void Taro.showToast({ title: `已解除${block.userName}的报名限制`, icon: 'none' });
      await load(true);
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void load()} />;
  else if (state.items.length === 0) body = <EmptyState title="目前没有被限制报名的居民" description="居民多次报名后未到场时会出现在这里，下拉可刷新。" />;
  else
    body = state.items.map((block) => (
      <View key={block._id} className="card">
        <View className="card__title">
          <Text>{block.userName || '居民'}</Text>
          <StatusTag text={block.active ? '限制中' : '已解除'} tone={block.active ? 'danger' : 'muted'} />
        </View>
        <Text className="muted">
          未到场 <Text className="menu-head__count">{block.noShowCount}</Text> 次 · 限制至 {momentLabel(block.until)}
        </Text>
        {block.active ? (
          <View className="actions">
            <Button type="default" disabled={busy} onClick={() => setLifting(block)}>
              解除限制
            </Button>
          </View>
        ) : null}
      </View>
    ));

  return (
    <PageShell>
      <View className="card">
        <Text className="muted">
          规则：{NO_SHOW_WINDOW_DAYS}天内报名后{NO_SHOWS_TO_BLOCK}次未到场，暂停报名新活动{BLOCK_DAYS}天。确有特殊情况的，可在了解后解除。
        </Text>
      </View>
      {body}
      <Dialog
        visible={lifting !== null}
        title="确认解除限制"
        content={lifting ? `解除后${lifting.userName || '该居民'}可立即报名新活动，此操作会记录在案。确定解除吗？` : ''}
        confirmText="确认解除"
        cancelText="再想想"
        onConfirm={() => {
          if (lifting) void lift(lifting);
        }}
        onCancel={() => setLifting(null)}
        onClose={() => setLifting(null)}
      />
    </PageShell>
  );
};

export default BlocksPage;
