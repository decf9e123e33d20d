import Taro from '@tarojs/taro';
import type { OrderView } from '../../../../types/orders';
import { ApiCallError, askToSubscribe, call, messageOf } from '../../../services';

/**
 * 抢单. Two members may tap at once; the loser gets CONFLICT and is told plainly that someone
 * else took it (the server's words when the order was cancelled instead).
 */
export const grabOrder = async (orderId: string): Promise<{ ok: true; order: OrderView } | { ok: false; conflict: boolean }> => {
  // Called from the confirm tap: ask consent first, before the await (the member is told of the
  // next task dispatched to them). Never waited for: a refusal still takes the order.
  void askToSubscribe('takeOrder');
  try {
    const order = await call('orders', 'grabOrder', { orderId });
    void Taro.showToast({ title: '接单成功', icon: 'success' });
    return { ok: true, order };
  } catch (error) {
    const conflict = error instanceof ApiCallError && error.code === 'CONFLICT';
    const title = conflict && (error as ApiCallError).message !== '订单已取消' ? '已被他人接单' : messageOf(error);
    void Taro.showToast({ title, icon: 'none' });
    return { ok: false, conflict };
  }
};
