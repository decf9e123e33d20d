import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Cell, CellGroup, Switch } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { UserProfile } from '../../../types/users';
import { ErrorState, LoadingState, MemberStatusTag, PageShell, RoleTag } from '../../components';
import { clearToken } from '../../services';
import { forgetCurrentUser, useCurrentUser } from '../../lib/currentUser';
import { useElderlyMode } from '../../lib/elderlyMode';
import { ROUTES } from '../../lib/routes';
import { MineOrderLinks } from '../orders/components/entries';
import { MineWishLinks } from '../wishes/components/entries';
import { MineActivityLinks } from '../activities/components/entries';

const Profile = ({ user }: { user: UserProfile }) => (
  <CellGroup title="我的资料">
    <Cell title="姓名" extra={user.name} />
    <Cell title="身份" extra={<RoleTag role={user.role} />} />
    <Cell title="手机号" extra={user.phone} />
    <Cell title="所在社区" extra={user.communityName} />
    <Cell title="住址" extra={`${user.building}${user.room}`} />
  </CellGroup>
);

const MemberSection = ({ user }: { user: UserProfile }) => {
  if (user.role === 'member') {
    return (
      <View className="card">
        <View className="card__title">您已是党员志愿者</View>
        <Text className="muted">{user.branch ?? ''}</Text>
        <View className="actions">
          <Button type="primary" onClick={() => void Taro.navigateTo({ url: ROUTES.memberCard })}>
            我的党员卡
          </Button>
        </View>
      </View>
    );
  }
  if (user.role !== 'resident') return null;
  // 双报到: one row here; the form opens on its own page.
  const description =
    user.memberStatus === 'pending'
      ? '社区工作人员审核后，您将成为党员志愿者'
      : user.memberStatus === 'rejected'
        ? `上次申请未通过${user.rejectReason ? `：${user.rejectReason}` : ''}，可修改后重新提交`
        : '在职党员到社区报到，用专长为邻里服务';
  return (
    <CellGroup title="党员志愿者">
      <Cell
        title={user.memberStatus === 'pending' ? '申请审核中' : '申请成为党员志愿者'}
        description={description}
        extra={user.memberStatus === 'none' ? undefined : <MemberStatusTag status={user.memberStatus} />}
        clickable={user.memberStatus !== 'pending'}
        onClick={user.memberStatus === 'pending' ? undefined : () => void Taro.navigateTo({ url: ROUTES.memberApply })}
      />
    </CellGroup>
  );
};

const logout = () => {
  clearToken();
  forgetCurrentUser();
  void Taro.reLaunch({ url: ROUTES.login });
};

const MinePage = () => {
  const { state, reload } = useCurrentUser();
  const [elderly, setElderly] = useElderlyMode();

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  let account: ReactNode;
  if (state.status === 'loading') account = <LoadingState />;
  else if (state.status === 'error') account = <ErrorState error={state.error} onRetry={() => void reload()} />;
  else if (!state.user) {
    account = (
      <View className="card">
        <View className="card__title">您还没有注册</View>
        <Text className="muted">注册所在社区后即可使用全部服务。</Text>
        <View className="actions">
          <Button type="primary" onClick={() => void Taro.navigateTo({ url: ROUTES.register })}>
            去注册
          </Button>
        </View>
      </View>
    );
  } else {
    account = (
      <>
        <Profile user={state.user} />
        <MineOrderLinks user={state.user} />
        <MemberSection user={state.user} />
        <MineWishLinks />
        {state.user.role === 'resident' || state.user.role === 'member' ? <MineActivityLinks /> : null}
      </>
    );
  }

  return (
    <PageShell>
      {account}
      <CellGroup title="显示">
        <Cell
          title="长辈模式"
          description="字体更大、对比更强、按钮更好点"
          extra={<Switch checked={elderly} onChange={(on) => setElderly(on)} />}
        />
      </CellGroup>
      {process.env.TARO_ENV === 'h5' ? (
        <View className="actions actions--stacked">
          <Button type="default" block onClick={logout}>
            退出登录
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
};

export default MinePage;
