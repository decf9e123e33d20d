import Taro from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { UpdateProfileInput, type UserProfile } from '../../../../../types/users';
import { FormField } from '../../../../components';
import { fieldErrorsOf } from '../../../../lib/fieldErrors';
import { useFormDraft } from '../../../../lib/useFormDraft';
import { ApiCallError, call, messageOf } from '../../../../services';

type Draft = Pick<UserProfile, 'name' | 'phone' | 'building' | 'room'>;

/** The profile as the resident keeps it: name, phone and address, validated as the server does. */
export const ProfileForm = ({ user, onSaved }: { user: UserProfile; onSaved: (user: UserProfile) => void }) => {
  const { draft, set, errors, setErrors } = useFormDraft<Draft>({ name: user.name, phone: user.phone, building: user.building, room: user.room });
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const parsed = UpdateProfileInput.safeParse({ name: draft.name, phone: draft.phone, building: draft.building, room: draft.room });
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error.issues));
      return;
    }
    setSaving(true);
    try {
      const saved = await call('users', 'updateProfile', parsed.data);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiCallError && error.fields) setErrors(error.fields);
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <View className="form-card">
        <FormField label="姓名" required error={errors.name}>
          <Input value={draft.name} placeholder="您的姓名" maxLength={20} onChange={set('name')} />
        </FormField>
        <FormField label="手机号" required error={errors.phone} hint="志愿者上门前会打这个电话">
          <Input value={draft.phone} placeholder="11位手机号" type="number" maxLength={11} onChange={set('phone')} />
        </FormField>
        <FormField label="楼栋" required error={errors.building}>
          <Input value={draft.building} placeholder="如：2号楼" maxLength={20} onChange={set('building')} />
        </FormField>
        <FormField label="门牌号" required error={errors.room}>
          <Input value={draft.room} placeholder="如：2单元402" maxLength={20} onChange={set('room')} />
        </FormField>
      </View>
      <View className="sticky-actions">
        <Button type="primary" block loading={saving} disabled={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </>
  );
};
