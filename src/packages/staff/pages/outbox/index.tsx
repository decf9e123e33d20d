/**
 * 消息发送记录 (local mode only): the subscribe messages the events would have sent to WeChat, as
 * the local outbox recorded them — which event, to whom, the template's fields and when. There is
 * no such list in WeChat (the messages go straight to the person), so the page exists only in the
 * h5 build (src/app.config.ts).
 */
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { SUBSCRIBE_EVENT_LABELS, type SubscribeEvent } from '../../../../../types/constants/subscribe';
import { EmptyState, ErrorState, LoadingState, PageShell, StatusTag } from '../../../../components';
import { listOutbox, type OutboxItem } from '../../../../services/devLogin';
import { formatDateTime } from '../../../../lib/time';
import { useRemote } from '../../../../lib/useRemote';
import './outbox.scss';

const eventLabel = (event: string): string => SUBSCRIBE_EVENT_LABELS[event as SubscribeEvent] ?? event;

const OutboxCard = ({ item }: { item: OutboxItem }) => (
  <View className="card outbox-item">
    <View className="card__title">
      <Text>{eventLabel(item.event)}</Text>
      {item.result.ok ? <StatusTag text="已发送" tone="success" /> : <StatusTag text={`发送失败 ${item.result.code}`} tone="danger" />}
    </View>
    <Text className="muted line outbox-item__to">
      发给 {item.userName ?? item.userId} · {formatDateTime(item.at)}
    </Text>
    {Object.entries(item.data).map(([key, { value }]) => (
      <View key={key} className="outbox-item__field">
        <Text className="muted">{key}</Text>
        <Text>{value}</Text>
      </View>
    ))}
    <Text className="muted line">打开页面：{item.page}</Text>
  </View>
);

const OutboxPage = () => {
  const { state, load } = useRemote(listOutbox, []);
  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState text="正在读取发送记录…" />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void load()} />;
  else if (state.data.length === 0)
    body = (
      <EmptyState
        title="还没有发出的订阅消息"
        description="居民点单、党员接单、认领心愿、报名活动后，微信会收到的订阅消息会记在这里。下拉可刷新。"
      />
    );
  else body = state.data.map((item) => <OutboxCard key={`${item.messageId}-${item.at}`} item={item} />);

  return (
    <PageShell>
      <View className="card notice">
        <Text className="notice__title">本地模式：消息没有真的发到微信</Text>
        <Text className="muted line">这里列出本社区最近的订阅消息（最新在前），便于核对内容和收件人。</Text>
      </View>
      {body}
    </PageShell>
  );
};

export default OutboxPage;
