import { Dialog, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { FormField } from '../../../components';

export interface ReasonDialogProps {
  visible: boolean;
  title: string;
  /** What will happen, in words, above the reason box. */
  message: string;
  label: string;
  placeholder: string;
  confirmText: string;
  /** The Chinese message for a reason that may not be sent, or null when it may. */
  validate: (reason: string) => string | null;
  /** Resolves true when the action was sent and the dialog may close. */
  onConfirm: (reason: string) => Promise<boolean>;
  onClose: () => void;
  busy?: boolean;
  /** Marks the reason as required (the check itself is `validate`). */
  required?: boolean;
}

/** A confirmation before an irreversible move that also asks why (取消, 退回). */
export const ReasonDialog = ({ visible, title, message, label, placeholder, confirmText, validate, onConfirm, onClose, busy, required }: ReasonDialogProps) => {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (visible) {
      setReason('');
      setError(null);
    }
  }, [visible]);

  return (
    <Dialog
      visible={visible}
      title={title}
      content={
        <View>
          <Text>{message}</Text>
          <FormField label={label} required={required} error={error ?? undefined}>
            <TextArea
              value={reason}
              placeholder={placeholder}
              maxLength={100}
              onChange={(value) => {
                setReason(value);
                setError(null);
              }}
            />
          </FormField>
        </View>
      }
      confirmText={confirmText}
      cancelText="再想想"
      disableConfirmButton={busy}
      // NutUI closes the dialog once onConfirm resolves and keeps it open when it rejects: a
      // rejection keeps a missing reason on screen next to its box.
      onConfirm={async () => {
        const problem = validate(reason);
        if (problem) {
          setError(problem);
          throw new Error('dialog stays open');
        }
        if (!(await onConfirm(reason.trim()))) throw new Error('dialog stays open');
      }}
      onCancel={onClose}
      onClose={onClose}
    />
  );
};
