import Taro from '@tarojs/taro';
import type { UserProfile } from '../../../../../types/users';
import { ErrorState, LoadingState, PageShell, RegisterInvite } from '../../../../components';
import { rememberCurrentUser, useCurrentUser } from '../../../../lib/currentUser';
import { ProfileForm } from './ProfileForm';

/** 编辑资料, opened from the header of 我的. */
const ProfilePage = () => {
  const { state, reload } = useCurrentUser();
  const saved = (user: UserProfile) => {
    rememberCurrentUser(user);
    void Taro.navigateBack();
  };
  let body;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void reload()} />;
  else if (!state.user) body = <RegisterInvite />;
  else body = <ProfileForm user={state.user} onSaved={saved} />;
  return <PageShell>{body}</PageShell>;
};

export default ProfilePage;
