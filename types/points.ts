import { z } from './zod';
import { CalendarDate, Cursor, Id, Timestamp, text } from './common';
import { HoursSummary } from './hours';

export const POINT_REASONS = ['order_completed', 'order_rating', 'wish_confirmed', 'activity_served', 'adjustment'] as const;
export const PointReason = z.enum(POINT_REASONS);
export type PointReason = z.infer<typeof PointReason>;
export const POINT_REASON_LABELS: Record<PointReason, string> = {
  order_completed: '完成服务订单',
  order_rating: '居民好评奖励',
  wish_confirmed: '圆梦微心愿',
  activity_served: '活动志愿服务',
  adjustment: '社区调整',
};

export const LedgerEntryView = z.object({
  _id: z.string(),
  delta: z.number(),
  reason: PointReason,
  refId: z.string(),
  at: Timestamp,
  note: z.string(),
});
export type LedgerEntryView = z.infer<typeof LedgerEntryView>;

export const MyPointsOutput = z.object({
  total: z.number(),
  yearPoints: z.number(),
  year: z.number(),
  stars: z.number(),
  toNextStar: z.nullable(z.number()),
  entries: z.array(LedgerEntryView),
  nextCursor: z.nullable(z.string()),
  /** The member's service hours this month and this year (志愿服务时长). */
  hours: z.optional(HoursSummary),
});
export type MyPointsOutput = z.infer<typeof MyPointsOutput>;

export const MyPointsInput = z.object({ cursor: z.optional(Cursor) });

export const PERIODS = ['month', 'quarter', 'year'] as const;
export const Period = z.enum(PERIODS);
export type Period = z.infer<typeof Period>;
export const PERIOD_LABELS: Record<Period, string> = { month: '月榜', quarter: '季榜', year: '年榜' };

export const LeaderboardInput = z.object({
  period: Period,
  /** Any day inside the period (YYYY-MM-DD); default today. */
  date: z.optional(CalendarDate('日期')),
});

export const LeaderboardRow = z.object({
  rank: z.number(),
  memberId: Id,
  name: z.string(),
  branch: z.string(),
  points: z.number(),
  stars: z.number(),
});
export type LeaderboardRow = z.infer<typeof LeaderboardRow>;

export const LeaderboardOutput = z.object({
  period: Period,
  key: z.string(),
  closed: z.boolean(),
  rows: z.array(LeaderboardRow),
});
export type LeaderboardOutput = z.infer<typeof LeaderboardOutput>;

export const AdjustPointsInput = z.object({
  memberId: Id,
  delta: z.number({ error: '请填写调整分值' }).check(
    z.int('分值须为整数'),
    z.gte(-100, '单次调整不超过100分'),
    z.lte(100, '单次调整不超过100分'),
    z.refine((n) => n !== 0, '调整分值不能为0'),
  ),
  reason: text('调整原因', 100),
});
export type AdjustPointsInput = z.infer<typeof AdjustPointsInput>;

export const MemberPointsInput = z.object({ memberId: Id, cursor: z.optional(Cursor) });

