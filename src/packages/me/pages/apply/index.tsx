import Taro from '@tarojs/taro';
import type { UserProfile } from '../../../../../types/users';
import { ErrorState, LoadingState, PageShell } from '../../../../components';
import { rememberCurrentUser, useCurrentUser } from '../../../../lib/currentUser';
import { MemberApplication } from './MemberApplication';

/** 双报到 on its own page: 我的 shows where the application stands and opens this to apply. */
const ApplyPage = () => {
  const { state, reload } = useCurrentUser();
  const applied = (user: UserProfile) => {
    rememberCurrentUser(user);
    void Taro.navigateBack();
  };
  if (state.status === 'loading') return <PageShell><LoadingState /></PageShell>;
  if (state.status === 'error') return <PageShell><ErrorState error={state.error} onRetry={() => void reload()} /></PageShell>;
  if (!state.user) return <PageShell><LoadingState text="请先完成注册" /></PageShell>;
  return (
    <PageShell>
      <MemberApplication user={state.user} onApplied={applied} />
    </PageShell>
  );
};

export default ApplyPage;
