import Taro from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { UserProfile } from '../../../../../types/users';
import { FormField } from '../../../../components';
import { ApiCallError, call, messageOf } from '../../../../services';
import { rememberCurrentUser } from '../../../../lib/currentUser';
import { seedElderlyMode } from '../../../../lib/elderlyMode';
import { ROUTES } from '../../../../lib/routes';
import { useFormDraft } from '../../../../lib/useFormDraft';
import { EMPTY_ACCESS_FORM, validateInviteForm, validateSetupForm, type AccessForm } from '../../../../pages/register/accessForms';

/**
 * A refusal that is about the whole form (a wrong or used code, 太频繁 with the time to wait) stays
 * on screen above the button; a toast would be gone before an older person has read it.
 */
const Refusal = ({ text }: { text: string }) =>
  text ? (
    <View className="card notice notice--danger access-refusal">
      <Text>{text}</Text>
    </View>
  ) : null;

/** Sends one form: field messages under their inputs, anything else as the refusal above the button. */
const useAccessSubmit = (setErrors: (errors: Record<string, string>) => void) => {
  const [submitting, setSubmitting] = useState(false);
  const [refusal, setRefusal] = useState('');
  const run = async (send: () => Promise<UserProfile>, done: string) => {
    if (submitting) return;
    setSubmitting(true);
    setRefusal('');
    try {
      enterAs(await send(), done);
    } catch (error) {
      if (error instanceof ApiCallError && error.fields && error.code !== 'RATE_LIMITED') setErrors(error.fields);
      else setRefusal(messageOf(error));
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setSubmitting(false);
    }
  };
  return { submitting, refusal, run };
};

/** After setup or an invitation the person is someone else: start the app again from their home. */
const enterAs = (profile: UserProfile, title: string) => {
  rememberCurrentUser(profile);
  seedElderlyMode(profile.elderly);
  void Taro.showToast({ title, icon: 'success' });
  void Taro.reLaunch({ url: profile.role === 'admin' ? ROUTES.adminHome : ROUTES.home });
};

type SetField = ReturnType<typeof useFormDraft<AccessForm>>['set'];

const NamePhone = ({ form, errors, set }: { form: AccessForm; errors: Record<string, string>; set: SetField }) => (
  <>
    <FormField label="姓名" required error={errors.name}>
      <Input value={form.name} placeholder="请输入姓名" maxLength={20} onChange={set('name')} />
    </FormField>
    <FormField label="手机号" required error={errors.phone}>
      <Input value={form.phone} placeholder="请输入11位手机号" type="number" maxLength={11} onChange={set('phone')} />
    </FormField>
  </>
);

/**
 * 初始化: a fresh deployment has no community and no admin. The one-time setup code (set at deploy,
 * LINLI_SETUP_CODE) makes whoever enters it first the street admin, who then creates communities.
 */
export const SetupForm = () => {
  const { draft: form, errors, setErrors, set } = useFormDraft<AccessForm>(EMPTY_ACCESS_FORM);
  const { submitting, refusal, run } = useAccessSubmit(setErrors);
  const submit = async () => {
    const { data, errors: found } = validateSetupForm(form);
    setErrors(found);
    if (data) await run(() => call('users', 'setup', data), '初始化完成');
  };
  return (
    <View className="setup-form">
      <View className="card notice">
        <Text className="notice__title">首次使用：初始化</Text>
        <Text className="muted line">本系统还没有街道管理员。请输入部署时设置的初始化码，您将成为街道管理员，随后可创建社区、任命社区工作者。初始化码只能使用一次。</Text>
      </View>
      <View className="form-card">
        <FormField label="初始化码" required error={errors.code}>
          <Input value={form.code} placeholder="部署时设置的初始化码" maxLength={64} onChange={set('code')} />
        </FormField>
        <NamePhone form={form} errors={errors} set={set} />
      </View>
      <Refusal text={refusal} />
      <View className="actions actions--stacked">
        <Button type="primary" block loading={submitting} disabled={submitting} onClick={() => void submit()}>
          完成初始化
        </Button>
      </View>
    </View>
  );
};

/** 社区工作者邀请码: the admin made a code for a community; whoever enters it becomes its staff. */
export const InviteForm = ({ registered }: { registered: boolean }) => {
  const { draft: form, errors, setErrors, set } = useFormDraft<AccessForm>(EMPTY_ACCESS_FORM);
  const { submitting, refusal, run } = useAccessSubmit(setErrors);
  const submit = async () => {
    const { data, errors: found } = validateInviteForm(form, registered);
    setErrors(found);
    if (data) await run(() => call('users', 'redeemStaffInvite', data), '已成为社区工作者');
  };
  return (
    <View className="invite-form">
      <View className="card">
        <View className="card__title">社区工作者加入</View>
        <Text className="muted">输入街道管理员发给您的邀请码，成为该社区的工作人员。邀请码只能使用一次。</Text>
      </View>
      <View className="form-card">
        <FormField label="邀请码" required error={errors.code}>
          <Input value={form.code} placeholder="10位字母数字，如 K7PM2Q9XAB" maxLength={20} onChange={set('code')} />
        </FormField>
        {registered ? null : <NamePhone form={form} errors={errors} set={set} />}
      </View>
      <Refusal text={refusal} />
      <View className="actions actions--stacked">
        <Button type="primary" block loading={submitting} disabled={submitting} onClick={() => void submit()}>
          加入社区
        </Button>
      </View>
    </View>
  );
};
