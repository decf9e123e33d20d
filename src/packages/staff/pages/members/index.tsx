import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Dialog, TextArea } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useState, type ReactNode } from 'react';
import { ReviewMemberInput, type UserSummary } from '../../../../../types/users';
import { EmptyState, ErrorState, FormField, LoadingState, MemberStatusTag, PageShell, SegmentTabs } from '../../../../components';
import { call, messageOf } from '../../../../services';
import { fieldErrorsOf } from '../../../../lib/fieldErrors';
import { ElderlyMarks } from './ElderlyMarks';

type ListState = { status: 'loading' } | { status: 'ready'; items: UserSummary[] } | { status: 'error'; error: unknown };

/** The decision being confirmed: approving asks once; rejecting also needs a reason. */
type Pending = { user: UserSummary; approve: true } | { user: UserSummary; approve: false; reason: string; error?: string };

type Tab = 'review' | 'elderly';
const TABS = [
  { value: 'review' as const, label: '党员审核' },
  { value: 'elderly' as const, label: '长辈标记' },
];

/** The community's people: 双报到 review (pending member applications) and 长辈标记 (`?tab=elderly`). */
const MembersPage = () => {
  const [tab, setTab] = useState<Tab>(useRouter().params.tab === 'elderly' ? 'elderly' : 'review');
  const switchTo = (next: Tab) => {
    setTab(next);
    void Taro.setNavigationBarTitle({ title: next === 'elderly' ? '长辈标记' : '党员审核' }).catch(() => undefined);
  };
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setState({ status: 'loading' });
    try {
      const { items } = await call('users', 'listUsers', { memberStatus: 'pending' });
      setState({ status: 'ready', items });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, []);

  useDidShow(() => {
    void load(state.status === 'ready');
  });

  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  /** Resolves true when the decision was sent (or failed for good) and the dialog may close. */
  const decide = async (): Promise<boolean> => {
    if (!pending || busy) return false;
    const input = pending.approve
      ? { userId: pending.user._id, approve: true }
      : { userId: pending.user._id, approve: false, reason: pending.reason };
    const parsed = ReviewMemberInput.safeParse(input);
    if (!parsed.success || (!pending.approve && !parsed.data.reason)) {
      const message = parsed.success ? '请填写不通过的原因' : (fieldErrorsOf(parsed.error.issues).reason ?? '提交的信息有误');
      if (pending.approve) void Taro.showToast({ title: message, icon: 'none' });
      else setPending({ ...pending, error: message });
      return false;
    }
    setBusy(true);
    try {
      await call('users', 'reviewMember', parsed.data);
      void Taro.showToast({ title: pending.approve ? '已通过' : '已驳回', icon: 'success' });
      setState((current) =>
        current.status === 'ready' ? { status: 'ready', items: current.items.filter((u) => u._id !== pending.user._id) } : current,
      );
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
      void load(true);
    } finally {
      setBusy(false);
    }
    setPending(null);
    return true;
  };

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void load()} />;
  else if (state.items.length === 0)
    body = <EmptyState title="没有待审核的申请" description="居民在“我的”页提交党员申请后会出现在这里，下拉可刷新。" />;
  else
    body = state.items.map((user) => (
      <View key={user._id} className="card">
        <View className="card__title">
          <Text>{user.name}</Text>
          <MemberStatusTag status={user.memberStatus} />
        </View>
        <View className="card__row">
          <Text className="muted">党支部/单位</Text>
          <Text>{user.branch ?? '—'}</Text>
        </View>
        <View className="card__row">
          <Text className="muted">技能</Text>
          <Text>{user.skills.join('、') || '—'}</Text>
        </View>
        <View className="card__row">
          <Text className="muted">住址</Text>
          <Text>
            {user.building}
            {user.room}
          </Text>
        </View>
        <View className="card__row">
          <Text className="muted">电话</Text>
          <Text>{user.phone}</Text>
        </View>
        <View className="actions">
          <Button type="primary" disabled={busy} onClick={() => setPending({ user, approve: true })}>
            通过
          </Button>
          <Button type="default" disabled={busy} onClick={() => setPending({ user, approve: false, reason: '' })}>
            不通过
          </Button>
        </View>
      </View>
    ));

  return (
    <PageShell>
      <SegmentTabs tabs={TABS} value={tab} onChange={switchTo} />
      {tab === 'elderly' ? <ElderlyMarks /> : body}
      <Dialog
        visible={pending !== null}
        title={pending?.approve === false ? '驳回申请' : '通过申请'}
        content={
          pending === null ? null : pending.approve ? (
            <Text>确认通过 {pending.user.name} 的党员志愿者申请？通过后对方即可接单服务。</Text>
          ) : (
            <FormField label={`不通过 ${pending.user.name} 的原因`} required error={pending.error}>
              <TextArea
                value={pending.reason}
                placeholder="将告知申请人，如：请填写完整的党支部名称"
                maxLength={100}
                onChange={(reason) => setPending({ ...pending, reason, error: undefined })}
              />
            </FormField>
          )
        }
        confirmText={pending?.approve === false ? '确认驳回' : '确认通过'}
        cancelText="取消"
        disableConfirmButton={busy}
        // NutUI closes the dialog once onConfirm resolves and keeps it open when it rejects: a
        // rejection is how a missing reason stays on screen next to the text box.
        onConfirm={async () => {
          if (!(await decide())) throw new Error('dialog stays open');
        }}
        onCancel={() => setPending(null)}
        onClose={() => setPending(null)}
      />
    </PageShell>
  );
};

export default MembersPage;
