/**
 * Service hours for members and staff (points function): the member's hours card, a staff
 * member's view and correction of a member's hours, the 志愿服务证明 and the hours export.
 */
import writeExcelFile from 'write-excel-file/node';
import { HOURS_REASON_LABELS, MAX_HOURS_RANGE_MONTHS, hoursOf, type CertificateOutput, type HoursEntryView, type HoursOutput } from '../../../types/hours';
import { assertSameCommunity } from '../runtime/access';
import { defineAction, type Caller, type FunctionSpec } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import { stableId } from '../runtime/ids';
import { keysetPage } from '../store/keyset';
import { cmd } from '../store/port';
import type { Ports } from '../ports';
import { monthOf, monthRange, monthsFrom } from '../time';
import type { UserDoc } from '../users/userDoc';
import { periodKeyOf, totalsIdFor } from '../ledger/periodLedger';
import { HOURS, HOURS_LEDGER, HOURS_TOTALS, recordHours, type HoursEntry, type HoursTotalDoc } from './hoursLedger';
import { hoursSheets } from './hoursWorkbook';
import { certificateOf } from './certificate';

const PAGE = 20;

export const hoursEntryView = (e: HoursEntry): HoursEntryView => ({
  _id: e._id,
  minutes: e.delta,
  hours: hoursOf(e.delta),
  reason: e.reason,
  refId: e.refId,
  at: e.at,
  note: e.note,
});

const TOTAL_FIELDS = ['memberId', 'minutes', 'key', 'period'];

/** A member's hours this month and year (two documents read by id). */
export const hoursSummaryOf = async (ports: Ports, memberId: string, now: number) => {
  const [month, year] = await Promise.all([
    ports.store.get<HoursTotalDoc>(HOURS_TOTALS, totalsIdFor(HOURS, memberId, 'month', periodKeyOf('month', now))),
    ports.store.get<HoursTotalDoc>(HOURS_TOTALS, totalsIdFor(HOURS, memberId, 'year', periodKeyOf('year', now))),
  ]);
  return { monthHours: hoursOf(month?.minutes ?? 0), yearHours: hoursOf(year?.minutes ?? 0) };
};

/** The hours card: this month, this year, all time, and a page of entries, in one round trip. */
const hoursCardOf = async (ports: Ports, memberId: string, now: number, cursor?: string): Promise<HoursOutput> => {
  const monthKey = periodKeyOf('month', now);
  const yearKey = periodKeyOf('year', now);
  const [years, month, page] = await Promise.all([
    ports.store.find<HoursTotalDoc>(HOURS_TOTALS, { memberId, period: 'year' }, { orderBy: [['key', 'desc'], ['_id', 'desc']], limit: 100, fields: TOTAL_FIELDS }),
    ports.store.get<HoursTotalDoc>(HOURS_TOTALS, totalsIdFor(HOURS, memberId, 'month', monthKey)),
    keysetPage<HoursEntry>(ports.store, HOURS_LEDGER, { memberId }, [['at', 'desc']], cursor, PAGE),
  ]);
  return {
    month: { key: monthKey, hours: hoursOf(month?.minutes ?? 0) },
    year: { key: yearKey, hours: hoursOf(years.find((y) => y.key === yearKey)?.minutes ?? 0) },
    totalHours: hoursOf(years.reduce((sum, y) => sum + (y.minutes ?? 0), 0)),
    entries: page.items.map(hoursEntryView),
    nextCursor: page.nextCursor,
  };
};

const memberOf = (caller: Caller, member: UserDoc | null): UserDoc => {
  if (!member) return notFound('党员');
  assertSameCommunity(caller, member);
  if (member.role !== 'member') throw new DomainError('NOT_FOUND', '该用户不是党员志愿者');
  return member;
};

/** The certificate's months: as asked, or this year up to this month. */
const rangeOf = (input: { from?: string; to?: string }, now: number) => {
  const to = input.to ?? (input.from && input.from > monthOf(now) ? input.from : monthOf(now));
  const from = input.from ?? `${to.slice(0, 4)}-01`;
  if (to < from) throw new DomainError('VALIDATION', '结束月份不能早于开始月份', { to: '结束月份不能早于开始月份' });
  if (monthsFrom(from, to).length > MAX_HOURS_RANGE_MONTHS) {
    throw new DomainError('VALIDATION', `时间范围最长${MAX_HOURS_RANGE_MONTHS}个月`, { from: `时间范围最长${MAX_HOURS_RANGE_MONTHS}个月` });
  }
  return { from, to };
};

