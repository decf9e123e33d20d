import { Input, TextArea } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ActivityCategory } from '../../../../types/activities';
import { ACTIVITY_CATEGORIES, ACTIVITY_CATEGORY_LABELS } from '../../../../types/constants/activities';
import { ChoiceChips, FormField } from '../../../components';
import type { FieldErrors } from '../../../lib/fieldErrors';
import type { CommonDraft } from './activityForm';
import { DateTimeInput } from './DateTimeInputs';

const CATEGORY_OPTIONS = ACTIVITY_CATEGORIES.map((value) => ({ value, label: ACTIVITY_CATEGORY_LABELS[value] }));
const WAITLIST_OPTIONS = [
  { value: 'yes', label: '满员后可候补' },
  { value: 'no', label: '不设候补' },
];
const CHECKIN_OPTIONS = [
  { value: 'yes', label: '需要签到' },
  { value: 'no', label: '无需签到' },
];

export interface CommonFieldsProps<D extends CommonDraft> {
  draft: D;
  errors: FieldErrors;
  set: <K extends keyof D>(field: K) => (value: D[K]) => void;
  /** Fields that can no longer change (the menu is published). */
  locked?: ReadonlySet<string>;
  /** The date and time fields, which differ between one activity and a weekly series. */
  schedule: ReactNode;
  /** The deadlines, likewise. */
  deadlines: ReactNode;
}

/** The fields every activity has, in the order staff think of them. */
export const CommonFields = <D extends CommonDraft>({ draft, errors, set, locked, schedule, deadlines }: CommonFieldsProps<D>) => {
  const isLocked = (field: string) => locked?.has(field) ?? false;
  const noop = () => undefined;
  const bool = (field: 'waitlist' | 'checkinRequired') => (value: string) => (set(field as keyof D) as (v: boolean) => void)(value === 'yes');
  const text = (field: keyof CommonDraft) => set(field as keyof D) as (v: string) => void;

  return (
    <>
      <View className="form-card">
        <FormField label="活动名称" required error={errors.title}>
          <Input value={draft.title} placeholder="如：四点半课堂·手工课" maxLength={30} onChange={text('title')} />
        </FormField>
        <FormField label="活动类别" required error={errors.category}>
          <ChoiceChips
            options={CATEGORY_OPTIONS}
            value={draft.category || null}
            onChange={isLocked('category') ? noop : (v) => (set('category' as keyof D) as (v: ActivityCategory) => void)(v as ActivityCategory)}
          />
        </FormField>
        <FormField label="活动简介" required error={errors.description}>
          <TextArea value={draft.description} placeholder="活动内容、需携带的物品等" maxLength={500} showCount onChange={text('description')} />
        </FormField>
        <FormField label="活动地点" required error={errors.place}>
          <Input value={draft.place} placeholder="如：社区党群服务中心二楼" maxLength={50} onChange={text('place')} />
        </FormField>
      </View>

      <View className="form-card">{schedule}</View>

      <View className="form-card">
        <FormField label="名额（人）" required error={errors.capacity} hint={isLocked('ageMin') ? '菜单已发布，名额只能增加' : '每位参加人占1个名额'}>
          <Input value={draft.capacity} type="number" placeholder="1～1000" maxLength={4} onChange={text('capacity')} />
        </FormField>
        <FormField label="适合年龄" error={errors.ageMin ?? errors.ageMax} hint="不限年龄可不填；如四点半课堂填 6 和 12">
          <View className="date-time">
            <View className="date-time__date dt dt--ageMin">
              <Input value={draft.ageMin} type="number" placeholder="最小年龄" maxLength={3} disabled={isLocked('ageMin')} onChange={text('ageMin')} />
            </View>
            <View className="date-time__date dt dt--ageMax">
              <Input value={draft.ageMax} type="number" placeholder="最大年龄" maxLength={3} disabled={isLocked('ageMax')} onChange={text('ageMax')} />
            </View>
          </View>
        </FormField>
        <FormField label="候补" error={errors.waitlist}>
          <ChoiceChips options={WAITLIST_OPTIONS} value={draft.waitlist ? 'yes' : 'no'} onChange={isLocked('waitlist') ? noop : bool('waitlist')} />
        </FormField>
        <FormField label="签到" error={errors.checkinRequired} hint="需要签到的活动，结束时未签到记为未到场">
          <ChoiceChips options={CHECKIN_OPTIONS} value={draft.checkinRequired ? 'yes' : 'no'} onChange={isLocked('checkinRequired') ? noop : bool('checkinRequired')} />
        </FormField>
        <FormField label="志愿者积分" required error={errors.memberPoints} hint="党员志愿者服务并签到后获得，0～50">
          <Input value={draft.memberPoints} type="number" placeholder="0～50" maxLength={2} onChange={text('memberPoints')} />
        </FormField>
      </View>

      <View className="form-card">
        <FormField label="报名开始" required error={errors.signupOpensDate ?? errors.signupOpensTime}>
          <DateTimeInput
            dateName="signupOpensDate"
            timeName="signupOpensTime"
            date={draft.signupOpensDate}
            time={draft.signupOpensTime}
            disabled={isLocked('signupOpensDate')}
            onDate={text('signupOpensDate')}
            onTime={text('signupOpensTime')}
          />
        </FormField>
        {deadlines}
      </View>
    </>
  );
};
