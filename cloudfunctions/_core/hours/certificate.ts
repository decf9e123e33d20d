/**
 * The 志愿服务证明 as data: who, where, which months, how many hours, which services. The page
 * draws it (src/lib/certificateLayout.ts turns it into drawing commands). Pure.
 */
import { HOURS_REASON_LABELS, hoursOf, type CertificateOutput } from '../../../types/hours';
import { stableId } from '../runtime/ids';
import type { UserDoc } from '../users/userDoc';
import type { HoursEntry, HoursTotalDoc } from './hoursLedger';

const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

export const periodLabelOf = (from: string, to: string) => (from === to ? monthLabel(from) : `${monthLabel(from)}至${monthLabel(to)}`);

/** The certificate's number: the same member and months always give the same number. */
export const certificateNoOf = (memberId: string, from: string, to: string) =>
  `LL${to.replace('-', '')}${stableId('cert', memberId, from, to).slice(-8).toUpperCase()}`;

export const certificateOf = (c: {
  member: Pick<UserDoc, '_id' | 'name' | 'branch'>;
  community: { name: string; street?: string } | null;
  from: string;
  to: string;
  months: Pick<HoursTotalDoc, 'minutes'>[];
  entries: Pick<HoursEntry, 'reason' | 'note' | 'delta'>[];
  now: number;
}): CertificateOutput => {
  const services = new Map<string, { title: string; reason: HoursEntry['reason']; times: number; minutes: number }>();
  for (const e of c.entries) {
    // Corrections are one line: they adjust the total, they are not a service of their own.
    const title = e.reason === 'adjustment' ? HOURS_REASON_LABELS.adjustment : e.note.replace(/^志愿服务：/, '');
    const key = `${e.reason}\u0000${title}`;
    const s = services.get(key) ?? { title, reason: e.reason, times: 0, minutes: 0 };
    s.minutes += e.delta;
    if (e.reason !== 'adjustment') s.times += 1;
    services.set(key, s);
  }
  return {
    certificateNo: certificateNoOf(c.member._id, c.from, c.to),
    memberId: c.member._id,
    name: c.member.name,
    branch: c.member.branch ?? '',
    communityName: c.community?.name ?? '',
    street: c.community?.street ?? '',
    from: c.from,
    to: c.to,
    periodLabel: periodLabelOf(c.from, c.to),
    hours: hoursOf(c.months.reduce((sum, m) => sum + (m.minutes ?? 0), 0)),
    services: [...services.values()]
      .filter((s) => s.minutes !== 0)
      // Services by hours; a correction last, as it adjusts them.
      .sort((a, b) => Number(a.reason === 'adjustment') - Number(b.reason === 'adjustment') || b.minutes - a.minutes || a.title.localeCompare(b.title, 'zh-CN'))
      .map((s) => ({ title: s.title, reason: s.reason, times: s.times, hours: hoursOf(s.minutes) })),
    issuedAt: c.now,
  };
};
