import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { MessageView } from '../../../types/messages';
import { EmptyState, ErrorState, LoadingState, PageShell } from '../../components';
import { call, messageOf } from '../../services';
import { formatDateTime } from '../../lib/time';
import { ROUTES } from '../../lib/routes';
import './components/orders.scss';

type ListState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; items: MessageView[]; unread: number; nextCursor: number | null; loadingMore: boolean };

/** Notices about an order open it: the member's task for what was sent to the volunteer. */
const targetOf = (message: MessageView): string | null => {
  if (message.refType !== 'order' || !message.refId) return null;
  return message.kind === 'order_assigned' || message.kind === 'order_cancelled' ? ROUTES.taskDetail(message.refId) : ROUTES.orderDetail(message.refId);
};

/** 消息中心: every notice the community sent, newest first; unread ones are marked. */
const MessagesPage = () => {
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const busy = useRef(false);

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setState({ status: 'loading' });
    try {
      const page = await call('users', 'listMessages', {});
      setState({ status: 'ready', items: page.items, unread: page.unread, nextCursor: page.nextCursor, loadingMore: false });
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
  useReachBottom(() => {
    if (state.status !== 'ready' || state.nextCursor === null || busy.current) return;
    busy.current = true;
    const cursor = state.nextCursor;
    setState({ ...state, loadingMore: true });
    call('users', 'listMessages', { cursor })
      .then((page) =>
        setState((s) => (s.status === 'ready' ? { ...s, items: [...s.items, ...page.items], unread: page.unread, nextCursor: page.nextCursor, loadingMore: false } : s)),
      )
      .catch((error: unknown) => {
        void Taro.showToast({ title: messageOf(error), icon: 'none' });
        setState((s) => (s.status === 'ready' ? { ...s, loadingMore: false } : s));
      })
      .finally(() => {
        busy.current = false;
      });
  });

  const markRead = (ids?: string[]) => {
    setState((s) =>
      s.status === 'ready'
        ? {
            ...s,
            items: s.items.map((m) => (!ids || ids.includes(m._id) ? { ...m, read: true } : m)),
            unread: ids ? Math.max(0, s.unread - s.items.filter((m) => ids.includes(m._id) && !m.read).length) : 0,
          }
        : s,
    );
    call('users', 'markMessagesRead', ids ? { ids } : {}).catch((error: unknown) => {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
      void load(true);
    });
  };

  const open = (message: MessageView) => {
    if (!message.read) markRead([message._id]);
    const url = targetOf(message);
    if (url) void Taro.navigateTo({ url });
  };

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void load()} />;
  else if (state.items.length === 0) body = <EmptyState title="暂无消息" description="派单、接单、服务完成等通知会出现在这里，下拉可刷新。" />;
  else
    body = (
      <>
        <View className="card">
          <View className="card__row">
            <Text>
              未读 <Text className="strong-number">{state.unread}</Text> 条
            </Text>
            {state.unread > 0 ? (
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
              description={`${message.body} · ${formatDateTime(message.at)}`}
              onClick={() => open(message)}
            />
          ))}
        </CellGroup>
        <Text className="list-footer">{state.loadingMore ? '正在加载…' : state.nextCursor === null ? '没有更多了' : '上拉加载更多'}</Text>
      </>
    );

  return <PageShell>{body}</PageShell>;
};

export default MessagesPage;
