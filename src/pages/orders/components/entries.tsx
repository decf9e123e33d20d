import { useDidShow } from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { UserProfile } from '../../../../types/users';
import { call } from '../../../services';
import { goTo } from '../../../components';
import { ROUTES } from '../../../lib/routes';
import './orders.scss';

/** 我的: 消息中心 with the unread count, and the user's orders, points and the board. */
export const MineOrderLinks = ({ user }: { user: UserProfile }) => {
  const [unread, setUnread] = useState<number | null>(null);
  const last = useRef(0);

  const refresh = () => {
    // Mounted late (after the page's onShow) or shown again: either way at most once a second.
    if (Date.now() - last.current < 1000) return;
    last.current = Date.now();
    call('users', 'listMessages', {})
      .then((page) => setUnread(page.unread))
      // The count is a hint; the message centre itself reports a failure.
      .catch(() => setUnread(null));
  };
  useEffect(refresh, []);
  useDidShow(refresh);

  const orders = user.role === 'resident' || user.role === 'member';
  return (
    <CellGroup title="服务与消息">
      <Cell
        title="消息中心"
        clickable
        extra={unread ? <Text className="badge-count">{unread > 99 ? '99+' : unread}</Text> : <Text className="muted">{unread === 0 ? '无未读' : ''}</Text>}
        onClick={goTo(ROUTES.messages)}
      />
      {orders ? <Cell title="我的订单" clickable onClick={goTo(ROUTES.myOrders)} /> : null}
      {user.role === 'member' ? <Cell title="我的任务" clickable onClick={goTo(ROUTES.myTasks)} /> : null}
      {user.role === 'member' ? <Cell title="我的积分" clickable onClick={goTo(ROUTES.myPoints)} /> : null}
      <Cell title="先锋榜" clickable onClick={goTo(ROUTES.leaderboard)} />
    </CellGroup>
  );
};
