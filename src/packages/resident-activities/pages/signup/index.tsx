import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { MAX_ATTENDEES, type ActivityView, type SignupView } from '../../../../../types/activities';
import { ChoiceChips, ErrorState, FormField, LoadingState, PageShell } from '../../../../components';
import { ApiCallError, askToSubscribe, call, messageOf, newRequestId } from '../../../../services';
import { useCurrentUser } from '../../../../lib/currentUser';
import type { FieldErrors } from '../../../../lib/fieldErrors';
import { ROUTES } from '../../../../lib/routes';
import { PlacesLeft } from '../../../../pages/activities/components/PlacesLeft';
import { ageRangeText, placesKind, queueText } from '../../../../pages/activities/lib/activityLabels';
import { whenLabel } from '../../../../pages/activities/lib/activityTime';
import {
  RELATION_OPTIONS,
  canAddAttendee,
  emptyAttendee,
  initialSignupDraft,
  validateSignupDraft,
  type AttendeeDraft,
  type SignupDraft,
} from '../../../../pages/activities/lib/signupForm';
import { useActivity } from '../../../../pages/activities/useActivity';
import '../../../../pages/activities/activities.scss';

type SignupOutcome = { kind: 'signed'; signup: SignupView } | { kind: 'full' };

const MODE_OPTIONS = [
  { value: 'attend', label: '参加活动' },
  { value: 'volunteer', label: '志愿服务' },
];

/** 已报名 / 候补中 (前面还有 N 人) / 名额已满, in words no one can miss. */
const OutcomeCard = ({ outcome, onMine, onBack, mineText = '查看我的报名' }: { outcome: SignupOutcome; onMine: () => void; onBack: () => void; mineText?: string }) => {
  const waitlisted = outcome.kind === 'signed' && outcome.signup.status === 'waitlisted';
  const kind = outcome.kind === 'full' ? 'full' : waitlisted ? 'waitlisted' : 'confirmed';
  const label =
    outcome.kind === 'full' ? '名额已满' : waitlisted ? '已进入候补' : outcome.signup.status === 'checked_in' ? '已签到' : '已报名';
  const queue = outcome.kind === 'signed' && waitlisted ? queueText(outcome.signup) : null;
  const text =
    outcome.kind === 'full'
      ? '本活动名额已满，且不设候补。看看本月的其他活动吧。'
      : waitlisted
        ? '名额已满，您已进入候补。有人取消时按候补顺序自动递补，递补成功会通知您。'
        : '报名成功！请按时参加，到场后向工作人员出示“我的报名”中的签到码。';
  return (
    <View className={`card outcome outcome--${kind}`}>
      <Text className="outcome__label">{label}</Text>
      {queue ? <Text className="outcome__queue">{queue}</Text> : null}
      <Text className="outcome__text">{text}</Text>
      <View className="actions actions--stacked">
        {outcome.kind === 'signed' ? (
          <Button type="primary" block onClick={onMine}>
            {mineText}
          </Button>
        ) : null}
        <Button type="default" block onClick={onBack}>
          返回活动
        </Button>
      </View>
    </View>
  );
};

/** Volunteers never queue (they take no place); a full activity with a waitlist queues attendees. */
export const submitLabel = (volunteer: boolean, waitlist: boolean, forName?: string): string => {
  if (volunteer) return '提交志愿服务报名';
  if (forName) return waitlist ? `为${forName}报名（候补）` : `为${forName}提交报名`;
  return waitlist ? '提交并加入候补' : '提交报名';
};

