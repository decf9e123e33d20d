import { useDidShow } from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { UserProfile } from '../../../../types/users';
import { call } from '../../../services';
import { EntryTile, goTo } from '../../../components';
import { ROUTES } from '../../../lib/routes';
import './orders.scss';

/** 首页, resident panel: 我的订单 and 先锋榜. */
export const ResidentOrderEntries = () => (
  <>
    <EntryTile title="我的订单" desc="点单进度、评价服务" onClick={goTo(ROUTES.myOrders)} />
    <EntryTile title="先锋榜" desc="党员志愿者积分排行" onClick={goTo(ROUTES.leaderboard)} />
  </>
);

/** 首页, member panel: 任务大厅, 我的任务, 我的积分 and the board (their own orders are under 我的). */
export const MemberOrderEntries = () => (
  <>
    <EntryTile title="任务大厅" desc="接单：匹配您技能的服务" onClick={goTo(ROUTES.taskHall)} />
    <EntryTile title="我的任务" desc="开始服务、完成服务" onClick={goTo(ROUTES.myTasks)} />
    <EntryTile title="我的积分" desc="积分、星级与明细" onClick={goTo(ROUTES.myPoints)} />
    <EntryTile title="先锋榜" desc="月榜、季榜、年榜" onClick={goTo(ROUTES.leaderboard)} />
  </>
);

/** 首页, staff panel: 派单台, 代点单, 全部订单, 党员积分. */
export const StaffOrderEntries = () => (
  <>
    <EntryTile title="派单台" desc="派单：待派单、超时未派、低分回访" onClick={goTo(ROUTES.dispatchBoard)} />
    <EntryTile title="代点单" desc="为长辈等居民预约服务" onClick={goTo(ROUTES.proxyOrder)} />
    <EntryTile title="全部订单" desc="按状态查看本社区订单" onClick={goTo(ROUTES.allOrders)} />
    <EntryTile title="党员积分" desc="查看积分明细，按原因调整积分" onClick={goTo(ROUTES.staffPoints)} />
    <EntryTile title="月度复盘" desc="本月订单、评价与未满足需求，可导出Excel" onClick={goTo(ROUTES.monthlyReview)} />
  </>
);

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
