import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { MessageView } from '../../../../../types/messages';
import { EmptyState, ErrorState, ListFooter, LoadingState, PageShell } from '../../../../components';
import { call, messageOf } from '../../../../services';
import { formatDateTime } from '../../../../lib/time';
import { ROUTES } from '../../../../lib/routes';
import { useListPage } from '../../../../lib/useListPage';
import { usePagedList } from '../../../../lib/usePagedList';
import '../../../../pages/orders/components/orders.scss';

/** Where a message leads: what it is about. A tab (the month's activity menu) is switched to. */
export const targetOf = (message: Pick<MessageView, 'refType' | 'refId' | 'kind'>): { url: string; tab: boolean } | null => {
  if (message.refType === 'activity_menu') return { url: ROUTES.activities, tab: true };
  if (!message.refId) return null;
  switch (message.refType) {
    case 'order':
      // What was sent to the volunteer opens their task; the resident's notices open the order.
      return { url: message.kind === 'order_assigned' || message.kind === 'order_cancelled' ? ROUTES.taskDetail(message.refId) : ROUTES.orderDetail(message.refId), tab: false };
    case 'wish':
      return { url: ROUTES.wishDetail(message.refId), tab: false };
    case 'activity':
      return { url: ROUTES.activityDetail(message.refId), tab: false };
    default:
      return null;
  }
};

/** 消息中心: every notice the community sent, newest first; unread ones are marked. */
const MessagesPage = () => {
  const [unread, setUnread] = useState(0);
  const fetchPage = useCallback((cursor?: string) => call('users', 'listMessages', cursor === undefined ? {} : { cursor }), []);
  const { state, reload, loadMore, update } = usePagedList(fetchPage, {
    onAnswer: (page) => setUnread(page.unread),
    onMoreError: (error) => void Taro.showToast({ title: messageOf(error), icon: 'none' }),
  });

  useEffect(() => {
    void reload();
  }, [reload]);
  useListPage({ reload, loadMore });

  const markRead = (ids?: string[]) => {
    if (state.status === 'ready') {
      const newlyRead = ids ? state.items.filter((m) => ids.includes(m._id) && !m.read).length : 0;
      setUnread((n) => (ids ? Math.max(0, n - newlyRead) : 0));
      update((items) => items.map((m) => (!ids || ids.includes(m._id) ? { ...m, read: true } : m)));
    }
    call('users', 'markMessagesRead', ids ? { ids } : {}).catch((error: unknown) => {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
      void reload(true);
    });
  };

  const open = (message: MessageView) => {
    if (!message.read) markRead([message._id]);
    const target = targetOf(message);
    if (target) void (target.tab ? Taro.switchTab({ url: target.url }) : Taro.navigateTo({ url: target.url }));
  };

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void reload()} />;
  else if (state.items.length === 0) body = <EmptyState title="暂无消息" description="派单、接单、服务完成等通知会出现在这里，下拉可刷新。" />;
  else
    body = (
      <>
        <View className="card">
          <View className="card__row">
            <Text>
              未读 <Text className="strong-number">{unread}</Text> 条
            </Text>
            {unread > 0 ? (
              <Button type="default" size="small" onClick={() => markRead()}>
                全部已读
              </Button>
            ) : null}
          </View>
        </View>
        <CellGroup>
          {state.items.map((message) => (
            <Cell
              key={message._id}
              className="message-row"
              clickable
              title={
                <View>
                  {message.read ? null : <View className="message-row__dot" />}
                  <Text>{message.title}</Text>
                </View>
              }
              description={
                <View>
                  <Text className="message-row__body">{message.body}</Text>
                  <Text className="message-row__time">{formatDateTime(message.at)}</Text>
                </View>
              }
              onClick={() => open(message)}
            />
          ))}
        </CellGroup>
        <ListFooter more={state.more} hasMore={state.nextCursor !== null} />
      </>
    );

  return <PageShell>{body}</PageShell>;
};

export default MessagesPage;
