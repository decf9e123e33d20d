import { Button, Dialog, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { FulfilWishFields, ReleaseClaimInput, ReviewWishInput, WithdrawWishInput, type WishAbilities } from '../../../../types/wishes';
import { AUTO_RELEASE_DAYS, MAX_ACTIVE_CLAIMS, MAX_WISH_PHOTOS } from '../../../../types/constants/wishes';
import { FormField } from '../../../components';
import { fieldErrorsOf } from '../../../lib/fieldErrors';
import { PhotoPicker } from './PhotoPicker';

/**
 * Each handler resolves true when the step is done (or failed for good and was reported), so the
 * dialog or form may close; false keeps it open.
 */
export interface WishActionHandlers {
  claim: () => Promise<boolean>;
  release: (reason: string) => Promise<boolean>;
  fulfil: (input: { note: string; photos: string[] }) => Promise<boolean>;
  confirm: () => Promise<boolean>;
  withdraw: (reason?: string) => Promise<boolean>;
  review: (approve: boolean, reason?: string) => Promise<boolean>;
}

export interface WishActionsProps {
  wishId: string;
  title: string;
  can: WishAbilities;
  busy?: boolean;
  handlers: WishActionHandlers;
}

type Pending =
  | { kind: 'claim' }
  | { kind: 'confirm' }
  | { kind: 'approve' }
  | { kind: 'release'; reason: string; error?: string }
  | { kind: 'withdraw'; reason: string; error?: string }
  | { kind: 'reject'; reason: string; error?: string };

const DIALOG_TITLES: Record<Pending['kind'], string> = {
  claim: '认领心愿',
  confirm: '确认收到',
  approve: '审核通过',
  release: '释放认领',
  withdraw: '撤回心愿',
  reject: '不通过',
};

const CONFIRM_TEXTS: Record<Pending['kind'], string> = {
  claim: '确认认领',
  confirm: '确认收到',
  approve: '确认通过',
  release: '确认释放',
  withdraw: '确认撤回',
  reject: '确认不通过',
};

/** Only the steps the server says this viewer may take now (`can`); the irreversible ones ask first. */
export const WishActions = ({ wishId, title, can, busy = false, handlers }: WishActionsProps) => {
  const [pending, setPending] = useState<Pending | null>(null);
  const [fulfilling, setFulfilling] = useState(false);
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [fulfilErrors, setFulfilErrors] = useState<Record<string, string>>({});

  /** Checks what the dialog collected against the action's schema, then runs it. */
  const run = async (): Promise<boolean> => {
    if (!pending) return true;
    switch (pending.kind) {
      case 'claim':
        return handlers.claim();
      case 'confirm':
        return handlers.confirm();
      case 'approve':
        return handlers.review(true);
      case 'release': {
        const parsed = ReleaseClaimInput.safeParse({ wishId, reason: pending.reason });
        if (!parsed.success) {
          setPending({ ...pending, error: fieldErrorsOf(parsed.error.issues).reason ?? '请填写释放原因' });
          return false;
        }
        return handlers.release(parsed.data.reason);
      }
      case 'withdraw': {
        const parsed = WithdrawWishInput.safeParse({ wishId, reason: pending.reason });
        if (!parsed.success) {
          setPending({ ...pending, error: fieldErrorsOf(parsed.error.issues).reason ?? '撤回原因格式不正确' });
          return false;
        }
        return handlers.withdraw(parsed.data.reason || undefined);
      }
      case 'reject': {
        const parsed = ReviewWishInput.safeParse({ wishId, approve: false, reason: pending.reason });
        if (!parsed.success || !parsed.data.reason) {
          const message = parsed.success ? '请填写不通过的原因' : (fieldErrorsOf(parsed.error.issues).reason ?? '请填写不通过的原因');
          setPending({ ...pending, error: message });
          return false;
        }
        return handlers.review(false, parsed.data.reason);
      }
    }
  };

  const submitFulfil = async () => {
    const parsed = FulfilWishFields.safeParse({ note, photos });
    if (!parsed.success) {
      setFulfilErrors(fieldErrorsOf(parsed.error.issues));
      return;
    }
    setFulfilErrors({});
    if (await handlers.fulfil(parsed.data)) {
      setFulfilling(false);
      setNote('');
      setPhotos([]);
    }
  };

  const buttons: ReactNode[] = [];
  if (can.review) {
    buttons.push(
      <Button key="approve" type="primary" disabled={busy} onClick={() => setPending({ kind: 'approve' })}>
        审核通过
      </Button>,
      <Button key="reject" type="default" disabled={busy} onClick={() => setPending({ kind: 'reject', reason: '' })}>
        不通过
      </Button>,
    );
  }
  if (can.claim) {
    buttons.push(
      <Button key="claim" type="primary" disabled={busy} onClick={() => setPending({ kind: 'claim' })}>
        认领心愿
      </Button>,
    );
  }
  if (can.fulfil && !fulfilling) {
    buttons.push(
      <Button key="fulfil" type="primary" disabled={busy} onClick={() => setFulfilling(true)}>
        报告圆梦
      </Button>,
    );
  }
  if (can.confirm) {
    buttons.push(
      <Button key="confirm" type="primary" disabled={busy} onClick={() => setPending({ kind: 'confirm' })}>
        确认收到
      </Button>,
    );
  }
  if (can.release) {
    buttons.push(
      <Button key="release" type="default" disabled={busy} onClick={() => setPending({ kind: 'release', reason: '' })}>
        释放认领
      </Button>,
    );
  }
  if (can.withdraw) {
    buttons.push(
      <Button key="withdraw" type="default" disabled={busy} onClick={() => setPending({ kind: 'withdraw', reason: '' })}>
        撤回心愿
      </Button>,
    );
  }

  if (buttons.length === 0) return null;

  let content: ReactNode = null;
  if (pending) {
    switch (pending.kind) {
      case 'claim':
        content = (
          <Text>
            确认认领“{title}”？认领后请在{AUTO_RELEASE_DAYS}天内完成并上传圆梦照片，逾期将自动释放；每人最多同时认领{MAX_ACTIVE_CLAIMS}个心愿。
          </Text>
        );
        break;
      case 'confirm':
        content = <Text>确认已收到“{title}”？确认后心愿圆满完成，认领的志愿者将获得积分，不能撤销。</Text>;
        break;
      case 'approve':
        content = <Text>确认通过“{title}”？通过后将展示在心愿墙，党员志愿者可以认领。</Text>;
        break;
      case 'release':
      case 'withdraw':
      case 'reject':
        content = (
          <View>
            <Text className="wish-dialog__lead">
              {pending.kind === 'release'
                ? '释放后心愿将回到心愿墙，由其他志愿者认领。'
                : pending.kind === 'withdraw'
                  ? '撤回后心愿不再展示，也不能恢复。'
                  : `“${title}”将不会展示在心愿墙，原因会告知发布人。`}
            </Text>
            <FormField
              label={pending.kind === 'release' ? '释放原因' : pending.kind === 'withdraw' ? '撤回原因（选填）' : '不通过的原因'}
              required={pending.kind !== 'withdraw'}
              error={pending.error}
            >
              <TextArea
                value={pending.reason}
                placeholder={
                  pending.kind === 'release' ? '如：临时出差，无法按时完成' : pending.kind === 'withdraw' ? '可不填' : '如：心愿内容不完整，请补充后重新发布'
                }
                maxLength={100}
                onChange={(reason) => setPending({ ...pending, reason, error: undefined })}
              />
            </FormField>
          </View>
        );
        break;
    }
  }

  return (
    <View className="wish-actions">
      {fulfilling ? (
        <View className="card wish-fulfil">
          <View className="card__title">报告圆梦</View>
          <View className="form-card">
            <FormField label="圆梦说明" required error={fulfilErrors.note}>
              <TextArea
                value={note}
                placeholder="如：已将收音机送到老人家中，并教会使用"
                maxLength={200}
                showCount
                onChange={(value) => {
                  setNote(value);
                  setFulfilErrors((current) => ({ ...current, note: '' }));
                }}
              />
            </FormField>
            <FormField label={`圆梦照片（1～${MAX_WISH_PHOTOS}张）`} required error={fulfilErrors.photos}>
              <PhotoPicker
                value={photos}
                max={MAX_WISH_PHOTOS}
                disabled={busy}
                onChange={(value) => {
                  setPhotos(value);
                  setFulfilErrors((current) => ({ ...current, photos: '' }));
                }}
              />
            </FormField>
          </View>
          <View className="actions">
            <Button type="primary" disabled={busy} loading={busy} onClick={() => void submitFulfil()}>
              提交圆梦
            </Button>
            <Button type="default" disabled={busy} onClick={() => setFulfilling(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : null}
      <View className="actions">{buttons}</View>
      <Dialog
        visible={pending !== null}
        title={pending ? DIALOG_TITLES[pending.kind] : ''}
        content={content}
        confirmText={pending ? CONFIRM_TEXTS[pending.kind] : '确定'}
        cancelText="再想想"
        disableConfirmButton={busy}
        // NutUI closes the dialog once onConfirm resolves and keeps it open when it rejects.
        onConfirm={async () => {
          if (!(await run())) throw new Error('dialog stays open');
        }}
        onCancel={() => setPending(null)}
        onClose={() => setPending(null)}
      />
    </View>
  );
};
