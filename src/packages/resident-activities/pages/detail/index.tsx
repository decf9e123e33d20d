import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ActivityView, SignupView } from '../../../../../types/activities';
import { ErrorState, LoadingState, PageShell } from '../../../../components';
import { isStaffUser, useCurrentUser } from '../../../../lib/currentUser';
import { ROUTES } from '../../../../lib/routes';
import { CategoryTag, PhaseTag, TagRow } from '../../../../pages/activities/components/ActivityTags';
import { MySignupCard } from '../../../../pages/activities/components/MySignupCard';
import { PlacesLeft } from '../../../../pages/activities/components/PlacesLeft';
import { ageRangeText, placesKind } from '../../../../pages/activities/lib/activityLabels';
import { momentLabel, whenLabel } from '../../../../pages/activities/lib/activityTime';
import { useActivity } from '../../../../pages/activities/useActivity';
import '../../../../pages/activities/activities.scss';

const InfoRow = ({ label, children }: { label: string; children: ReactNode }) => (
  <View className="info-row">
    <Text className="info-row__label">{label}</Text>
    <View className="info-row__value">{children}</View>
  </View>
);

/** The one thing to do next, or why it cannot be done now. */
const SignUpAction = ({ activity, onSignUp }: { activity: ActivityView; onSignUp: () => void }) => {
  const phase = activity.signupPhase;
  if (phase === 'not_open') return <Text className="footer-note">报名将于{momentLabel(activity.signupOpensAt)}开始</Text>;
  if (phase === 'closed') return <Text className="footer-note">报名已截止</Text>;
  if (phase === 'ended') return <Text className="footer-note">活动已结束</Text>;
  const kind = placesKind(activity);
  if (kind === 'full') {
    return (
      <Button type="default" block disabled>
        名额已满
      </Button>
    );
  }
  return (
    <Button type="primary" block onClick={onSignUp}>
      {kind === 'waitlist' ? '加入候补' : '立即报名'}
    </Button>
  );
};

const ActivityDetailPage = () => {
  const { params } = useRouter();
  const activityId = params.id ? decodeURIComponent(params.id) : '';
  const { state, setState, load } = useActivity(activityId);
  const { state: me } = useCurrentUser();
  const staff = isStaffUser(me);

  // Also when coming back from the sign-up form.
  useDidShow(() => {
    void load(state.status === 'ready');
  });

  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  if (state.status === 'loading') return <PageShell><LoadingState /></PageShell>;
  if (state.status === 'error') {
    return (
      <PageShell>
        <ErrorState error={state.error} onRetry={() => void load()} />
      </PageShell>
    );
  }

  const { activity, mySignup, waitlisted } = state.data;
  const ages = ageRangeText(activity);
  const changed = (signup: SignupView) => {
    setState({ status: 'ready', data: { ...state.data, mySignup: signup } });
    // Places and the waitlist move with a cancellation or a check-in.
    void load(true);
  };

  return (
    <PageShell>
      <View className="card">
        <Text className="activity-card__title">{activity.title}</Text>
        <TagRow>
          <CategoryTag category={activity.category} />
          <PhaseTag phase={activity.signupPhase} />
        </TagRow>
        <Text>{activity.description}</Text>
      </View>

      <View className="card">
        <InfoRow label="活动时间">
          <Text>{whenLabel(activity.startAt, activity.endAt)}</Text>
        </InfoRow>
        <InfoRow label="活动地点">
          <Text>{activity.place}</Text>
        </InfoRow>
        <InfoRow label="名额">
          <PlacesLeft activity={activity} />
          <Text className="muted">共{activity.capacity}个名额</Text>
        </InfoRow>
        {activity.waitlist ? (
          <InfoRow label="候补">
            <Text>{waitlisted > 0 ? `${waitlisted}人候补中` : '满员后可候补，有人取消时按顺序递补'}</Text>
          </InfoRow>
        ) : null}
        <InfoRow label="适合年龄">
          <Text>{ages ? `${ages}（按参加人实际年龄）` : '不限'}</Text>
        </InfoRow>
        <InfoRow label="报名时间">
          <Text>
            {momentLabel(activity.signupOpensAt)} 至 {momentLabel(activity.signupClosesAt)}
          </Text>
        </InfoRow>
        <InfoRow label="取消截止">
          <Text>{momentLabel(activity.cancelDeadline)}前可取消</Text>
        </InfoRow>
        <InfoRow label="签到">
          <Text>{activity.checkinRequired ? '需现场签到，未签到记为未到场' : '无需签到'}</Text>
        </InfoRow>
        {activity.memberPoints > 0 ? (
          <InfoRow label="志愿服务">
            <Text>党员志愿者服务可得{activity.memberPoints}积分</Text>
          </InfoRow>
        ) : null}
        {activity.ratingCount > 0 && activity.ratingAverage !== null ? (
          <InfoRow label="居民评价">
            <Text>
              {activity.ratingAverage}分（{activity.ratingCount}人评价）
            </Text>
          </InfoRow>
        ) : null}
      </View>

      {mySignup && mySignup.status !== 'cancelled' ? (
        <MySignupCard signup={mySignup} activity={activity} qrOpen onChanged={changed} />
      ) : staff ? (
        <View className="actions actions--stacked">
          {activity.signupPhase === 'open' ? (
            <Button type="primary" block onClick={() => void Taro.navigateTo({ url: ROUTES.staffActivityProxy(activity._id) })}>
              代居民报名
            </Button>
          ) : null}
          <Button type="default" block onClick={() => void Taro.navigateTo({ url: ROUTES.staffActivityAttendees(activity._id) })}>
            报名名单与签到
          </Button>
        </View>
      ) : (
        <>
          {mySignup?.status === 'cancelled' ? <Text className="footer-note">您已取消过本活动的报名，可以重新报名。</Text> : null}
          <SignUpAction activity={activity} onSignUp={() => void Taro.navigateTo({ url: ROUTES.activitySignUp(activity._id) })} />
        </>
      )}
    </PageShell>
  );
};

export default ActivityDetailPage;