const AttendeeFields = ({
  index,
  attendee,
  errors,
  removable,
  onChange,
  onRemove,
}: {
  index: number;
  attendee: AttendeeDraft;
  errors: FieldErrors;
  removable: boolean;
  onChange: (next: AttendeeDraft) => void;
  onRemove: () => void;
}) => {
  const error = (field: keyof AttendeeDraft) => errors[`attendees.${index}.${field}`];
  return (
    <View className="attendee">
      <View className="attendee__head">
        <Text>参加人{index + 1}</Text>
        {removable ? (
          <View className="attendee__remove" onClick={onRemove}>
            <Text>删除</Text>
          </View>
        ) : null}
      </View>
      <FormField label="姓名" required error={error('name')}>
        <Input value={attendee.name} placeholder="参加人姓名" maxLength={20} onChange={(name) => onChange({ ...attendee, name })} />
      </FormField>
      <FormField label="与本人关系" required error={error('relation')}>
        <ChoiceChips
          options={RELATION_OPTIONS}
          value={attendee.relation || null}
          onChange={(relation) => onChange({ ...attendee, relation: relation as AttendeeDraft['relation'] })}
        />
      </FormField>
      <FormField label="年龄" required error={error('age')}>
        <Input value={attendee.age} placeholder="周岁，如 8" type="number" maxLength={3} onChange={(age) => onChange({ ...attendee, age })} />
      </FormField>
    </View>
  );
};

