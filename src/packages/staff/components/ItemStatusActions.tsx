import { Button, Dialog } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { ITEM_TRANSITIONS, type ItemStatus } from '../../../../types/menu';

/** The verb on each button: what the staff member does, not the state it ends in. */
export const ITEM_ACTION_LABELS: Record<ItemStatus, string> = {
  draft: '退回草稿',
  published: '上架',
  paused: '暂停',
  archived: '归档',
};

export interface ItemStatusActionsProps {
  status: ItemStatus;
  busy?: boolean;
  onChange: (to: ItemStatus) => void;
}

/**
 * Only the transitions the state machine allows from here. Archiving is final, so it asks first;
 * the others are reversible and act at once.
 */
export const ItemStatusActions = ({ status, busy = false, onChange }: ItemStatusActionsProps) => {
  const [confirmingArchive, setConfirmingArchive] = useState(false);
  const targets = ITEM_TRANSITIONS[status];
  if (targets.length === 0) return null;

  return (
    <View className="actions">
      {targets.map((to) => (
        <Button
          key={to}
          type={to === 'published' ? 'primary' : 'default'}
          disabled={busy}
          onClick={() => (to === 'archived' ? setConfirmingArchive(true) : onChange(to))}
        >
          {ITEM_ACTION_LABELS[to]}
        </Button>
      ))}
      <Dialog
        visible={confirmingArchive}
        title="确认归档"
        content="归档后该服务将从菜单中移除，且不能再上架或修改。确定归档吗？"
        confirmText="确认归档"
        cancelText="再想想"
        onConfirm={() => {
          setConfirmingArchive(false);
          onChange('archived');
        }}
        onCancel={() => setConfirmingArchive(false)}
        onClose={() => setConfirmingArchive(false)}
      />
    </View>
  );
};
