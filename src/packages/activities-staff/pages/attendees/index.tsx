import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { CheckInInput, type SignupStatus, type SignupView } from '../../../../../types/activities';
import { SIGNUP_STATUS_LABELS } from '../../../../../types/constants/activities';
import type { ActionOutput } from '../../../../../types/api';
import { EmptyState, ErrorState, LoadingState, PageShell, SegmentTabs, StarRating, StatusTag } from '../../../../components';
import { call, messageOf } from '../../../../services';
import { CategoryTag, PhaseTag, SignupStatusTag, TagRow } from '../../../../pages/activities/components/ActivityTags';
import { attendeesText } from '../../../../pages/activities/components/MySignupCard';
import { QrCode } from '../../../../pages/activities/components/QrCode';
import { checkinOpensAt, checkinWindow, starWord } from '../../../../pages/activities/lib/activityLabels';
import { momentLabel, whenLabel } from '../../../../pages/activities/lib/activityTime';
import '../../../../pages/activities/activities.scss';

type Roster = ActionOutput<'activities', 'listSignups'>;
type RosterState = { status: 'loading' } | { status: 'ready'; data: Roster } | { status: 'error'; error: unknown };

type Filter = 'all' | SignupStatus;
const FILTERS: ReadonlyArray<{ value: Filter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'confirmed', label: '待签到' },
  { value: 'checked_in', label: SIGNUP_STATUS_LABELS.checked_in },
  { value: 'waitlisted', label: '候补' },
  { value: 'no_show', label: SIGNUP_STATUS_LABELS.no_show },
];

type CheckinResult = { ok: true; signup: SignupView } | { ok: false; message: string };

const isScanCancelled = (error: unknown) => /cancel/i.test(String((error as { errMsg?: string } | null)?.errMsg ?? ''));

const Count = ({ label, value }: { label: string; value: number }) => (
  <View className="counts__item">
    <Text className="counts__number">{value}</Text>
    <Text className="counts__label">{label}</Text>
  </View>
);