const SignUpPage = () => {
  const { params } = useRouter();
  const activityId = params.id ? decodeURIComponent(params.id) : '';
  // 代报名: staff sign a resident up; the form is theirs, the sign-up the resident's.
  const proxyFor = params.for ? { id: decodeURIComponent(params.for), name: decodeURIComponent(params.forName ?? '') } : null;
  const { state, load } = useActivity(activityId);
  const { state: me } = useCurrentUser();
  const [draft, setDraft] = useState<SignupDraft>(() => initialSignupDraft());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const [outcome, setOutcome] = useState<SignupOutcome | null>(null);
  const [refusal, setRefusal] = useState('');
  // One id per intent: a retry after a lost answer finds the first sign-up instead of making another.
  const requestId = useRef<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  // The caller themself is the first attendee; their registered name saves typing.
  const myName = proxyFor ? proxyFor.name : me.status === 'ready' ? (me.user?.name ?? '') : '';
  useEffect(() => {
    if (!myName) return;
    setDraft((current) => {
      const [first, ...rest] = current.attendees;
      return first && first.relation === 'self' && first.name === '' ? { ...current, attendees: [{ ...first, name: myName }, ...rest] } : current;
    });
  }, [myName]);

  const isMember = !proxyFor && me.status === 'ready' && me.user?.role === 'member';

  const setAttendee = (index: number) => (next: AttendeeDraft) => {
    setDraft((current) => ({ ...current, attendees: current.attendees.map((a, i) => (i === index ? next : a)) }));
    setErrors({});
  };
  const removeAttendee = (index: number) => () => {
    setDraft((current) => ({ ...current, attendees: current.attendees.filter((_, i) => i !== index) }));
    setErrors({});
  };
  const addAttendee = () => {
    setDraft((current) => (canAddAttendee(current) ? { ...current, attendees: [...current.attendees, emptyAttendee()] } : current));
  };

  const submit = async (activity: ActivityView) => {
    const { data, errors: found } = validateSignupDraft(draft, activity);
    setErrors(found);
    setRefusal('');
    if (!data || submitting) return;
    // Still in the tap, before any await: a promotion from the waitlist and the reminder 24 h
    // before go to the one signing up (not to staff signing a resident up).
    if (!proxyFor) void askToSubscribe('signUp');
    setSubmitting(true);
    requestId.current = requestId.current ?? newRequestId();
    try {
      const signup = await call(
        'activities',
        'signUp',
        { activityId: activity._id, ...data, ...(proxyFor ? { onBehalfOf: proxyFor.id } : {}) },
        { requestId: requestId.current },
      );
      setOutcome({ kind: 'signed', signup });
      // The card above shows the places left: read them again now that this sign-up took some.
      void load(true);
    } catch (error) {
      if (error instanceof ApiCallError) {
        // A definite answer ends this intent; only a lost answer is retried with the same id.
        if (error.code !== 'INTERNAL') requestId.current = null;
        if (error.code === 'FULL') {
          setOutcome({ kind: 'full' });
          return;
        }
        if (error.fields) setErrors(error.fields);
        else setRefusal(error.message);
      } else {
        setRefusal(messageOf(error));
      }
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setSubmitting(false);
    }
  };

  const toMine = () => void Taro.redirectTo({ url: proxyFor ? ROUTES.staffActivityAttendees(activityId) : ROUTES.mySignups });
  const back = () => void Taro.navigateBack();

  if (state.status === 'loading') return <PageShell><LoadingState /></PageShell>;
  if (state.status === 'error') {
    return (
      <PageShell>
        <ErrorState error={state.error} onRetry={() => void load()} />
      </PageShell>
    );
  }

  const { activity, mySignup } = state.data;
  // Staff signing someone up: their own sign-up (if any) is not the one this form is about.
  const existing = !proxyFor && mySignup && mySignup.status !== 'cancelled' ? mySignup : null;
  const shown: SignupOutcome | null = outcome ?? (existing ? { kind: 'signed', signup: existing } : null);
  const ages = ageRangeText(activity);
  const full = placesKind(activity) !== 'open';

  return (
    <PageShell>
      <View className="card">
        <View className="activity-card__head">
          <Text className="activity-card__title">{activity.title}</Text>
          <PlacesLeft activity={activity} />
        </View>
        <Text className="muted">
          {whenLabel(activity.startAt, activity.endAt)} · {activity.place}
        </Text>
      </View>

      {shown ? (
        <OutcomeCard outcome={shown} onMine={toMine} onBack={back} mineText={proxyFor ? '查看报名名单' : undefined} />
      ) : activity.signupPhase !== 'open' ? (
        <View className="card notice notice--warning">
          <Text>当前不在报名时间内，请返回查看活动详情。</Text>
        </View>
      ) : (
        <>
          {proxyFor ? (
            <View className="card notice">
              <Text className="notice__title">为{proxyFor.name}代报名</Text>
              <Text className="muted line">报名记在{proxyFor.name}名下，并注明由社区代报。</Text>
            </View>
          ) : null}
          {draft.volunteer ? (
            <View className="card notice">
              <Text className="notice__title">以党员志愿者身份服务本活动</Text>
              <Text className="muted line">志愿服务不占居民名额，签到后可得活动积分。</Text>
            </View>
          ) : (
            <View className="card notice">
              <Text className="notice__title">{ages ? `本活动面向${ages}的居民` : '本活动不限年龄'}</Text>
              <Text className="muted line">
                可为本人或家人报名，每个账号最多{MAX_ATTENDEES}人，每人占用1个名额。
                {ages ? `每位参加人须在${ages}之间，请按实际周岁填写。` : ''}
              </Text>
            </View>
          )}

          {refusal ? (
            <View className="card notice notice--danger">
              <Text>{refusal}</Text>
            </View>
          ) : null}

          {isMember ? (
            <View className="form-card">
              <FormField label="报名方式" hint="志愿服务不占居民名额，签到后可得活动积分">
                <ChoiceChips
                  options={MODE_OPTIONS}
                  value={draft.volunteer ? 'volunteer' : 'attend'}
                  onChange={(mode) => setDraft((current) => ({ ...current, volunteer: mode === 'volunteer' }))}
                />
              </FormField>
            </View>
          ) : null}

          {draft.attendees.map((attendee, index) => (
            <AttendeeFields
              key={index}
              index={index}
              attendee={attendee}
              errors={errors}
              removable={draft.attendees.length > 1}
              onChange={setAttendee(index)}
              onRemove={removeAttendee(index)}
            />
          ))}
          {errors.attendees ? <Text className="form-field__error">{errors.attendees}</Text> : null}

          {canAddAttendee(draft) ? (
            <View className="actions actions--stacked actions--top">
              <Button type="default" block onClick={addAttendee}>
                添加家人（还可添加{MAX_ATTENDEES - draft.attendees.length}人）
              </Button>
            </View>
          ) : (
            <Text className="footer-note">每个账号最多报名{MAX_ATTENDEES}人</Text>
          )}

          <View className="sticky-actions">
            <Button type="primary" block loading={submitting} disabled={submitting} onClick={() => void submit(activity)}>
              {submitLabel(draft.volunteer, full && activity.waitlist, proxyFor?.name)}
            </Button>
          </View>
        </>
      )}
    </PageShell>
  );
};

export default SignUpPage;
