import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Edit } from '@nutui/icons-react-taro';
import { Switch, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { UserProfile } from '../../../types/users';
import { ErrorState, LoadingState, MemberStatusTag, PageShell, RegisterInvite, RoleTag } from '../../components';
import { clearToken } from '../../services';
import { forgetCurrentUser, useCurrentUser } from '../../lib/currentUser';
import { useElderlyMode } from '../../lib/elderlyMode';
import { ROUTES } from '../../lib/routes';
import { MineOrderLinks } from '../orders/components/entries';
import { MineWishLinks } from '../wishes/components/entries';
import { MineActivityLinks } from '../activities/components/entries';

/** 我的 starts with who this is: the name, the role, where they live, and the way to change it. */
const ProfileHeader = ({ user }: { user: UserProfile }) => (
  <View className="card profile-header" onClick={() => void Taro.navigateTo({ url: ROUTES.profileEdit })}>
    <View className="profile-header__avatar">
      <Text>{user.name.slice(0, 1)}</Text>
    </View>
    <View className="profile-header__body">
      <View className="profile-header__name">
        <Text className="profile-header__title">{user.name}</Text>
        <RoleTag role={user.role} />
      </View>
      <Text className="muted line">{user.role === 'admin' ? '街道管理员' : `${user.communityName} · ${user.building}${user.room}`}</Text>
      <Text className="muted line">{user.phone}</Text>
    </View>
    <View className="profile-header__edit">
      <Edit size={16} />
      <Text>编辑</Text>
    </View>
  </View>
);

const MemberSection = ({ user }: { user: UserProfile }) => {
  if (user.role === 'member') {
    return (
      <CellGroup title="党员志愿者">
        <Cell title="我的党员卡" description={`${user.branch ?? ''} · 星级、积分`} clickable onClick={() => void Taro.navigateTo({ url: ROUTES.memberCard })} />
      </CellGroup>
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

/** The street admin's pages; everyone else who may become staff can enter an invitation code. */
const StaffAccessSection = ({ user }: { user: UserProfile }) => {
  if (user.role === 'admin') {
    return (
      <CellGroup title="街道管理">
        <Cell title="社区与人员" description="创建社区、任命和移除工作人员、邀请码" clickable onClick={() => void Taro.navigateTo({ url: ROUTES.adminHome })} />
        <Cell title="数据看板" description="各社区每月订单、评分、心愿、活动" clickable onClick={() => void Taro.navigateTo({ url: ROUTES.adminDashboard })} />
      </CellGroup>
    );
  }
  if (user.role === 'staff') return null;
  return (
    <CellGroup title="社区工作者">
      <Cell title="输入工作人员邀请码" description="街道管理员邀请您担任社区工作者" clickable onClick={() => void Taro.navigateTo({ url: ROUTES.redeemInvite })} />
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
      <RegisterInvite what="使用全部服务" />
    );
  } else {
    account = (
      <>
        <ProfileHeader user={state.user} />
        <MineOrderLinks user={state.user} />
        <MemberSection user={state.user} />
        <MineWishLinks />
        {state.user.role === 'resident' || state.user.role === 'member' ? <MineActivityLinks /> : null}
        <StaffAccessSection user={state.user} />
      </>
    );
  }

  return (
    <PageShell tab="mine">
      {account}
      <CellGroup title="显示">
        <Cell
          title="长辈模式"
          description="字体更大、对比更强、按钮更好点"
          extra={<Switch className="app-switch" id="elderly-switch" checked={elderly} color="#C8161D" onChange={(e) => setElderly(e.detail.value)} />}
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
