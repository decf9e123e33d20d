import Taro from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { OrderView } from '../../../../types/orders';
import { ApiCallError, call, messageOf } from '../../../services';
import { useRemote, type Remote } from '../../../lib/useRemote';

export type OrderDetailState = Remote<OrderView>;

export type ActResult = { ok: true; order: OrderView } | { ok: false; error: unknown };

/**
 * One order, and the transitions on it. Each transition answers the order as it now is; a CONFLICT
 * (someone else moved it first) is said in the server's words and the order is reloaded.
 */
export const useOrderDetail = (orderId: string) => {
  const { state, load, setData } = useRemote(() => call('orders', 'getOrder', { orderId }), [orderId]);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  const act = useCallback(
    async (run: () => Promise<OrderView>, done: string): Promise<ActResult> => {
      if (inFlight.current) return { ok: false, error: new ApiCallError({ code: 'RATE_LIMITED', message: '正在处理，请稍候' }) };
      inFlight.current = true;
      setBusy(true);
      try {
        const order = await run();
        setData(order);
        void Taro.showToast({ title: done, icon: 'success' });
        return { ok: true, order };
      } catch (error) {
        void Taro.showToast({ title: messageOf(error), icon: 'none' });
        if (error instanceof ApiCallError && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND')) void load(true);
        return { ok: false, error };
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [load, setData],
  );

  return { state, load, act, busy };
};
