import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_SERIES_DATES } from '../../../../../types/activities';
import { WEEKDAY_LABELS } from '../../../../../types/constants/activities';
import { ChoiceChips, FormField, PageShell } from '../../../../components';
import { ApiCallError, call, messageOf, newRequestId } from '../../../../services';
import { monthLabel, monthOf } from '../../../../pages/activities/lib/activityTime';
import { emptySeriesDraft, validateSeriesDraft, type SeriesDraft } from '../../components/activityForm';
import { CommonFields } from '../../components/CommonFields';
import { DateInput, TimeInput } from '../../components/DateTimeInputs';
import '../../../../pages/activities/activities.scss';
import { useFormDraft } from '../../../../lib/useFormDraft';
import { menuGate, type MenuLoad } from '../../components/MenuGate';

const WEEKDAY_OPTIONS = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: WEEKDAY_LABELS[d] }));

/** A weekly series (中医夜市 every Monday 19:00–21:00): one activity per matching date. */
const SeriesPage = () => {
  const { params } = useRouter();
  const month = params.month ? decodeURIComponent(params.month) : monthOf();
  const [load, setLoad] = useState<MenuLoad>({ status: 'loading' });
  const { draft, errors, setErrors, set } = useFormDraft<SeriesDraft>(() => emptySeriesDraft(month));
  const [busy, setBusy] = useState(false);
  const requestId = useRef<string | null>(null);

  const fetchMenu = useCallback(async () => {
    setLoad({ status: 'loading' });
    try {
      const { menu } = await call('activities', 'monthMenu', { month });
      setLoad({ status: 'ready', menu });
    } catch (error) {
      setLoad({ status: 'error', error });
    }
  }, [month]);

  useEffect(() => {
    void fetchMenu();
  }, [fetchMenu]);

  if (load.status !== 'ready' || !load.menu) return menuGate(load, month, () => void fetchMenu());
  const { menu } = load;

  const save = async () => {
    const { data, errors: found } = validateSeriesDraft(draft);
    setErrors(found);
    if (!data || busy) return;
    setBusy(true);
    requestId.current = requestId.current ?? newRequestId();
    try {
      const { items } = await call('activities', 'createSeries', { menuId: menu._id, ...data }, { requestId: requestId.current });
      requestId.current = null;
      void Taro.showToast({ title: `已生成${items.length}场活动`, icon: 'success' });
      void Taro.navigateBack();
    } catch (error) {
      if (error instanceof ApiCallError) {
        if (error.code !== 'INTERNAL') requestId.current = null;
        if (error.fields) setErrors(error.fields);
      }
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell>
      <View className="card">
        <View className="card__title">添加每周活动到{menu.title}</View>
        <Text className="muted">
          在所选日期内，每逢所选星期生成一场活动（最多{MAX_SERIES_DATES}场），如每周一 19:00–21:00 的中医夜市。日期须在{monthLabel(month)}内。
        </Text>
      </View>

      <CommonFields
        draft={draft}
        errors={errors}
        set={set}
        schedule={
          <>
            <FormField label="每周" required error={errors.weekday}>
              <ChoiceChips options={WEEKDAY_OPTIONS} value={draft.weekday} onChange={set('weekday')} />
            </FormField>
            <FormField label="日期范围" required error={errors.fromDate ?? errors.toDate}>
              <View className="date-time">
                <View className="date-time__date">
                  <DateInput name="fromDate" value={draft.fromDate} onChange={set('fromDate')} />
                </View>
                <View className="date-time__date">
                  <DateInput name="toDate" value={draft.toDate} onChange={set('toDate')} />
                </View>
              </View>
            </FormField>
            <FormField label="每场时间" required error={errors.startTime ?? errors.endTime}>
              <View className="date-time">
                <View className="date-time__date">
                  <TimeInput name="startTime" value={draft.startTime} onChange={set('startTime')} />
                </View>
                <View className="date-time__date">
                  <TimeInput name="endTime" value={draft.endTime} onChange={set('endTime')} />
                </View>
              </View>
            </FormField>
          </>
        }
        deadlines={
          <>
            <FormField label="报名截止（开始前小时数）" required error={errors.signupClosesHoursBefore} hint="如 2 表示每场开始前2小时截止报名">
              <View className="dt dt--signupClosesHoursBefore">
                <Input value={draft.signupClosesHoursBefore} type="number" placeholder="0～720" maxLength={3} onChange={set('signupClosesHoursBefore')} />
              </View>
            </FormField>
            <FormField label="取消截止（开始前小时数）" required error={errors.cancelHoursBefore}>
              <View className="dt dt--cancelHoursBefore">
                <Input value={draft.cancelHoursBefore} type="number" placeholder="0～720" maxLength={3} onChange={set('cancelHoursBefore')} />
              </View>
            </FormField>
          </>
        }
      />

      <View className="sticky-actions">
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void save()}>
          生成活动
        </Button>
      </View>
    </PageShell>
  );
};

export default SeriesPage;
