import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { EDITABLE_AFTER_PUBLISH, type ActivityFields, type ActivityView } from '../../../../../types/activities';
import { FormField, PageShell } from '../../../../components';
import { ApiCallError, call, messageOf, newRequestId } from '../../../../services';
import { monthLabel, monthOf } from '../../../../pages/activities/lib/activityTime';
import { draftOfActivity, emptyActivityDraft, validateActivityDraft, type ActivityDraft } from '../../components/activityForm';
import { CommonFields } from '../../components/CommonFields';
import { DateTimeInput } from '../../components/DateTimeInputs';
import '../../../../pages/activities/activities.scss';
import { useFormDraft } from '../../../../lib/useFormDraft';
import { menuGate, type MenuLoad } from '../../components/MenuGate';

const EDITABLE: ReadonlySet<string> = new Set(EDITABLE_AFTER_PUBLISH);
const ALL_FIELDS = Object.keys(emptyActivityDraft(0)) as Array<keyof ActivityDraft>;

/** Only what may still change once the menu is published; the rest is sent only for drafts. */
const editablePart = (data: ActivityFields): Partial<ActivityFields> =>
  Object.fromEntries(Object.entries(data).filter(([key]) => EDITABLE.has(key))) as Partial<ActivityFields>;

const ActivityEditPage = () => {
  const { params } = useRouter();
  const month = params.month ? decodeURIComponent(params.month) : monthOf();
  const activityId = params.id ? decodeURIComponent(params.id) : null;
  const [load, setLoad] = useState<MenuLoad>({ status: 'loading' });
  const [activity, setActivity] = useState<ActivityView | null>(null);
  const { draft, setDraft, errors, setErrors, set } = useFormDraft<ActivityDraft>(() => emptyActivityDraft());
  const [busy, setBusy] = useState(false);
  const requestId = useRef<string | null>(null);

  const fetchAll = useCallback(async () => {
    setLoad({ status: 'loading' });
    try {
      const { menu, activities } = await call('activities', 'monthMenu', { month });
      const existing = activityId ? (activities.find((a) => a._id === activityId) ?? null) : null;
      if (activityId && !existing) throw new ApiCallError({ code: 'NOT_FOUND', message: '活动不存在或已不在本月菜单中' });
      setActivity(existing);
      if (existing) setDraft(draftOfActivity(existing));
      setLoad({ status: 'ready', menu });
    } catch (error) {
      setLoad({ status: 'error', error });
    }
  }, [month, activityId]);

  useEffect(() => {
    void fetchAll();
  }, [fetchAll]);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: activityId ? '编辑活动' : '添加活动' });
  }, [activityId]);

  if (load.status !== 'ready' || !load.menu) return menuGate(load, month, () => void fetchAll());
  const { menu } = load;

  const published = menu.status === 'published' && activity !== null;
  const locked: ReadonlySet<string> = published ? new Set(ALL_FIELDS.filter((f) => !EDITABLE.has(f))) : new Set();

  const save = async () => {
    const { data, errors: found } = validateActivityDraft(draft);
    setErrors(found);
    if (!data || busy) return;
    if (published && activity && data.capacity < activity.capacity) {
      setErrors({ capacity: `菜单已发布，名额只能增加（当前${activity.capacity}人）` });
      return;
    }
    setBusy(true);
    try {
      if (activity) {
        const saved = await call('activities', 'updateActivity', { activityId: activity._id, ...(published ? editablePart(data) : data) });
        setActivity(saved);
        setDraft(draftOfActivity(saved));
        void Taro.showToast({ title: '已保存', icon: 'success' });
      } else {
        requestId.current = requestId.current ?? newRequestId();
        await call('activities', 'addActivity', { menuId: menu._id, ...data }, { requestId: requestId.current });
        requestId.current = null;
        void Taro.showToast({ title: '活动已添加', icon: 'success' });
        void Taro.navigateBack();
      }
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

  const isLocked = (field: string) => locked.has(field);

  return (
    <PageShell>
      <View className="card">
        <View className="card__title">{activity ? activity.title : `添加活动到${menu.title}`}</View>
        <Text className="muted">
          {published
            ? '菜单已发布：只能修改活动名称、简介、地点、名额（只增不减）和志愿者积分。'
            : `活动日期须在${monthLabel(month)}内。报名截止、取消截止不填则为活动开始时间。`}
        </Text>
      </View>

      <CommonFields
        draft={draft}
        errors={errors}
        set={set}
        locked={locked}
        schedule={
          <>
            <FormField label="活动开始" required error={errors.date ?? errors.startTime}>
              <DateTimeInput
                dateName="date"
                timeName="startTime"
                date={draft.date}
                time={draft.startTime}
                disabled={isLocked('date')}
                onDate={set('date')}
                onTime={set('startTime')}
              />
            </FormField>
            <FormField label="活动结束" required error={errors.endDate ?? errors.endTime} hint="跨天的活动（如夏令营）请填写结束日期，否则只填时间">
              <DateTimeInput
                dateName="endDate"
                timeName="endTime"
                date={draft.endDate}
                time={draft.endTime}
                disabled={isLocked('endTime')}
                onDate={set('endDate')}
                onTime={set('endTime')}
              />
            </FormField>
          </>
        }
        deadlines={
          <>
            <FormField label="报名截止" error={errors.signupClosesDate ?? errors.signupClosesTime} hint="不填则为活动开始时间">
              <DateTimeInput
                dateName="signupClosesDate"
                timeName="signupClosesTime"
                date={draft.signupClosesDate}
                time={draft.signupClosesTime}
                disabled={isLocked('signupClosesDate')}
                onDate={set('signupClosesDate')}
                onTime={set('signupClosesTime')}
              />
            </FormField>
            <FormField label="取消截止" error={errors.cancelDeadlineDate ?? errors.cancelDeadlineTime} hint="此前居民可自行取消，名额自动让给候补；不填则为活动开始时间">
              <DateTimeInput
                dateName="cancelDeadlineDate"
                timeName="cancelDeadlineTime"
                date={draft.cancelDeadlineDate}
                time={draft.cancelDeadlineTime}
                disabled={isLocked('cancelDeadlineDate')}
                onDate={set('cancelDeadlineDate')}
                onTime={set('cancelDeadlineTime')}
              />
            </FormField>
          </>
        }
      />

      <View className="sticky-actions">
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void save()}>
          {activity ? '保存修改' : '保存活动'}
        </Button>
      </View>
    </PageShell>
  );
};

export default ActivityEditPage;
