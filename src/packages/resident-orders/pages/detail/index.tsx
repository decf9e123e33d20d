import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { CancelInput } from '../../../../../types/orders';
import { ErrorState, LoadingState, PageShell } from '../../../../components';
import { call } from '../../../../services';
import { fieldErrorsOf } from '../../../../lib/fieldErrors';
import { OrderInfo, OrderTimelineCard } from '../../../../pages/orders/components/OrderInfo';
import { RatingInput } from '../../../../pages/orders/components/RatingInput';
import { ReasonDialog } from '../../../../pages/orders/components/ReasonDialog';
import { useOrderDetail } from '../../../../pages/orders/components/useOrderDetail';

/** A resident may cancel until a volunteer has started. */
const CANCELLABLE = new Set(['submitted', 'assigned']);

/** An order as its resident sees it: the facts, the timeline, and 取消 or 评价 when they apply. */
const OrderDetailPage = () => {
  const { params } = useRouter();
  const orderId = params.id ? decodeURIComponent(params.id) : '';
  const { state, load, act, busy } = useOrderDetail(orderId);
  const [cancelling, setCancelling] = useState(false);

  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void load()} />;
  else {
    const { data: order } = state;
    body = (
      <>
        <OrderInfo order={order} view="resident" />
        {order.status === 'completed' ? (
          <RatingInput
            busy={busy}
            onSubmit={async (data) => {
              const result = await act(() => call('orders', 'rateOrder', { orderId: order._id, ...data }), '感谢您的评价');
              if (!result.ok) throw result.error;
            }}
          />
        ) : null}
        {order.status === 'submitted' ? (
          <View className="card">
            <Text className="muted">社区正在为您安排党员志愿者，派单后会通知您。</Text>
          </View>
        ) : null}
        <OrderTimelineCard order={order} />
        {CANCELLABLE.has(order.status) ? (
          <View className="actions actions--stacked">
            <Button type="default" block disabled={busy} onClick={() => setCancelling(true)}>
              取消订单
            </Button>
          </View>
        ) : null}
        <ReasonDialog
          visible={cancelling}
          title="取消订单"
          message={`确定取消“${order.itemTitle}”吗？取消后不能恢复，如仍需服务请重新点单。`}
          label="取消原因（选填）"
          placeholder="如：问题已自行解决"
          confirmText="确认取消"
          busy={busy}
          validate={(reason) => {
            const parsed = CancelInput.safeParse({ orderId: order._id, reason: reason.trim() || undefined });
            return parsed.success ? null : (fieldErrorsOf(parsed.error.issues).reason ?? null);
          }}
          onConfirm={async (reason) => {
            // Whatever the answer, the dialog closes: a refusal is toasted and the order reloaded.
            await act(() => call('orders', 'cancelOrder', { orderId: order._id, ...(reason ? { reason } : {}) }), '订单已取消');
            return true;
          }}
          onClose={() => setCancelling(false)}
        />
      </>
    );
  }

  return <PageShell>{body}</PageShell>;
};

export default OrderDetailPage;
