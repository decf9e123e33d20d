/**
 * Contracts of volunteer service hours (志愿服务时长): the member's hours card, staff corrections,
 * the certificate (志愿服务证明) and the staff export. Hours are kept in minutes and shown in hours
 * with one decimal.
 */
import { z } from './zod';
import { action } from './action';
import { Cursor, Id, MonthString, Timestamp, text } from './common';

export const HOURS_REASONS = ['order_served', 'activity_served', 'adjustment'] as const;
export const HoursReason = z.enum(HOURS_REASONS);
export type HoursReason = z.infer<typeof HoursReason>;
export const HOURS_REASON_LABELS: Record<HoursReason, string> = {
  order_served: '上门服务',
  activity_served: '活动志愿服务',
  adjustment: '社区核定调整',
};

/** Minutes as hours with one decimal: 90 → 1.5. */
export const hoursOf = (minutes: number): number => Math.round(minutes / 6) / 10;

/** A certificate or an export covers at most this many months. */
export const MAX_HOURS_RANGE_MONTHS = 24;

export const HoursEntryView = z.object({
  _id: z.string(),
  /** Minutes of service; negative for a correction. */
  minutes: z.number(),
  hours: z.number(),
  reason: HoursReason,
  refId: z.string(),
  at: Timestamp,
  /** The service (item or activity title), or the reason of a correction. */
  note: z.string(),
});
export type HoursEntryView = z.infer<typeof HoursEntryView>;

export const HoursPeriod = z.object({ key: z.string(), hours: z.number() });

/** The member's card: this month, this year, all time, and the entries newest first. */
export const HoursOutput = z.object({
  month: HoursPeriod,
  year: HoursPeriod,
  totalHours: z.number(),
  entries: z.array(HoursEntryView),
  nextCursor: z.nullable(z.string()),
});
export type HoursOutput = z.infer<typeof HoursOutput>;

/** This month's and this year's hours, for cards that show them beside the points. */
export const HoursSummary = z.object({ monthHours: z.number(), yearHours: z.number() });

export const MyHoursInput = z.object({ cursor: z.optional(Cursor) });
export const MemberHoursInput = z.object({ memberId: Id, cursor: z.optional(Cursor) });

export const AdjustHoursInput = z.object({
  memberId: Id,
  hours: z.number({ error: '请填写调整时长' }).check(
    z.refine((h) => Number.isFinite(h) && Number.isInteger(h * 2), '时长须为0.5小时的整数倍'),
    z.gte(-24, '单次调整不超过24小时'),
    z.lte(24, '单次调整不超过24小时'),
    z.refine((h) => h !== 0, '调整时长不能为0'),
  ),
  reason: text('调整原因', 100),
});
export type AdjustHoursInput = z.infer<typeof AdjustHoursInput>;

const monthsBetween = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;

/** A range of whole months, `from` to `to` inclusive. */
const monthRange = <T extends z.ZodMiniType<{ from?: string; to?: string }>>(schema: T) =>
  schema.check(
    z.check<{ from?: string; to?: string }>((payload) => {
      const { from, to } = payload.value;
      if (payload.issues.length > 0 || !from || !to) return;
      if (to < from) payload.issues.push({ code: 'custom', message: '结束月份不能早于开始月份', path: ['to'], input: payload.value });
      else if (monthsBetween(from, to) > MAX_HOURS_RANGE_MONTHS) {
        payload.issues.push({ code: 'custom', message: `时间范围最长${MAX_HOURS_RANGE_MONTHS}个月`, path: ['to'], input: payload.value });
      }
    }),
  );

/** The certificate's period: default this year up to this month; staff name the member. */
export const CertificateInput = monthRange(
  z.object({ from: z.optional(MonthString), to: z.optional(MonthString), memberId: z.optional(Id) }),
);

export const CertificateService = z.object({
  title: z.string(),
  reason: HoursReason,
  times: z.number(),
  hours: z.number(),
});

/** What the 志愿服务证明 says; the page draws it (src/lib/certificateLayout.ts). */
export const CertificateOutput = z.object({
  certificateNo: z.string(),
  memberId: Id,
  name: z.string(),
  branch: z.string(),
  communityName: z.string(),
  street: z.string(),
  from: z.string(),
  to: z.string(),
  /** 2026年1月至2026年11月 */
  periodLabel: z.string(),
  hours: z.number(),
  /** Services, most hours first; staff corrections last. */
  services: z.array(CertificateService),
  issuedAt: Timestamp,
});
export type CertificateOutput = z.infer<typeof CertificateOutput>;

export const ExportHoursInput = monthRange(z.object({ from: MonthString, to: MonthString }));

export const HoursExport = z.object({ fileName: z.string(), base64: z.string() });

export const HOURS_API = {
  myHours: action(MyHoursInput, HoursOutput),
  memberHours: action(MemberHoursInput, HoursOutput),
  adjustHours: action(AdjustHoursInput, HoursEntryView),
  hoursCertificate: action(CertificateInput, CertificateOutput),
  exportHours: action(ExportHoursInput, HoursExport),
} as const;
