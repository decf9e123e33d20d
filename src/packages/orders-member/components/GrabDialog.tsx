import { Dialog } from '@nutui/nutui-react-taro';
import { Text } from '@tarojs/components';
import type { OrderView } from '../../../../types/orders';
import { SLOT_LABELS } from '../../../../types/constants/orders';

export interface GrabDialogProps {
  order: Pick<OrderView, 'itemTitle' | 'date' | 'slot'> | null;
  busy?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** 抢单 asks first: once taken, the resident is told this member is coming. */
export const GrabDialog = ({ order, busy, onConfirm, onClose }: GrabDialogProps) => (
  <Dialog
    visible={order !== null}
    title="确认接单"
    content={
      order ? (
        <Text>{`接下“${order.itemTitle}”后，请在 ${order.date} ${SLOT_LABELS[order.slot]} 上门服务，并提前联系居民。`}</Text>
      ) : null
    }
    confirmText="确认接单"
    cancelText="再想想"
    disableConfirmButton={busy}
    onConfirm={onConfirm}
    onCancel={onClose}
    onClose={onClose}
  />
);
