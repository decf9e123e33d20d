import { Button, Dialog, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { HOURS_REASON_LABELS, type AdjustHoursInput } from '../../../../types/hours';
import type { LeaderboardRow } from '../../../../types/points';
import { ErrorState, FormField, LoadingState } from '../../../components';
import { formatDateTime } from '../../../lib/time';
import { useRemote } from '../../../lib/useRemote';
import { call } from '../../../services';
import { checkHoursAdjustment, type HoursDraft } from './hoursForm';
import { useLedgerAdjustment } from './useLedgerAdjustment';
import './MemberHours.scss';

const EMPTY_DRAFT: HoursDraft = { hours: '', reason: '' };

const signed = (hours: number) => (hours > 0 ? `+${hours}` : String(hours));

/**
 * One member's service hours and the correction form. Corrections are new entries (the ledger is
 * append-only, like points): a wrong one is undone by another with the opposite sign.
 */
export const MemberHours = ({ member }: { member: LeaderboardRow }) => {
  const ledger = useRemote(() => call('points', 'memberHours', { memberId: member.memberId }), [member.memberId]);
  const { draft, setDraft, errors, confirming, busy, review, submit, cancel } = useLedgerAdjustment({
    empty: EMPTY_DRAFT,
    check: (d: HoursDraft) => checkHoursAdjustment(member.memberId, d),
    send: (input: AdjustHoursInput, requestId) => call('points', 'adjustHours', input, { requestId }),
    doneText: '时长已调整',
    onDone: () => void ledger.load(true),
  });

  const state = ledger.state;
  return (
    <View className="card member-hours">
      <View className="card__title">{`${member.name} 的服务时长`}</View>
      {state.status === 'loading' ? <LoadingState text="正在读取服务时长…" /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={() => void ledger.load()} /> : null}
      {state.status === 'ready' ? (
        <>
          <Text className="muted line member-hours__summary">{`本月 ${state.data.month.hours} 小时 · ${state.data.year.key}年 ${state.data.year.hours} 小时 · 累计 ${state.data.totalHours} 小时`}</Text>
          {state.data.entries.length === 0 ? <Text className="muted line">还没有服务时长记录</Text> : null}
          {state.data.entries.slice(0, 10).map((entry) => (
            <View key={entry._id} className="ledger-row">
              <View>
                <Text className="ledger-row__label">{HOURS_REASON_LABELS[entry.reason]}</Text>
                <Text className="ledger-row__meta">{`${entry.note ? `${entry.note} · ` : ''}${formatDateTime(entry.at)}`}</Text>
              </View>
              <Text className={`ledger-row__delta${entry.hours < 0 ? ' ledger-row__delta--minus' : ''}`}>{`${signed(entry.hours)}小时`}</Text>
            </View>
          ))}
        </>
      ) : null}
      <View className="form-card">
        <FormField label="调整时长（小时）" required error={errors.hours} hint="正数为补记，负数为核减；按0.5小时计，单次不超过24小时">
          <Input value={draft.hours} type="text" placeholder="如：2 或 -1.5" maxLength={5} onChange={(hours) => setDraft({ ...draft, hours })} />
        </FormField>
        <FormField label="调整原因" required error={errors.reason}>
          <Input value={draft.reason} placeholder="如：补记重阳节活动服务" maxLength={100} onChange={(reason) => setDraft({ ...draft, reason })} />
        </FormField>
      </View>
      <Button type="primary" block loading={busy} disabled={busy} onClick={review}>
        调整时长
      </Button>
      <Dialog
        visible={confirming !== null}
        title="确认调整服务时长"
        content={
          confirming
            ? `为${member.name}${confirming.hours > 0 ? '补记' : '核减'} ${Math.abs(confirming.hours)} 小时，原因：${confirming.reason}。时长记录不可撤销，如有错误只能再记一笔反向调整。`
            : ''
        }
        confirmText="确认调整"
        cancelText="再想想"
        onConfirm={() => {
          if (confirming) void submit(confirming);
        }}
        onCancel={cancel}
        onClose={cancel}
      />
    </View>
  );
};
