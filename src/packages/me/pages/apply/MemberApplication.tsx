import Taro from '@tarojs/taro';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ApplyMemberInput, type UserProfile } from '../../../../../types/users';
import { SKILLS } from '../../../../../types/constants/users';
import { ChoiceChips, FormField, MemberStatusTag } from '../../../../components';
import { ApiCallError, call, messageOf } from '../../../../services';
import { fieldErrorsOf, type FieldErrors } from '../../../../lib/fieldErrors';

const SKILL_OPTIONS = SKILLS.map((skill) => ({ value: skill, label: skill }));

interface ApplicationForm {
  branch: string;
  skills: string[];
  intro: string;
}

/** 双报到: a resident applies with their branch and skills; staff review it. */
export const MemberApplication = ({ user, onApplied }: { user: UserProfile; onApplied: (user: UserProfile) => void }) => {
  const [form, setForm] = useState<ApplicationForm>({ branch: user.branch ?? '', skills: [...user.skills], intro: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);

  if (user.memberStatus === 'pending') {
    return (
      <View className="card">
        <View className="card__title">
          <Text>党员志愿者申请</Text>
          <MemberStatusTag status="pending" />
        </View>
        <Text className="muted line">已提交：{user.branch}</Text>
        <Text className="muted line">技能：{user.skills.join('、')}</Text>
        <Text className="muted line">社区工作人员审核后，您将成为党员志愿者。</Text>
      </View>
    );
  }

  const submit = async () => {
    const parsed = ApplyMemberInput.safeParse({ branch: form.branch, skills: form.skills, intro: form.intro || undefined });
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error.issues));
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      const updated = await call('users', 'applyMember', parsed.data);
      void Taro.showToast({ title: '申请已提交', icon: 'success' });
      onApplied(updated);
    } catch (error) {
      if (error instanceof ApiCallError && error.fields) setErrors(error.fields);
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="card">
      <View className="card__title">
        <Text>申请成为党员志愿者</Text>
        {user.memberStatus === 'rejected' ? <MemberStatusTag status="rejected" /> : null}
      </View>
      {user.memberStatus === 'rejected' ? (
        <Text className="muted line">上次申请未通过{user.rejectReason ? `：${user.rejectReason}` : ''}。可修改后重新提交。</Text>
      ) : (
        <Text className="muted line">在职党员到社区报到，用自己的专长为邻里服务。</Text>
      )}
      <View className="form-card">
        <FormField label="所在党支部或工作单位" required error={errors.branch}>
          <Input
            value={form.branch}
            placeholder="如：区人民医院党支部"
            maxLength={40}
            onChange={(branch) => setForm((f) => ({ ...f, branch }))}
          />
        </FormField>
        <FormField label="擅长技能" required error={errors.skills} hint="最多选6项，社区将按技能为您派单">
          <ChoiceChips multiple options={SKILL_OPTIONS} value={form.skills} onChange={(skills) => setForm((f) => ({ ...f, skills }))} />
        </FormField>
        <FormField label="个人说明" error={errors.intro}>
          <TextArea
            value={form.intro}
            placeholder="可填写服务时间、经验等（选填）"
            maxLength={200}
            showCount
            onChange={(intro) => setForm((f) => ({ ...f, intro }))}
          />
        </FormField>
      </View>
      <View className="sticky-actions">
        <Button type="primary" block loading={submitting} disabled={submitting} onClick={() => void submit()}>
          提交党员申请
        </Button>
      </View>
    </View>
  );
};
