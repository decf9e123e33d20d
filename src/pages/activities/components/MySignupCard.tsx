import Taro from '@tarojs/taro';
import { Button, Dialog, Input, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { NO_SHOWS_TO_BLOCK, NO_SHOW_WINDOW_DAYS, BLOCK_DAYS, RateActivityInput, type SignupView } from '../../../../types/activities';
import { ATTENDEE_RELATION_LABELS } from '../../../../types/constants/activities';
import { StarRating } from '../../../components';
import { call, messageOf } from '../../../services';
import { checkinOpensAt, checkinWindow, queueText, starWord } from '../lib/activityLabels';
import { momentLabel, whenLabel } from '../lib/activityTime';
import { SignupStatusTag, TagRow } from './ActivityTags';
import { QrCode } from './QrCode';

/** What the card needs of the activity: the mySignups summary or the full view. */
export interface SignupActivity {
  _id: string;
  title: string;
  place: string;
  startAt: number;
  endAt: number;
  cancelDeadline: number;
  checkinRequired: boolean;
}

export interface MySignupCardProps {
  signup: SignupView;
  activity: SignupActivity;
  /** In 我的报名 the card names its activity; on the activity's own page it does not. */
  showActivity?: boolean;
  /** Whether the check-in QR is open at first (the list keeps it folded). */
  qrOpen?: boolean;
  onChanged: (signup: SignupView) => void;
  onOpenActivity?: () => void;
}

export const attendeesText = (signup: Pick<SignupView, 'attendees'>): string =>
  signup.attendees.map((a) => `${a.name}（${ATTENDEE_RELATION_LABELS[a.relation]}，${a.age}岁）`).join('、');

const isCancelled = (error: unknown) => /cancel/i.test(String((error as { errMsg?: string } | null)?.errMsg ?? ''));

/**
 * A resident's own sign-up: its state, the check-in QR while it holds a place, and what can be done
 * next — self check-in, cancelling before the deadline (asked first), rating after checking in.
 */
export const MySignupCard = ({ signup, activity, showActivity = false, qrOpen = false, onChanged, onOpenActivity }: MySignupCardProps) => {
  const [showQr, setShowQr] = useState(qrOpen);
  const [busy, setBusy] = useState(false);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [typingCode, setTypingCode] = useState(false);
  const [code, setCode] = useState('');
  const [rating, setRating] = useState(false);
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [ratingError, setRatingError] = useState('');
  const [checkinError, setCheckinError] = useState('');

  const now = Date.now();
  const { status } = signup;
  const checkin = checkinWindow(activity, now);
  const canCancel =
    (status === 'confirmed' && now < activity.cancelDeadline && now < activity.startAt) || (status === 'waitlisted' && now < activity.startAt);

  const run = async (work: () => Promise<SignupView>, success: string): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    try {
      onChanged(await work());
      void Taro.showToast({ title: success, icon: 'success' });
      return true;
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
      throw error;
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    setConfirmingCancel(false);
    await run(() => call('activities', 'cancelSignup', { signupId: signup._id, activityId: signup.activityId }), '已取消报名').catch(() => undefined);
  };

  const checkIn = async (scanned: string) => {
    setCheckinError('');
    try {
      await run(() => call('activities', 'selfCheckIn', { activityId: activity._id, code: scanned.trim() }), '签到成功');
      setTypingCode(false);
    } catch (error) {
      setCheckinError(messageOf(error));
    }
  };

  const scan = async () => {
    if (process.env.TARO_ENV !== 'weapp') {
      setTypingCode(true);
      return;
    }
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await checkIn(result);
    } catch (error) {
      if (!isCancelled(error)) setCheckinError('没有识别到签到码，请对准现场的活动二维码');
    }
  };

  const submitRating = async () => {
    if (stars === 0) {
      setRatingError('请点击星星打分（1–5星）');
      return;
    }
    const parsed = RateActivityInput.safeParse({ signupId: signup._id, stars, comment });
    if (!parsed.success) {
      setRatingError(parsed.error.issues[0]?.message ?? '请选择评分');
      return;
    }
    setRatingError('');
    await run(() => call('activities', 'rateActivity', parsed.data), '感谢您的评价')
      .then(() => setRating(false))
      .catch(() => undefined);
  };

  return (
    <View className="card my-signup">
      {showActivity ? (
        <View className="my-signup__activity" onClick={onOpenActivity}>
          <Text className="activity-card__title">{activity.title}</Text>
          <Text className="muted">
            {whenLabel(activity.startAt, activity.endAt)} · {activity.place}
          </Text>
        </View>
      ) : (
        <View className="card__title">我的报名</View>
      )}

      <TagRow>
        <SignupStatusTag status={status} />
        {status === 'waitlisted' && queueText(signup) ? <Text className="my-signup__queue">{queueText(signup)}</Text> : null}
        {signup.volunteer ? <Text className="muted">志愿服务</Text> : null}
        {signup.proxy ? <Text className="muted">社区代报名</Text> : null}
      </TagRow>
      <Text className="my-signup__attendees">参加人：{attendeesText(signup)}</Text>

      {status === 'waitlisted' ? <Text className="muted my-signup__note">有人取消时按候补顺序自动递补，递补成功会通知您。</Text> : null}
      {status === 'checked_in' && signup.checkedInAt ? (
        <Text className="muted my-signup__note">
          已于{momentLabel(signup.checkedInAt)}签到{!signup.rating && now < activity.endAt ? '，活动结束后可以评价' : ''}
        </Text>
      ) : null}
      {status === 'no_show' ? (
        <Text className="my-signup__warning">
          活动结束时未签到，记为未到场。{NO_SHOW_WINDOW_DAYS}天内{NO_SHOWS_TO_BLOCK}次未到场将暂停报名{BLOCK_DAYS}天。
        </Text>
      ) : null}

      {status === 'confirmed' && signup.checkinCode ? (
        showQr ? (
          <View className="my-signup__qr">
            <QrCode value={signup.checkinCode} caption={`签到码 ${signup.checkinCode}`} />
            <Text className="muted my-signup__note">到场后请向工作人员出示此码{activity.checkinRequired ? '；未签到将记为未到场' : ''}。</Text>
          </View>
        ) : null
      ) : null}

      {status === 'confirmed' && checkin === 'before' ? (
        <Text className="muted my-signup__note">签到将于{momentLabel(checkinOpensAt(activity))}开放（活动开始前30分钟）。</Text>
      ) : null}

      {typingCode ? (
        <View className="my-signup__code">
          <Input value={code} placeholder="请输入现场公布的活动签到码" maxLength={32} onChange={setCode} />
          <Button type="primary" disabled={busy || code.trim() === ''} onClick={() => void checkIn(code)}>
            确认签到
          </Button>
        </View>
      ) : null}
      {checkinError ? <Text className="my-signup__error">{checkinError}</Text> : null}

      {signup.rating ? (
        <View className="my-signup__rating">
          <Text className="muted">我的评价</Text>
          <StarRating value={signup.rating.stars} labelOf={starWord} />
          {signup.rating.comment ? <Text>{signup.rating.comment}</Text> : null}
        </View>
      ) : null}

      {rating ? (
        <View className="my-signup__rate">
          <Text className="muted">为本次活动打分</Text>
          <StarRating value={stars} labelOf={starWord} onChange={setStars} />
          <TextArea value={comment} placeholder="说说您的感受（选填）" maxLength={200} showCount onChange={setComment} />
          {ratingError ? <Text className="my-signup__error">{ratingError}</Text> : null}
          <View className="actions">
            <Button type="primary" disabled={busy} onClick={() => void submitRating()}>
              提交评价
            </Button>
            <Button type="default" onClick={() => setRating(false)}>
              以后再说
            </Button>
          </View>
        </View>
      ) : null}

      <View className="actions">
        {status === 'confirmed' && signup.checkinCode && !showQr ? (
          <Button type="primary" onClick={() => setShowQr(true)}>
            出示签到码
          </Button>
        ) : null}
        {status === 'confirmed' && checkin === 'open' && !typingCode ? (
          <Button type={showQr ? 'primary' : 'default'} disabled={busy} onClick={() => void scan()}>
            扫码签到
          </Button>
        ) : null}
        {status === 'checked_in' && !signup.rating && !rating && now >= activity.endAt ? (
          <Button type="primary" onClick={() => setRating(true)}>
            评价活动
          </Button>
        ) : null}
        {canCancel ? (
          <Button type="default" disabled={busy} onClick={() => setConfirmingCancel(true)}>
            {status === 'waitlisted' ? '取消候补' : '取消报名'}
          </Button>
        ) : null}
      </View>
      {status === 'confirmed' && !canCancel && now < activity.startAt ? (
        <Text className="muted my-signup__note">已过取消截止时间（{momentLabel(activity.cancelDeadline)}），如不能参加请联系社区。</Text>
      ) : null}

      <Dialog
        visible={confirmingCancel}
        title={status === 'waitlisted' ? '确认取消候补' : '确认取消报名'}
        content={
          status === 'waitlisted'
            ? '取消后将失去候补位置，再次报名需重新排队。确定取消吗？'
            : '取消后名额将让给候补的居民，再次报名可能已无名额。确定取消吗？'
        }
        confirmText="确认取消"
        cancelText="再想想"
        onConfirm={() => void cancel()}
        onCancel={() => setConfirmingCancel(false)}
        onClose={() => setConfirmingCancel(false)}
      />
    </View>
  );
};