/** A member's month totals and entries over months, read together. */
const serviceOf = (ports: Ports, memberId: string, from: string, to: string) =>
  Promise.all([
    ports.store.find<HoursTotalDoc>(
      HOURS_TOTALS,
      { memberId, period: 'month', key: cmd.lte(to), $and: [{ key: cmd.gte(from) }] },
      { orderBy: [['key', 'desc'], ['_id', 'desc']], limit: 1000, fields: TOTAL_FIELDS },
    ),
    ports.store.find<HoursEntry>(
      HOURS_LEDGER,
      { memberId, at: cmd.lt(monthRange(to).end), $and: [{ at: cmd.gte(monthRange(from).start) }] },
      { orderBy: [['at', 'desc'], ['_id', 'desc']], limit: 1000 },
    ),
  ]);

export const hoursActions = {
  myHours: defineAction<'points', 'myHours'>()({
    access: 'member',
    load: ({ ports, userId, now }, input) => hoursCardOf(ports, userId, now, input.cursor),
    run: async (_ctx, _input, loaded) => loaded,
  }),

  memberHours: defineAction<'points', 'memberHours'>()({
    access: 'staff',
    load: ({ ports, now }, input) => Promise.all([ports.store.get<UserDoc>('users', input.memberId), hoursCardOf(ports, input.memberId, now, input.cursor)]),
    async run({ caller }, _input, [member, card]) {
      memberOf(caller, member);
      return card;
    },
  }),

  adjustHours: defineAction<'points', 'adjustHours'>()({
    access: 'staff',
    load: ({ ports }, input) => ports.store.get<UserDoc>('users', input.memberId),
    async run({ ports, caller, now, requestId }, input, loaded) {
      if (!requestId) throw new DomainError('VALIDATION', '缺少请求编号，请刷新后重试');
      const member = memberOf(caller, loaded);
      // The request id makes a retried correction land once, and answer the entry it made.
      const { entry } = await recordHours(ports, {
        communityId: member.communityId,
        memberId: member._id,
        delta: Math.round(input.hours * 60),
        reason: 'adjustment',
        refId: stableId('adjh', caller.user._id, requestId),
        at: now,
        note: input.reason,
        by: caller.user._id,
      });
      return hoursEntryView(entry);
    },
  }),

  hoursCertificate: defineAction<'points', 'hoursCertificate'>()({
    access: 'registered',
    load: ({ ports, userId, now }, input) => {
      const memberId = input.memberId ?? userId;
      const { from, to } = rangeOf(input, now);
      return Promise.all([
        input.memberId && input.memberId !== userId ? ports.store.get<UserDoc>('users', input.memberId) : Promise.resolve(null),
        serviceOf(ports, memberId, from, to),
      ]);
    },
    async run({ ports, caller, now }, input, [named, [months, entries]]): Promise<CertificateOutput> {
      const { from, to } = rangeOf(input, now);
      const own = !input.memberId || input.memberId === caller.user._id;
      if (!own && caller.role !== 'staff') throw new DomainError('FORBIDDEN', '只能开具本人的志愿服务证明');
      const member = own ? caller.user : memberOf(caller, named);
      if (member.role !== 'member') throw new DomainError('FORBIDDEN', '志愿服务证明仅限党员志愿者开具');
      const community = await ports.store.get<{ _id: string; name: string; street?: string }>('communities', member.communityId);
      return certificateOf({ member, community, from, to, months, entries, now });
    },
  }),

  exportHours: defineAction<'points', 'exportHours'>()({
    access: 'staff',
    async run({ ports, caller }, input) {
      const months = monthsFrom(input.from, input.to);
      const [members, totals, entries] = await Promise.all([
        ports.store.find<UserDoc>('users', { communityId: caller.communityId, role: 'member' }, { orderBy: [['createdAt', 'asc'], ['_id', 'asc']], limit: 1000, fields: ['name', 'branch', 'phone'] }),
        Promise.all(
          months.map((key) =>
            ports.store.find<HoursTotalDoc>(
              HOURS_TOTALS,
              { communityId: caller.communityId, period: 'month', key },
              { orderBy: [['minutes', 'desc'], ['_id', 'desc']], limit: 1000, fields: TOTAL_FIELDS },
            ),
          ),
        ),
        ports.store.find<HoursEntry>(
          HOURS_LEDGER,
          { communityId: caller.communityId, at: cmd.gte(monthRange(input.from).start), $and: [{ at: cmd.lt(monthRange(input.to).end) }] },
          { orderBy: [['at', 'asc'], ['_id', 'asc']], limit: 1000 },
        ),
      ]);
      const buffer = await writeExcelFile(hoursSheets({ months, members, totals: totals.flat(), entries, reasonLabels: HOURS_REASON_LABELS })).toBuffer();
      const name = input.from === input.to ? input.from : `${input.from}至${input.to}`;
      return { fileName: `志愿服务时长-${name}.xlsx`, base64: buffer.toString('base64') };
    },
  }),
} satisfies Partial<FunctionSpec<'points'>>;
