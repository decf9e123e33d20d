import Taro from '@tarojs/taro';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { Picker, Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { BeneficiaryType, WishDetail } from '../../../../types/wishes';
import { BENEFICIARY_TYPE_LABELS, BENEFICIARY_TYPES, MAX_WISH_PHOTOS, MAX_WISH_VALUE, WISH_KIND_LABELS, WISH_KINDS } from '../../../../types/constants/wishes';
import { ChoiceChips, FormField } from '../../../components';
import { ApiCallError, askToSubscribe, call, messageOf, newRequestId } from '../../../services';
import { emptyWishForm, validateWishForm, type WishForm as WishFormValues } from '../wishForm';
import { formatDeadline, todayInShanghai } from '../wishTime';
import { PhotoPicker } from './PhotoPicker';
import { useFormDraft } from '../../../lib/useFormDraft';

const BENEFICIARY_OPTIONS = BENEFICIARY_TYPES.map((value) => ({ value, label: BENEFICIARY_TYPE_LABELS[value] }));
const KIND_OPTIONS = WISH_KINDS.map((value) => ({ value, label: WISH_KIND_LABELS[value] }));

export interface WishFormProps {
  /** Staff posting for a resident (代发心愿): the resident's id and name. */
  onBehalfOf?: { id: string; name: string };
  initialBeneficiaryType?: BeneficiaryType;
  onPosted: (wish: WishDetail) => void;
}

/**
 * 发布心愿, for oneself or (staff) for a resident. Checked with the server's schema before sending;
 * one request id per submission, kept for retries, so a retry after a lost answer posts nothing twice.
 */
export const WishForm = ({ onBehalfOf, initialBeneficiaryType, onPosted }: WishFormProps) => {
  const { draft: form, errors, setErrors, set } = useFormDraft<WishFormValues>(() => emptyWishForm(Date.now(), initialBeneficiaryType ?? ''));
  const [submitting, setSubmitting] = useState(false);
  /** A refusal of the whole wish (太频繁 with the time to wait …): it stays above the button. */
  const [refusal, setRefusal] = useState('');
  const requestId = useRef<string | null>(null);


  const submit = async () => {
    if (submitting) return;
    const { data, errors: found } = validateWishForm(form);
    setErrors(found);
    if (!data) {
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' });
      return;
    }
    // Still in the tap, before any await: the poster is told when it is claimed and fulfilled
    // (staff posting for a resident are not the ones to tell).
    if (!onBehalfOf) void askToSubscribe('postWish');
    requestId.current ??= newRequestId();
    setSubmitting(true);
    setRefusal('');
    try {
      const wish = await call('wishes', 'postWish', onBehalfOf ? { ...data, onBehalfOf: onBehalfOf.id } : data, {
        requestId: requestId.current,
      });
      requestId.current = null;
      void Taro.showToast({ title: '已提交，等待社区审核', icon: 'success' });
      onPosted(wish);
    } catch (error) {
      if (error instanceof ApiCallError && error.fields) setErrors(error.fields);
      else if (error instanceof ApiCallError && error.code !== 'INTERNAL') setRefusal(messageOf(error));
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View>
      <View className="form-card">
        <FormField label="心愿为谁" required error={errors.beneficiaryType}>
          <ChoiceChips options={BENEFICIARY_OPTIONS} value={form.beneficiaryType || null} onChange={set('beneficiaryType')} />
        </FormField>
        <FormField label="心愿类型" required error={errors.kind}>
          <ChoiceChips options={KIND_OPTIONS} value={form.kind || null} onChange={set('kind')} />
        </FormField>
        <FormField label="心愿标题" required error={errors.title} hint="30字以内，一句话说清心愿">
          <Input value={form.title} placeholder="如：想要一台收音机" maxLength={30} onChange={set('title')} />
        </FormField>
        <FormField label="心愿内容" required error={errors.content}>
          <TextArea
            value={form.content}
            placeholder="说说心愿的具体情况，方便志愿者准备（300字以内）"
            maxLength={300}
            showCount
            onChange={set('content')}
          />
        </FormField>
        <FormField label="预计价值（元）" required error={errors.value} hint={`0～${MAX_WISH_VALUE}元，整数；陪伴类可填0`}>
          <Input value={form.value} placeholder={`0～${MAX_WISH_VALUE}`} type="number" maxLength={3} onChange={set('value')} />
        </FormField>
        <FormField label="截止日期" required error={errors.deadline} hint="截止前未被认领的心愿将自动过期">
          <Picker mode="date" value={form.deadline} start={todayInShanghai()} onChange={(e) => set('deadline')(e.detail.value)}>
            <View className="wish-date">
              <Text>{form.deadline ? formatDeadline(form.deadline) : '请选择截止日期'}</Text>
              <Text className="muted">修改</Text>
            </View>
          </Picker>
        </FormField>
        <FormField label={`照片（选填，最多${MAX_WISH_PHOTOS}张）`} error={errors.photos}>
          <PhotoPicker value={form.photos} max={MAX_WISH_PHOTOS} disabled={submitting} onChange={set('photos')} />
        </FormField>
      </View>
      {refusal ? (
        <View className="card notice notice--danger wish-refusal">
          <Text>{refusal}</Text>
        </View>
      ) : null}
      <Text className="footer-note">提交后由社区审核，通过后展示在心愿墙</Text>
      <View className="sticky-actions">
        <Button type="primary" block loading={submitting} disabled={submitting} onClick={() => void submit()}>
          {onBehalfOf ? `为${onBehalfOf.name}提交心愿` : '提交心愿'}
        </Button>
      </View>
    </View>
  );
};