/** Who signed up, checking them in (scan or typed code), the activity's own QR, and the ratings. */
const AttendeesPage = () => {
  const { params } = useRouter();
  const activityId = params.id ? decodeURIComponent(params.id) : '';
  const [filter, setFilter] = useState<Filter>('all');
  const [state, setState] = useState<RosterState>({ status: 'loading' });
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CheckinResult | null>(null);
  const [showActivityQr, setShowActivityQr] = useState(false);
  const latest = useRef<Filter>('all');

  const load = useCallback(
    async (which: Filter, quiet = false) => {
      latest.current = which;
      if (!quiet) setState({ status: 'loading' });
      try {
        const data = await call('activities', 'listSignups', which === 'all' ? { activityId } : { activityId, status: which });
        if (latest.current === which) setState({ status: 'ready', data });
      } catch (error) {
        if (latest.current === which) setState({ status: 'error', error });
      }
    },
    [activityId],
  );

  useDidShow(() => {
    void load(filter, state.status === 'ready');
  });

  usePullDownRefresh(() => {
    void load(filter, true).finally(() => Taro.stopPullDownRefresh());
  });

  const changeFilter = (next: Filter) => {
    setFilter(next);
    void load(next);
  };

  const checkIn = async (raw: string) => {
    const parsed = CheckInInput.safeParse({ activityId, code: raw });
    if (!parsed.success) {
      setResult({ ok: false, message: parsed.error.issues[0]?.message ?? '签到码不正确' });
      return;
    }
    if (busy) return;
    setBusy(true);
    try {
      const signup = await call('activities', 'checkIn', parsed.data);
      setResult({ ok: true, signup });
      setCode('');
      void load(filter, true);
    } catch (error) {
      setResult({ ok: false, message: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    try {
      const { result: scanned } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await checkIn(scanned);
    } catch (error) {
      if (!isScanCancelled(error)) setResult({ ok: false, message: '没有识别到签到码，请让居民打开“我的报名”中的签到码' });
    }
  };

  if (state.status === 'loading') return <PageShell><LoadingState /></PageShell>;
  if (state.status === 'error') {
    return (
      <PageShell>
        <ErrorState error={state.error} onRetry={() => void load(filter)} />
      </PageShell>
    );
  }

  const { activity, counts, items } = state.data;
  const checkin = checkinWindow(activity);
  const rated = items.filter((s) => s.rating);

  let list: ReactNode;
  if (items.length === 0)
    list = (
      <EmptyState
        title={filter === 'all' ? '还没有居民报名' : `没有${FILTERS.find((f) => f.value === filter)?.label ?? ''}的报名`}
        description={filter === 'all' ? '菜单发布后居民即可报名；也可以提醒居民订阅每月菜单。' : '切换上方的筛选查看其他报名。'}
      />
    );
  else
    list = items.map((signup) => (
      <View key={signup._id} className="card">
        <View className="card__title">
          <Text>{signup.userName}</Text>
          <SignupStatusTag status={signup.status} />
          {typeof signup.waitlistAhead === 'number' ? <Text className="muted">候补第{signup.waitlistAhead + 1}位</Text> : null}
          {signup.volunteer ? <StatusTag text="志愿服务" tone="brand" /> : null}
          {signup.proxy ? <StatusTag text="代报名" tone="muted" /> : null}
        </View>
        <Text className="muted">
          {signup.phone} · {signup.attendees.length}人
        </Text>
        <Text className="my-signup__attendees">{attendeesText(signup)}</Text>
        {signup.checkedInAt ? <Text className="muted">签到时间 {momentLabel(signup.checkedInAt)}</Text> : null}
      </View>
    ));

  return (
    <PageShell>
      <View className="card">
        <Text className="activity-card__title">{activity.title}</Text>
        <TagRow>
          <CategoryTag category={activity.category} />
          <PhaseTag phase={activity.signupPhase} />
        </TagRow>
        <Text className="muted">
          {whenLabel(activity.startAt, activity.endAt)} · {activity.place}
        </Text>
        <View className="card--spaced counts">
          <Count label={`已报名/${activity.capacity}`} value={activity.confirmedCount} />
          <Count label="已签到" value={counts.checked_in} />
          <Count label="候补" value={counts.waitlisted} />
          <Count label="未到场" value={counts.no_show} />
          <Count label="已取消" value={counts.cancelled} />
        </View>
      </View>

      <View className="card">
        <View className="card__title">签到</View>
        {checkin === 'before' ? (
          <Text className="muted">签到将于{momentLabel(checkinOpensAt(activity))}开放（活动开始前30分钟）。</Text>
        ) : checkin === 'after' ? (
          <Text className="muted">活动已结束，签到已关闭；未签到的报名已记为未到场。</Text>
        ) : (
          <>
            {process.env.TARO_ENV === 'weapp' ? (
              <View className="actions actions--stacked actions--top">
                <Button type="primary" block disabled={busy} onClick={() => void scan()}>
                  扫码签到
                </Button>
              </View>
            ) : null}
            <View className="my-signup__code">
              <Input value={code} placeholder="输入居民的签到码" maxLength={32} onChange={(v) => setCode(v.toUpperCase())} />
            </View>
            <View className="actions">
              <Button type={process.env.TARO_ENV === 'weapp' ? 'default' : 'primary'} disabled={busy || code.trim() === ''} onClick={() => void checkIn(code)}>
                确认签到
              </Button>
            </View>
          </>
        )}
        {result ? (
          result.ok ? (
            <View className="card--spaced card notice notice--success">
              <Text className="notice__title">签到成功</Text>
              <Text>
                {result.signup.userName}（{result.signup.attendees.length}人）：{attendeesText(result.signup)}
              </Text>
            </View>
          ) : (
            <View className="card--spaced card notice notice--danger">
              <Text className="notice__title">签到失败</Text>
              <Text>{result.message}</Text>
            </View>
          )
        ) : null}
      </View>

      {activity.checkinCode ? (
        <View className="card">
          <View className="card__title">活动签到码</View>
          <Text className="muted">在现场展示此码，已报名的居民用“我的报名”中的“扫码签到”即可自助签到。</Text>
          {showActivityQr ? (
            <QrCode value={activity.checkinCode} caption={activity.checkinCode} />
          ) : (
            <View className="actions">
              <Button type="default" onClick={() => setShowActivityQr(true)}>
                显示活动签到码
              </Button>
            </View>
          )}
        </View>
      ) : null}

      <View className="card">
        <View className="card__title">居民评价</View>
        {activity.ratingCount === 0 || activity.ratingAverage === null ? (
          <Text className="muted">还没有评价。签到的居民可在活动后打分。</Text>
        ) : (
          <>
            <View className="rating-summary">
              <Text className="rating-summary__average">{activity.ratingAverage}</Text>
              <Text className="muted">分 · {activity.ratingCount}人评价</Text>
            </View>
            {rated.map((s) =>
              s.rating ? (
                <View key={s._id} className="comment">
                  <View className="card__row">
                    <Text>{s.userName}</Text>
                    <StarRating value={s.rating.stars} labelOf={starWord} />
                  </View>
                  {s.rating.comment ? <Text className="muted">{s.rating.comment}</Text> : null}
                </View>
              ) : null,
            )}
          </>
        )}
      </View>

      <SegmentTabs tabs={FILTERS} value={filter} onChange={changeFilter} />
      {list}
    </PageShell>
  );
};

export default AttendeesPage;
