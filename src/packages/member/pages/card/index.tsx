import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingState, MemberStatusTag, PageShell, StatusTag } from '../../../../components';
import { useCurrentUser } from '../../../../lib/currentUser';
import { useRemote } from '../../../../lib/useRemote';
import { call } from '../../../../services';
import { starLevelText } from '../../../../pages/orders/components/pointsText';
import '../../../../pages/orders/components/orders.scss';
import { formatDate } from '../../../../lib/time';
import { ROUTES } from '../../../../lib/routes';

/** The member's own card; points, star level and rank join it with the points ledger. */
/** Star level, this year's points and the way to the next star; all points since joining. */
const PointsCard = () => {
  const { state, load } = useRemote(() => call('points', 'myPoints', {}), []);
  if (state.status === 'loading') return <LoadingState text="正在读取积分…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={() => void load()} />;
  const points = state.data;
  return (
    <View className="card member-card__points">
      <View className="member-card__stars">
        <Text className="member-card__star-text stars-text">{starLevelText(points.stars)}</Text>
        <Text className="member-card__star-level">{points.stars}星党员志愿者</Text>
        <Text className="muted line">{points.toNextStar === null ? '已是最高星级' : `再得 ${points.toNextStar} 分升一星`}</Text>
      </View>
      <View className="count-grid">
        <View className="count-grid__cell">
          <Text className="strong-number strong-number--accent">{points.yearPoints}</Text>
          <Text className="count-grid__label">{points.year}年积分</Text>
        </View>
        <View className="count-grid__cell">
          <Text className="strong-number">{points.total}</Text>
          <Text className="count-grid__label">累计积分</Text>
        </View>
      </View>
      <View className="link-text" onClick={() => void Taro.navigateTo({ url: ROUTES.myPoints })}>
        <Text>积分明细</Text>
      </View>
    </View>
  );
};

/** 志愿服务时长: this month's and this year's hours, and the way to the certificate. */
const HoursCard = () => {
  const { state, load } = useRemote(() => call('points', 'myHours', {}), []);
  if (state.status === 'loading') return <LoadingState text="正在读取服务时长…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={() => void load()} />;
  const hours = state.data;
  return (
    <View className="card member-card__hours">
      <View className="card__title">志愿服务时长</View>
      <View className="count-grid">
        <View className="count-grid__cell">
          <Text className="strong-number">{hours.month.hours}</Text>
          <Text className="count-grid__label">{`${Number(hours.month.key.slice(5, 7))}月（小时）`}</Text>
        </View>
        <View className="count-grid__cell">
          <Text className="strong-number">{hours.year.hours}</Text>
          <Text className="count-grid__label">{`${hours.year.key}年（小时）`}</Text>
        </View>
      </View>
      <Text className="muted line">{`累计 ${hours.totalHours} 小时，上门服务和活动志愿服务自动记录`}</Text>
      <View className="actions">
        <Button block onClick={() => void Taro.navigateTo({ url: ROUTES.certificate })}>
          志愿服务证明
        </Button>
      </View>
    </View>
  );
};

const MemberCardPage = () => {
  const { state, reload } = useCurrentUser();

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void reload()} />;
  else if (!state.user || state.user.role !== 'member')
    body = (
      <EmptyState
        title="您还不是党员志愿者"
        description="在“我的”页提交党员申请，社区审核通过后即可领取党员卡。"
        actionText="去申请"
        onAction={() => void Taro.switchTab({ url: ROUTES.mine })}
      />
    );
  else {
    const { user } = state;
    body = (
      <>
        <View className="hero">
          <Text className="hero__title">{user.name}</Text>
          <Text className="hero__sub">党员志愿者 · {user.communityName}</Text>
        </View>
        <PointsCard />
        <HoursCard />
        <View className="card">
          <View className="card__row">
            <Text className="muted">报到状态</Text>
            <MemberStatusTag status={user.memberStatus} />
          </View>
          <View className="card__row">
            <Text className="muted">党支部/单位</Text>
            <Text>{user.branch ?? '—'}</Text>
          </View>
          <View className="card__row">
            <Text className="muted">注册时间</Text>
            <Text>{formatDate(user.createdAt)}</Text>
          </View>
        </View>
        <View className="card">
          <View className="card__title">服务技能</View>
          <View className="skill-list">
            {user.skills.map((skill) => (
              <StatusTag key={skill} text={skill} tone="brand" />
            ))}
          </View>
        </View>
      </>
    );
  }

  return <PageShell>{body}</PageShell>;
};

export default MemberCardPage;
