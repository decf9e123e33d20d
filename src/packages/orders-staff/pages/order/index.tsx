import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import type { UserSummary } from '../../../../../types/users';
import { ErrorState, LoadingState, PageShell } from '../../../../components';
import { call } from '../../../../services';
import { useCurrentUser } from '../../../../lib/currentUser';
import { OrderInfo, OrderTimelineCard } from '../../../../pages/orders/components/OrderInfo';
import { RatingInput } from '../../../../pages/orders/components/RatingInput';
import { ReasonDialog } from '../../../../pages/orders/components/ReasonDialog';
import { useOrderDetail } from '../../../../pages/orders/components/useOrderDetail';
import { HidePhotos } from '../../../../components/HidePhotos';
import { MemberPicker } from '../../components/MemberPicker';
import { staffCancelProblem } from '../../components/staffCancel';
import '../../../../pages/orders/components/orders.scss';

/** Staff may cancel until the order is completed; a reason is required. */
const CANCELLABLE = new Set(['submitted', 'assigned', 'serving']);

/** An order on the staff side: 派单 to a member, cancel with a reason, and 代评价 for a 代点单. */
const StaffOrderPage = () => {
  const { params } = useRouter();
  const orderId = params.id ? decodeURIComponent(params.id) : '';
  const { state, load, act, busy } = useOrderDetail(orderId);
  const { state: me } = useCurrentUser();
  const [picked, setPicked] = useState<UserSummary | null>(null);
  const [cancelling, setCancelling] = useState(false);

  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void load()} />;
  else {
    const { data: order } = state;
    const meId = me.status === 'ready' ? me.user?._id : undefined;
    // Only the staff member who ordered for the resident may rate on their behalf.
    const proxyByMe = order.proxyBy === meId;
    body = (
      <>
        <OrderInfo order={order} view="staff" />
        {order.status === 'submitted' ? (
          <View className="card">
            <View className="card__title">派单</View>
            <Text className="muted">
              {order.skills.length > 0 ? `需要技能：${order.skills.join('、')}。技能匹配的党员排在前面。` : '该服务不限技能。'}
            </Text>
            <MemberPicker skills={order.skills} disabled={busy} onPick={setPicked} />
          </View>
        ) : null}
        {order.status === 'completed' && proxyByMe ? (
          <RatingInput
            busy={busy}
            onSubmit={async (data) => {
              const result = await act(() => call('orders', 'rateOrder', { orderId: order._id, ...data }), '已代居民评价');
              if (!result.ok) throw result.error;
            }}
          />
        ) : null}
        <HidePhotos refType="order" refId={order._id} fileIds={order.photos} onHidden={() => void load(true)} />
        <OrderTimelineCard order={order} />
        {CANCELLABLE.has(order.status) ? (
          <View className="actions actions--stacked">
            <Button type="default" block disabled={busy} onClick={() => setCancelling(true)}>
              取消订单
            </Button>
          </View>
        ) : null}
        <Dialog
          visible={picked !== null}
          title="确认派单"
          content={picked ? <Text>{`将“${order.itemTitle}”（${order.residentName}，${order.date}）派给 ${picked.name}？派单后会通知党员和居民。`}</Text> : null}
          confirmText="确认派单"
          cancelText="再想想"
          disableConfirmButton={busy}
          onConfirm={async () => {
            if (!picked) return;
            await act(() => call('orders', 'dispatchOrder', { orderId: order._id, memberId: picked._id }), `已派给${picked.name}`);
          }}
          onCancel={() => setPicked(null)}
          onClose={() => setPicked(null)}
        />
        <ReasonDialog
          visible={cancelling}
          title="取消订单"
          message={`取消“${order.itemTitle}”（${order.residentName}）后不能恢复，原因会告知居民和党员。`}
          label="取消原因"
          required
          placeholder="如：居民电话告知不再需要"
          confirmText="确认取消"
          busy={busy}
          validate={(reason) => staffCancelProblem(order._id, reason)}
          onConfirm={async (reason) => {
            await act(() => call('orders', 'cancelOrder', { orderId: order._id, reason }), '订单已取消');
            return true;
          }}
          onClose={() => setCancelling(false)}
        />
      </>
    );
  }

  return <PageShell>{body}</PageShell>;
};

export default StaffOrderPage;
