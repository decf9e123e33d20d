import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { ReasonInput } from '../../../../../types/orders';
import { ErrorState, LoadingState, PageShell } from '../../../../components';
import { askToSubscribe, call } from '../../../../services';
import { fieldErrorsOf } from '../../../../lib/fieldErrors';
import { OrderInfo, OrderTimelineCard } from '../../../../pages/orders/components/OrderInfo';
import { ReasonDialog } from '../../../../pages/orders/components/ReasonDialog';
import { useOrderDetail } from '../../../../pages/orders/components/useOrderDetail';
import { CompleteForm } from '../../components/CompleteForm';
import { GrabDialog } from '../../components/GrabDialog';
import { grabOrder } from '../../components/grab';

/** A full phone number (not 138****1234) can be dialled. */
const dialable = (phone: string) => /^\d{11}$/.test(phone);

/** A task as its member sees it: contact while it is theirs, then 开始服务, 完成服务 or 退回. */
const TaskDetailPage = () => {
  const { params } = useRouter();
  const orderId = params.id ? decodeURIComponent(params.id) : '';
  const { state, load, act, busy } = useOrderDetail(orderId);
  const [starting, setStarting] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [grabbing, setGrabbing] = useState(false);

  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void load()} />;
  else {
    const { data: order } = state;
    const mine = order.status === 'assigned' || order.status === 'serving';
    body = (
      <>
        <OrderInfo order={order} view="member" />
        {mine && dialable(order.phone) ? (
          <View className="actions actions--top">
            <Button type="default" onClick={() => void Taro.makePhoneCall({ phoneNumber: order.phone }).catch(() => undefined)}>
              拨打居民电话
            </Button>
          </View>
        ) : null}
        {order.status === 'submitted' ? (
          <View className="card">
            <Text className="muted">该服务正在等待接单，接单后可看到居民地址和完整电话。</Text>
            <View className="actions actions--stacked">
              <Button type="primary" block disabled={busy} onClick={() => setGrabbing(true)}>
                我来接单
              </Button>
            </View>
          </View>
        ) : null}
        {order.status === 'assigned' ? (
          <View className="actions actions--stacked actions--top">
            <Button type="primary" block size="large" disabled={busy} onClick={() => setStarting(true)}>
              开始服务
            </Button>
            <Button type="default" block disabled={busy} onClick={() => setDeclining(true)}>
              退回订单
            </Button>
          </View>
        ) : null}
        {order.status === 'serving' ? (
          <CompleteForm
            orderId={order._id}
            busy={busy}
            onSubmit={async (data) => {
              const result = await act(() => call('orders', 'completeOrder', data), '服务已完成');
              if (!result.ok) throw result.error;
            }}
          />
        ) : null}
        <OrderTimelineCard order={order} />
        <Dialog
          visible={starting}
          title="开始服务"
          content={<Text>确认已与居民联系并开始上门服务？开始后将不能退回。</Text>}
          confirmText="开始服务"
          cancelText="再想想"
          disableConfirmButton={busy}
          onConfirm={async () => {
            // The confirm tap asks consent first (next dispatched task), before any await.
            void askToSubscribe('takeOrder');
            await act(() => call('orders', 'startOrder', { orderId: order._id }), '已开始服务');
          }}
          onCancel={() => setStarting(false)}
          onClose={() => setStarting(false)}
        />
        <ReasonDialog
          visible={declining}
          title="退回订单"
          message="退回后订单回到待派单，由社区重新安排。请说明原因。"
          label="退回原因"
          placeholder="如：当天临时有事，无法上门"
          confirmText="确认退回"
          required
          busy={busy}
          validate={(reason) => {
            const parsed = ReasonInput.safeParse({ orderId: order._id, reason });
            return parsed.success ? null : (fieldErrorsOf(parsed.error.issues).reason ?? null);
          }}
          onConfirm={async (reason) => {
            const result = await act(() => call('orders', 'declineOrder', { orderId: order._id, reason }), '已退回');
            if (result.ok) void Taro.navigateBack().catch(() => undefined);
            return true;
          }}
          onClose={() => setDeclining(false)}
        />
        <GrabDialog
          order={grabbing ? order : null}
          busy={busy}
          onConfirm={async () => {
            await grabOrder(order._id);
            setGrabbing(false);
            // Taken by this member, by someone else, or cancelled: show it as it now is.
            void load(true);
          }}
          onClose={() => setGrabbing(false)}
        />
      </>
    );
  }

  return <PageShell>{body}</PageShell>;
};

export default TaskDetailPage;
