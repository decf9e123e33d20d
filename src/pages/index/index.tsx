import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import {
  Category,
  Comment,
  Edit,
  Gift,
  Heart,
  List,
  Message,
  Notice,
  Order,
  Service,
  Star,
  StarF,
  User,
} from '@nutui/icons-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { HomeBadges, UserProfile } from '../../../types/users';
import type { MenuGapsOutput } from '../../../types/activityPlanning';
import { EntryTile, ErrorState, goTo, LoadingState, MemberStatusTag, PageShell, RegisterInvite, RoleTag } from '../../components';
import { useCurrentUser } from '../../lib/currentUser';
import { useElderlyOffer } from '../../lib/elderlyMode';
import { ROUTES } from '../../lib/routes';
import { call } from '../../services';

const goTab = (url: string) => () => void Taro.switchTab({ url });
const ICON = 24;

/** The counts on the tiles (待派单 3 …); a failure leaves the tiles without numbers. */
const useHomeBadges = (user: UserProfile | null) => {
  const [badges, setBadges] = useState<HomeBadges | null>(null);
  const refresh = useCallback(() => {
    if (!user) return;
    call('users', 'homeBadges', {})
      .then(setBadges)
      .catch(() => setBadges(null));
  }, [user?._id, user?.role]);
  useEffect(refresh, [refresh]);
  useDidShow(refresh);
  return badges;
};

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <>
    <Text className="section-title">{title}</Text>
    <View className="entry-grid">{children}</View>
  </>
);

/** 长辈模式 offered when WeChat's own font is large (关怀模式), once. */
const ElderlyOffer = () => {
  const { offered, answer } = useElderlyOffer();
  if (!offered) return null;
  return (
    <View className="card notice elderly-offer">
      <Text className="notice__title">您的微信字体较大，试试长辈模式？</Text>
      <Text className="muted line">字更大、按钮更好点，随时可在“我的”里关闭。</Text>
      <View className="actions">
        <Button type="primary" onClick={() => answer(true)}>
          开启长辈模式
        </Button>
        <Button type="default" onClick={() => answer(false)}>
          暂不需要
        </Button>
      </View>
    </View>
  );
};

/** A resident's home leads with what they can do next, then where their things stand. */
const ResidentPanel = ({ user, badges }: { user: UserProfile; badges: HomeBadges | null }) => (
  <>
    <Section title="我想要">
      <EntryTile icon={<Service size={ICON} />} title="预约服务" desc="家电维修、助老、法律咨询…" onClick={goTab(ROUTES.menu)} />
      <EntryTile icon={<Heart size={ICON} />} title="发布心愿" desc="小物品、上门服务、陪伴" onClick={goTo(ROUTES.wishPost)} />
      <EntryTile icon={<Notice size={ICON} />} title="报名活动" desc="四点半课堂、中医夜市…" onClick={goTab(ROUTES.activities)} />
      <EntryTile icon={<Message size={ICON} />} title="消息" desc="进度通知" badge={badges?.unreadMessages} onClick={goTo(ROUTES.messages)} />
    </Section>
    <Section title="我的进度">
      <EntryTile icon={<Order size={ICON} />} title="我的订单" desc="进度与评价" onClick={goTo(ROUTES.myOrders)} />
      <EntryTile icon={<Gift size={ICON} />} title="我的心愿" desc="认领与圆梦" onClick={goTo(ROUTES.myWishes)} />
      <EntryTile icon={<List size={ICON} />} title="我的报名" desc="签到码、候补" onClick={goTo(ROUTES.mySignups)} />
      <EntryTile icon={<Star size={ICON} />} title="先锋榜" desc="党员志愿者排行" onClick={goTo(ROUTES.leaderboard)} />
    </Section>
    {user.memberStatus === 'none' ? null : (
      <View className="card card--spaced">
        <View className="card__title">
          <Text>党员志愿者“双报到”</Text>
          <MemberStatusTag status={user.memberStatus} />
        </View>
        <Text className="muted line">
          {user.memberStatus === 'pending'
            ? '您的申请正在审核中，社区审核后会通知您。'
            : `申请未通过${user.rejectReason ? `：${user.rejectReason}` : ''}。可在“我的”里修改后重新申请。`}
        </Text>
      </View>
    )}
  </>
);

