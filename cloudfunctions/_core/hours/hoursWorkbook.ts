/** The staff export of service hours: every member's hours per month, and the entries. Pure. */
import { hoursOf } from '../../../types/hours';
import type { UserDoc } from '../users/userDoc';
import { cell, dateTimeOf, header, type Sheet } from '../reports/sheets';
import type { HoursEntry, HoursTotalDoc } from './hoursLedger';

export const hoursSheets = (x: {
  months: string[];
  members: Pick<UserDoc, '_id' | 'name' | 'branch' | 'phone'>[];
  totals: Pick<HoursTotalDoc, 'memberId' | 'key' | 'minutes'>[];
  entries: HoursEntry[];
  reasonLabels: Record<string, string>;
}): Sheet[] => {
  const byMember = new Map<string, Map<string, number>>();
  for (const t of x.totals) {
    const months = byMember.get(t.memberId) ?? new Map<string, number>();
    months.set(t.key, (months.get(t.key) ?? 0) + (t.minutes ?? 0));
    byMember.set(t.memberId, months);
  }
  const known = new Map(x.members.map((m) => [m._id, m]));
  // Everyone who is a member now, and anyone who served in the period and has left since.
  const ids = [...new Set([...x.members.map((m) => m._id), ...byMember.keys()])];
  const rows = ids
    .map((id) => {
      const months = byMember.get(id) ?? new Map<string, number>();
      const total = [...months.values()].reduce((a, b) => a + b, 0);
      return { id, member: known.get(id), months, total };
    })
    .sort((a, b) => b.total - a.total || (a.member?.name ?? '').localeCompare(b.member?.name ?? '', 'zh-CN'));
  const nameOf = (id: string) => known.get(id)?.name ?? '已退出的党员';
  return [
    {
      sheet: '志愿服务时长',
      data: [
        header('姓名', '党支部', '手机号', ...x.months.map((m) => `${m}（小时）`), '合计（小时）'),
        ...rows.map((r) => [
          cell(nameOf(r.id)),
          cell(r.member?.branch ?? ''),
          cell(r.member?.phone ?? ''),
          ...x.months.map((m) => cell(hoursOf(r.months.get(m) ?? 0))),
          cell(hoursOf(r.total)),
        ]),
      ],
    },
    {
      sheet: '服务明细',
      data: [
        header('时间', '姓名', '类别', '服务内容', '时长（小时）'),
        ...x.entries.map((e) => [cell(dateTimeOf(e.at)), cell(nameOf(e.memberId)), cell(x.reasonLabels[e.reason] ?? e.reason), cell(e.note), cell(hoursOf(e.delta))]),
      ],
    },
  ];
};
