import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Dialog, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { POINT_REASON_LABELS, type AdjustPointsInput, type LeaderboardRow } from '../../../../../types/points';
import { EmptyState, ErrorState, FormField, LoadingState, PageShell, SegmentTabs } from '../../../../components';
import { call } from '../../../../services';
import { formatDateTime } from '../../../../lib/time';
import { useRemote } from '../../../../lib/useRemote';
import { starLevelText } from '../../../../pages/orders/components/pointsText';
import { checkAdjustment, type AdjustDraft } from '../../components/adjustForm';
import { HoursExport } from '../../components/HoursExport';
import { MemberHours } from '../../components/MemberHours';
import { useLedgerAdjustment } from '../../components/useLedgerAdjustment';
import '../../../../pages/orders/components/orders.scss';

const EMPTY_DRAFT: AdjustDraft = { delta: '', reason: '' };

/** One member's ledger and the adjustment form (± points with a mandatory reason). */
const MemberLedger = ({ member, onAdjusted }: { member: LeaderboardRow; onAdjusted: () => void }) => {
  const ledger = useRemote(() => call('points', 'memberPoints', { memberId: member.memberId }), [member.memberId]);
  const { draft, setDraft, errors, confirming, busy, review, submit, cancel } = useLedgerAdjustment({
    empty: EMPTY_DRAFT,
    check: (d: AdjustDraft) => checkAdjustment(member.memberId, d),
    send: (input: AdjustPointsInput, requestId) => call('points', 'adjustPoints', input, { requestId }),
    doneText: '积分已调整',
    onDone: () => {
      void ledger.load(true);
      onAdjusted();
    },
  });

  const state = ledger.state;
  return (
    <View className="card">
      <View className="card__title">{`${member.name} 的积分`}</View>
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={() => void ledger.load()} /> : null}
      {state.status === 'ready' ? (
        <>
          <Text className="muted">{`累计 ${state.data.total} 分 · ${state.data.year}年 ${state.data.yearPoints} 分 · ${starLevelText(state.data.stars)}`}</Text>
          {state.data.entries.slice(0, 10).map((entry) => (
            <View key={entry._id} className="ledger-row">
              <View>
                <Text className="ledger-row__label">{POINT_REASON_LABELS[entry.reason]}</Text>
                <Text className="ledger-row__meta">{`${entry.note ? `${entry.note} · ` : ''}${formatDateTime(entry.at)}`}</Text>
              </View>
              <Text className={`ledger-row__delta${entry.delta < 0 ? ' ledger-row__delta--minus' : ''}`}>
                {entry.delta > 0 ? `+${entry.delta}` : entry.delta}
              </Text>
            </View>
          ))}
        </>
      ) : null}
      <View className="form-card">
        <FormField label="调整分值" required error={errors.delta} hint="正数为加分，负数为扣分，单次不超过100分">
          <Input value={draft.delta} type="text" placeholder="如：5 或 -5" maxLength={4} onChange={(delta) => setDraft({ ...draft, delta })} />
        </FormField>
        <FormField label="调整原因" required error={errors.reason}>
          <Input value={draft.reason} placeholder="如：组织楼道清理活动" maxLength={100} onChange={(reason) => setDraft({ ...draft, reason })} />
        </FormField>
      </View>
      <Button type="primary" block loading={busy} disabled={busy} onClick={review}>
        调整积分
      </Button>
      <Dialog
        visible={confirming !== null}
        title="确认调整积分"
        content={confirming ? `为${member.name}${confirming.delta > 0 ? '加' : '扣'} ${Math.abs(confirming.delta)} 分，原因：${confirming.reason}。积分记录不可撤销。` : ''}
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

type Detail = 'points' | 'hours';
const DETAIL_TABS = [
  { value: 'points', label: '积分' },
  { value: 'hours', label: '服务时长' },
] as const;

/**
 * 党员积分与时长 (staff): this year's points of every member; one member's points or service hours
 * with corrections (reason required, append-only); every member's hours exported for a period.
 */
const StaffPointsPage = () => {
  const board = useRemote(() => call('points', 'leaderboard', { period: 'year' }), []);
  const [selected, setSelected] = useState<LeaderboardRow | null>(null);
  const [detail, setDetail] = useState<Detail>('points');

  usePullDownRefresh(() => {
    void board.load(true).finally(() => Taro.stopPullDownRefresh());
  });

  let body: ReactNode;
  const state = board.state;
  if (state.status === 'loading') body = <LoadingState text="正在读取党员积分…" />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void board.load()} />;
  else if (state.data.rows.length === 0) body = <EmptyState title="本社区还没有党员志愿者" description="居民申请“双报到”并通过审核后会出现在这里。" />;
  else
    body = (
      <View className="card">
        <View className="card__title">{`${state.data.key}年积分`}</View>
        {state.data.rows.map((row) => (
          <View
            key={row.memberId}
            className={`ledger-row${selected?.memberId === row.memberId ? ' ledger-row--selected' : ''}`}
            onClick={() => setSelected(row)}
          >
            <View>
              <Text className="ledger-row__label">{`${row.rank}. ${row.name}`}</Text>
              <Text className="ledger-row__meta">{`${row.branch || '未填写支部'} · ${starLevelText(row.stars)}`}</Text>
            </View>
            <Text className="ledger-row__delta">{row.points}</Text>
          </View>
        ))}
      </View>
    );

  return (
    <PageShell>
      {body}
      {selected ? <SegmentTabs tabs={DETAIL_TABS} value={detail} onChange={setDetail} /> : null}
      {selected && detail === 'points' ? <MemberLedger key={selected.memberId} member={selected} onAdjusted={() => void board.load(true)} /> : null}
      {selected && detail === 'hours' ? <MemberHours key={selected.memberId} member={selected} /> : null}
      {state.status === 'ready' && !selected ? <Text className="footer-note">点选一位党员，查看积分、服务时长或调整</Text> : null}
      {state.status === 'ready' && state.data.rows.length > 0 ? <HoursExport /> : null}
    </PageShell>
  );
};

export default StaffPointsPage;