const MemberPanel = ({ badges }: { badges: HomeBadges | null }) => (
  <>
    <Section title="志愿服务">
      <EntryTile icon={<List size={ICON} />} title="我的任务" desc="开始、完成服务" badge={badges?.myTasks} onClick={goTo(ROUTES.myTasks)} />
      <EntryTile icon={<Service size={ICON} />} title="任务大厅" desc="接单：匹配技能" badge={badges?.taskHall} onClick={goTo(ROUTES.taskHall)} />
      <EntryTile icon={<Gift size={ICON} />} title="我的认领" desc="认领的心愿" badge={badges?.myClaims} onClick={goTo(ROUTES.memberClaims)} />
      <EntryTile icon={<Star size={ICON} />} title="我的积分" desc="积分明细与星级" onClick={goTo(ROUTES.myPoints)} />
    </Section>
    <Section title="我也是居民">
      <EntryTile icon={<Service size={ICON} />} title="预约服务" desc="社区服务菜单" onClick={goTab(ROUTES.menu)} />
      <EntryTile icon={<Notice size={ICON} />} title="报名活动" desc="本月活动菜单" onClick={goTab(ROUTES.activities)} />
      <EntryTile icon={<Message size={ICON} />} title="消息" desc="派单与进度通知" badge={badges?.unreadMessages} onClick={goTo(ROUTES.messages)} />
      <EntryTile icon={<StarF size={ICON} />} title="我的党员卡" desc="星级、积分、先锋榜" onClick={goTo(ROUTES.memberCard)} />
    </Section>
  </>
);

/** What next month's activity menu still lacks (activities.menuGaps); null until known or when it fails. */
const useMenuGaps = () => {
  const [gaps, setGaps] = useState<MenuGapsOutput | null>(null);
  const refresh = useCallback(() => {
    call('activities', 'menuGaps', {})
      .then(setGaps)
      .catch(() => setGaps(null));
  }, []);
  useEffect(refresh, [refresh]);
  useDidShow(refresh);
  return gaps;
};

const monthName = (month: string) => `${Number(month.slice(5, 7))}月`;
const GAPS_SHOWN = 3;

/** 下月还缺: planning next month's menu should not wait for its first day. Hidden once ready. */
const MenuGapsCard = ({ gaps }: { gaps: MenuGapsOutput | null }) => {
  if (!gaps || gaps.ready || gaps.gaps.length === 0) return null;
  const more = gaps.gaps.length - GAPS_SHOWN;
  return (
    <View className="card menu-gaps" onClick={goTo(ROUTES.staffActivityMenu(gaps.month))}>
      <View className="card__title">
        <Text>{`${monthName(gaps.month)}活动菜单还缺 ${gaps.gaps.length} 项`}</Text>
      </View>
      {gaps.gaps.slice(0, GAPS_SHOWN).map((gap) => (
        <Text key={`${gap.kind}-${gap.title}`} className="line menu-gaps__item">{`${gap.title}：${gap.note}`}</Text>
      ))}
      {more > 0 ? <Text className="muted line">{`还有 ${more} 项…`}</Text> : null}
      <View className="link-text">
        <Text>{`去安排${monthName(gaps.month)}菜单`}</Text>
      </View>
    </View>
  );
};

