import Taro from '@tarojs/taro';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useMemo, useRef, useState } from 'react';
import type { OrderView } from '../../../../types/orders';
import { SLOTS, SLOT_LABELS } from '../../../../types/constants/orders';
import { ChoiceChips, FormField } from '../../../components';
import { ApiCallError, askToSubscribe, call, messageOf, newRequestId } from '../../../services';
import { bookingDates, emptyOrderForm, validateOrderForm, type OrderForm as OrderFormValues, type OrderPrefill } from './orderForm';
import './orders.scss';
import { quotaText, quotaUsedUp, type QuotaInfo } from './quota';
import { useFormDraft } from '../../../lib/useFormDraft';

const SLOT_OPTIONS = SLOTS.map((slot) => ({ value: slot, label: SLOT_LABELS[slot] }));
/** A week of days as chips; the rest of the 30-day window behind 更多日期. */
const FIRST_DAYS = 7;

/** Refusals that are about the order as a whole, not one field: shown above the button. */
const NOTICE_CODES = new Set(['LIMIT', 'QUOTA', 'NOT_FOUND', 'FORBIDDEN', 'RATE_LIMITED']);

export interface OrderFormProps {
  item: { _id: string; title: string } & Partial<QuotaInfo>;
  prefill: OrderPrefill;
  /** 代点单: staff ordering for this resident. */
  onBehalfOf?: { id: string; name: string };
  onCreated: (order: OrderView) => void;
}

/**
 * 点菜: date, slot, address, phone and note, checked with the server's own schema. One request id
 * per form, reused on every retry, so a double tap or a retry after a lost answer orders once.
 */
export const OrderForm = ({ item, prefill, onBehalfOf, onCreated }: OrderFormProps) => {
  const { draft: form, errors, setErrors, set } = useFormDraft<OrderFormValues>(() => emptyOrderForm(prefill));
  const [notice, setNotice] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [allDates, setAllDates] = useState(false);
  const requestId = useRef<string | null>(null);
  const inFlight = useRef(false);

  const dates = useMemo(() => bookingDates(), []);
  const chosenIndex = dates.findIndex((d) => d.value === form.date);
  const showAll = allDates || chosenIndex >= FIRST_DAYS;
  const dateOptions = showAll ? dates : dates.slice(0, FIRST_DAYS);


  const submit = async () => {
    if (inFlight.current) return;
    const { data, errors: found } = validateOrderForm(item._id, form);
    setErrors(found);
    if (!data) return;
    // Still inside the tap, before any await: WeChat asks consent only from a tap. The resident is
    // told when a member takes the order and when it is done; staff ordering for someone are not.
    if (!onBehalfOf) void askToSubscribe('submitOrder');
    requestId.current ??= newRequestId();
    inFlight.current = true;
    setSubmitting(true);
    setNotice('');
    try {
      const input = onBehalfOf ? { ...data, onBehalfOf: onBehalfOf.id } : data;
      const order = await call('orders', 'createOrder', input, { requestId: requestId.current });
      void Taro.showToast({ title: '点单成功', icon: 'success' });
      onCreated(order);
    } catch (error) {
      if (error instanceof ApiCallError) {
        if (error.fields) setErrors(error.fields);
        if (NOTICE_CODES.has(error.code)) setNotice(error.message);
      }
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  const quotaInfo: QuotaInfo = { monthlyQuota: item.monthlyQuota ?? null, quotaLeft: item.quotaLeft };
  const quota = quotaText(quotaInfo);
  const usedUp = quotaUsedUp(quotaInfo);
  return (
    <View className="order-form">
      <View className="card">
        <View className="card__title">{item.title}</View>
        <Text className="muted">
          {onBehalfOf ? `为 ${onBehalfOf.name} 代点单，提交后由社区派单给党员志愿者。` : '提交后社区会派党员志愿者上门服务，请保持电话畅通。'}
        </Text>
        {quota ? <Text className={`line quota${usedUp ? ' quota--out' : ''}`}>{quota}</Text> : null}
      </View>
      {usedUp ? (
        <View className="card notice notice--warning">
          <Text className="notice__title">本月名额已用完</Text>
          <Text className="muted line">这项服务本月已约满，下月1日起可以再预约；也可以看看其他服务。</Text>
        </View>
      ) : null}
      <View className="form-card">
        <FormField label="服务日期" required error={errors.date} hint="可预约今天起30天内">
          <View className="date-chips">
            <ChoiceChips options={dateOptions} value={form.date || null} onChange={set('date')} />
          </View>
          {showAll ? null : (
            <View className="link-text" onClick={() => setAllDates(true)}>
              <Text>更多日期</Text>
            </View>
          )}
        </FormField>
        <FormField label="服务时段" required error={errors.slot}>
          <ChoiceChips options={SLOT_OPTIONS} value={form.slot || null} onChange={(slot) => set('slot')(slot as OrderFormValues['slot'])} />
        </FormField>
        <FormField label="服务地址" required error={errors.address}>
          <Input value={form.address} placeholder="如：2号楼2单元402" maxLength={60} onChange={set('address')} />
        </FormField>
        <FormField label="联系电话" required error={errors.phone}>
          <Input value={form.phone} placeholder="请输入11位手机号" type="number" maxLength={11} onChange={set('phone')} />
        </FormField>
        <FormField label="备注" error={errors.note}>
          <TextArea value={form.note} placeholder="如：电饭煲不加热（选填）" maxLength={200} showCount onChange={set('note')} />
        </FormField>
      </View>
      {errors.onBehalfOf ? <View className="notice-banner">{errors.onBehalfOf}</View> : null}
      {notice ? <View className="notice-banner">{notice}</View> : null}
      <View className="sticky-actions">
        <Button type="primary" block loading={submitting} disabled={submitting || usedUp} onClick={() => void submit()}>
          {usedUp ? '本月名额已用完' : '确认点单'}
        </Button>
      </View>
    </View>
  );
};
