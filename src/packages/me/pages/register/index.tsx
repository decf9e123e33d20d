import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { CommunityOption, SetupStatus } from '../../../../../types/users';
import { ChoiceChips, EmptyState, ErrorState, FormField, LoadingState, PageShell, SegmentTabs } from '../../../../components';
import { ApiCallError, call, messageOf } from '../../../../services';
import { rememberCurrentUser } from '../../../../lib/currentUser';
import { seedElderlyMode } from '../../../../lib/elderlyMode';
import { EMPTY_REGISTER_FORM, validateRegisterForm, type RegisterForm } from '../../../../pages/register/registerForm';
import { ROUTES } from '../../../../lib/routes';
import { useFormDraft } from '../../../../lib/useFormDraft';
import { InviteForm, SetupForm } from './AccessForms';

type CommunitiesState =
  | { status: 'loading' }
  | { status: 'ready'; items: CommunityOption[]; setup: SetupStatus }
  | { status: 'error'; error: unknown };

type Mode = 'resident' | 'invite' | 'setup';

/**
 * Joining: a resident registers with their community; someone the admin invited enters the code
 * (居民注册 / 工作人员邀请码); on a fresh deployment (setup code configured, no admin yet) the
 * first person sets it up. `?mode=invite` opens the invitation form (a registered resident given a
 * code comes here from 我的 and enters only the code, `&registered=1`); `?mode=setup` the setup.
 */
const RegisterPage = () => {
  const { params } = useRouter();
  const registered = params.registered === '1';
  const [mode, setMode] = useState<Mode | null>(params.mode === 'invite' || params.mode === 'setup' ? params.mode : null);
  const [communities, setCommunities] = useState<CommunitiesState>({ status: 'loading' });
  const { draft: form, errors, setErrors, set } = useFormDraft<RegisterForm>(EMPTY_REGISTER_FORM);
  const [submitting, setSubmitting] = useState(false);

  const loadCommunities = useCallback(async () => {
    setCommunities({ status: 'loading' });
    try {
      // Setup is offered only when the server says so; an unreadable status offers registration.
      const closed: SetupStatus = { configured: false, done: true };
      const [{ items }, setup] = await Promise.all([call('users', 'listCommunities', {}), call('users', 'setupStatus', {}).catch(() => closed)]);
      setCommunities({ status: 'ready', items, setup });
    } catch (error) {
      setCommunities({ status: 'error', error });
    }
  }, []);

  useEffect(() => {
    void loadCommunities();
  }, [loadCommunities]);


  const submit = async () => {
    const { data, errors: found } = validateRegisterForm(form);
    setErrors(found);
    if (!data) return;
    setSubmitting(true);
    try {
      const profile = await call('users', 'register', data);
      rememberCurrentUser(profile);
      seedElderlyMode(profile.elderly);
      void Taro.showToast({ title: '注册成功', icon: 'success' });
      void Taro.switchTab({ url: ROUTES.home });
    } catch (error) {
      if (error instanceof ApiCallError && error.fields) setErrors(error.fields);
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setSubmitting(false);
    }
  };

  if (communities.status === 'loading') return <PageShell><LoadingState /></PageShell>;
  if (communities.status === 'error') {
    return (
      <PageShell>
        <ErrorState error={communities.error} onRetry={() => void loadCommunities()} />
      </PageShell>
    );
  }

  const setupOpen = communities.setup.configured && !communities.setup.done;
  // A fresh deployment (no admin, no community yet) opens on its setup; otherwise on resident
  // registration, with setup one tab away while no one has used the code.
  const fresh = setupOpen && communities.items.length === 0;
  const wanted: Mode = mode ?? (fresh ? 'setup' : registered ? 'invite' : 'resident');
  const shown: Mode = wanted === 'setup' && !setupOpen ? (registered ? 'invite' : 'resident') : wanted;
  const tabs = [
    ...(setupOpen ? [{ value: 'setup' as const, label: '初始化' }] : []),
    ...(registered ? [] : [{ value: 'resident' as const, label: '居民注册' }]),
    { value: 'invite' as const, label: '工作人员邀请码' },
  ];
  const switcher = tabs.length > 1 ? <SegmentTabs tabs={tabs} value={shown} onChange={setMode} /> : null;

  if (shown === 'setup') return <PageShell>{switcher}<SetupForm /></PageShell>;
  if (shown === 'invite') return <PageShell>{switcher}<InviteForm registered={registered} /></PageShell>;
  if (communities.items.length === 0) {
    return (
      <PageShell>
        {switcher}
        <EmptyState title="还没有可加入的社区" description="街道管理员创建社区后即可注册。社区工作者请使用邀请码加入。" actionText="输入邀请码" onAction={() => setMode('invite')} />
      </PageShell>
    );
  }

  return (
    <PageShell>
      {switcher}
      <View className="card">
        <View className="card__title">加入您所在的社区</View>
        <Text className="muted">信息仅用于社区上门服务与联系，不会公开展示。</Text>
      </View>
      <View className="form-card">
        <FormField label="所在社区" required error={errors.communityId}>
          <ChoiceChips
            options={communities.items.map((c) => ({ value: c._id, label: c.name }))}
            value={form.communityId || null}
            onChange={set('communityId')}
          />
        </FormField>
        <FormField label="姓名" required error={errors.name}>
          <Input value={form.name} placeholder="请输入姓名" maxLength={20} onChange={set('name')} />
        </FormField>
        <FormField label="手机号" required error={errors.phone}>
          <Input value={form.phone} placeholder="请输入11位手机号" type="number" maxLength={11} onChange={set('phone')} />
        </FormField>
        <FormField label="楼栋" required error={errors.building}>
          <Input value={form.building} placeholder="如：3号楼" maxLength={20} onChange={set('building')} />
        </FormField>
        <FormField label="门牌号" required error={errors.room}>
          <Input value={form.room} placeholder="如：2单元301" maxLength={20} onChange={set('room')} />
        </FormField>
      </View>
      <View className="sticky-actions">
        <Button type="primary" block loading={submitting} disabled={submitting} onClick={() => void submit()}>
          提交注册
        </Button>
      </View>
    </PageShell>
  );
};

export default RegisterPage;