/** Staff: what waits first (with counts), then acting for residents, then running the community. */
const StaffPanel = ({ badges }: { badges: HomeBadges | null }) => {
  const gaps = useMenuGaps();
  const gapCount = gaps && !gaps.ready ? gaps.gaps.length : 0;
  return (
    <>
      <MenuGapsCard gaps={gaps} />
      <Section title="待处理">
        <EntryTile icon={<Order size={ICON} />} title="派单台" desc="待派单、超时、低分回访" badge={badges?.dispatch} onClick={goTo(ROUTES.dispatchBoard)} />
        <EntryTile icon={<Heart size={ICON} />} title="心愿审核" desc="居民发布的心愿" badge={badges?.wishReview} onClick={goTo(ROUTES.staffWishReview)} />
        <EntryTile icon={<User size={ICON} />} title="党员审核" desc="双报到申请" badge={badges?.memberReview} onClick={goTo(ROUTES.staffMembers)} />
        <EntryTile icon={<List size={ICON} />} title="活动签到" desc="报名名单与签到" onClick={goTo(ROUTES.staffActivityMenus)} />
      </Section>
      <Section title="为居民代办">
        <EntryTile icon={<Service size={ICON} />} title="代点单" desc="为长辈预约服务" onClick={goTo(ROUTES.proxyOrder)} />
        <EntryTile icon={<Edit size={ICON} />} title="代发心愿" desc="为长辈发布心愿" onClick={goTo(ROUTES.staffWishProxy)} />
        <EntryTile icon={<Notice size={ICON} />} title="代报名" desc="在活动详情里为居民报名" onClick={goTab(ROUTES.activities)} />
        <EntryTile icon={<Heart size={ICON} />} title="长辈标记" desc="长辈默认用长辈模式" onClick={goTo(ROUTES.staffElderly)} />
      </Section>
      <Section title="社区管理">
        <EntryTile icon={<Edit size={ICON} />} title="服务管理" desc="备菜：上架、暂停" onClick={goTo(ROUTES.staffItems)} />
        <EntryTile icon={<Category size={ICON} />} title="活动菜单管理" desc="每月活动与发布" badge={gapCount} onClick={goTo(ROUTES.staffActivityMenus)} />
        <EntryTile icon={<List size={ICON} />} title="全部订单" desc="按状态查看" onClick={goTo(ROUTES.allOrders)} />
        <EntryTile icon={<StarF size={ICON} />} title="党员积分" desc="积分、时长与导出" onClick={goTo(ROUTES.staffPoints)} />
        <EntryTile icon={<Comment size={ICON} />} title="月度复盘" desc="本月数据，可导出" onClick={goTo(ROUTES.monthlyReview)} />
        <EntryTile icon={<User size={ICON} />} title="消息" desc="通知" badge={badges?.unreadMessages} onClick={goTo(ROUTES.messages)} />
        {/* Local mode only: WeChat has no outbox to read, and the weapp build has no such page. */}
        {process.env.TARO_ENV === 'h5' ? (
          <EntryTile icon={<Notice size={ICON} />} title="消息发送记录" desc="本地：订阅消息发件箱" onClick={goTo(ROUTES.staffOutbox)} />
        ) : null}
      </Section>
    </>
  );
};

const panelFor = (user: UserProfile, badges: HomeBadges | null): ReactNode => {
  switch (user.role) {
    case 'staff':
      return <StaffPanel badges={badges} />;
    case 'member':
      return <MemberPanel badges={badges} />;
    case 'admin':
      return (
        <Section title="街道管理">
          <EntryTile icon={<User size={ICON} />} title="社区与人员" desc="创建社区、任命工作人员" onClick={goTo(ROUTES.adminHome)} />
          <EntryTile icon={<Category size={ICON} />} title="数据看板" desc="各社区每月服务数据" onClick={goTo(ROUTES.adminDashboard)} />
          <EntryTile icon={<Service size={ICON} />} title="服务菜单" desc="查看社区服务菜单" onClick={goTab(ROUTES.menu)} />
        </Section>
      );
    default:
      return <ResidentPanel user={user} badges={badges} />;
  }
};

const HomePage = () => {
  const { state, reload } = useCurrentUser();
  const badges = useHomeBadges(state.status === 'ready' ? state.user : null);

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void reload()} />;
  else if (!state.user) body = <RegisterInvite what="浏览服务菜单、点单求助、参与社区活动" />;
  else
    body = (
      <>
        <View className="hero">
          <View className="hero__head">
            <Text className="hero__title">{state.user.name}，您好</Text>
            <RoleTag role={state.user.role} />
          </View>
          {/* The street admin belongs to no community and gives no address. */}
          <Text className="hero__sub">
            {state.user.role === 'admin' ? '街道管理员 · 管理全部社区' : `${state.user.communityName} · ${state.user.building}${state.user.room}`}
          </Text>
          {state.user.role === 'member' && state.user.branch ? <Text className="hero__sub">{state.user.branch}</Text> : null}
        </View>
        {panelFor(state.user, badges)}
      </>
    );

  return (
    <PageShell tab="home">
      <ElderlyOffer />
      {body}
    </PageShell>
  );
};

export default HomePage;
