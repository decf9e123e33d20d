import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { UserProfile } from '../../../types/users';
import { EntryTile, ErrorState, goTo, LoadingState, MemberStatusTag, PageShell, RoleTag } from '../../components';
import { useCurrentUser } from '../../lib/currentUser';
import { ROUTES } from '../../lib/routes';
import { MemberOrderEntries, ResidentOrderEntries, StaffOrderEntries } from '../orders/components/entries';
import { MemberWishEntries, ResidentWishEntries, StaffWishEntries } from '../wishes/components/entries';
import { ResidentActivityEntries, StaffActivityEntries } from '../activities/components/entries';

const goTab = (url: string) => () => void Taro.switchTab({ url });

const RegisterPrompt = () => (
  <View className="card">
    <View className="card__title">欢迎来到邻里服务</View>
    <Text className="muted">注册所在社区后，即可浏览服务菜单、点单求助、参与社区活动。</Text>
    <View className="actions">
      <Button type="primary" block onClick={goTo(ROUTES.register)}>
        立即注册
      </Button>
    </View>
  </View>
);

const ResidentPanel = ({ user }: { user: UserProfile }) => (
  <>
    <View className="entry-grid">
      <EntryTile title="服务菜单" desc="家电维修、孤老慰问、法律咨询…" onClick={goTab(ROUTES.menu)} />
      <EntryTile title="我的资料" desc="住址、电话、长辈模式" onClick={goTab(ROUTES.mine)} />
      <ResidentOrderEntries />
      <ResidentWishEntries />
      <ResidentActivityEntries />
    </View>
    <View className="card card--spaced">
      <View className="card__title">
        <Text>党员志愿者“双报到”</Text>
        <MemberStatusTag status={user.memberStatus} />
      </View>
      <Text className="muted">
        {user.memberStatus === 'pending'
          ? '您的申请正在审核中，社区审核后会通知您。'
          : user.memberStatus === 'rejected'
            ? `申请未通过${user.rejectReason ? `：${user.rejectReason}` : ''}。可在“我的”页修改后重新申请。`
            : '在职党员可以报到到社区，为邻里提供志愿服务。'}
      </Text>
    </View>
  </>
);

const MemberPanel = ({ user }: { user: UserProfile }) => (
  <>
    <View className="card">
      <View className="card__title">党员志愿者</View>
      <Text className="muted">{user.branch ?? ''}</Text>
      <View className="actions">
        <Button type="primary" onClick={goTo(ROUTES.memberCard)}>
          我的党员卡
        </Button>
      </View>
    </View>
    <View className="entry-grid">
      <EntryTile title="服务菜单" desc="看看社区提供哪些服务" onClick={goTab(ROUTES.menu)} />
      <EntryTile title="我的资料" desc="住址、电话、长辈模式" onClick={goTab(ROUTES.mine)} />
      <MemberOrderEntries />
      <MemberWishEntries />
      <ResidentActivityEntries />
    </View>
  </>
);

const StaffPanel = () => (
  <>
    <Text className="section-title">社区工作台</Text>
    <View className="entry-grid">
      <EntryTile title="服务管理" desc="备菜：新建、上架、暂停服务" onClick={goTo(ROUTES.staffItems)} />
      <EntryTile title="党员审核" desc="审核党员志愿者报到申请" onClick={goTo(ROUTES.staffMembers)} />
      <EntryTile title="服务菜单" desc="以居民视角查看菜单" onClick={goTab(ROUTES.menu)} />
      <StaffOrderEntries />
      <StaffWishEntries />
      <StaffActivityEntries />
    </View>
  </>
);

const panelFor = (user: UserProfile): ReactNode => {
  switch (user.role) {
    case 'staff':
      return <StaffPanel />;
    case 'member':
      return <MemberPanel user={user} />;
    case 'admin':
      return (
        <View className="entry-grid">
          <EntryTile title="服务菜单" desc="查看社区服务菜单" onClick={goTab(ROUTES.menu)} />
        </View>
      );
    default:
      return <ResidentPanel user={user} />;
  }
};

const HomePage = () => {
  const { state, reload } = useCurrentUser();

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void reload()} />;
  else if (!state.user) body = <RegisterPrompt />;
  else
    body = (
      <>
        <View className="hero">
          <Text className="hero__title">{state.user.name}，您好</Text>
          <Text className="hero__sub">
            {state.user.communityName} · {state.user.building}
            {state.user.room}
          </Text>
          <View className="hero__tag">
            <RoleTag role={state.user.role} />
          </View>
        </View>
        {panelFor(state.user)}
      </>
    );

  return <PageShell>{body}</PageShell>;
};

export default HomePage;
