import { WEEKDAY_LABELS } from '../../../../types/constants/activities';
import { formatShanghai, shanghaiParts } from '../../../lib/shanghai';

/** Shanghai calendar values for the activity pages (a fixed +08:00 offset, see lib/shanghai). */
const inShanghai = (epochMs: number) => ({
  format: (pattern: string) => formatShanghai(epochMs, pattern),
  day: () => shanghaiParts(epochMs).weekday,
});

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-12 */
export const monthOf = (epochMs: number = Date.now()): string => inShanghai(epochMs).format('YYYY-MM');

/** 2026-12 + 1 → 2027-01. */
export const shiftMonth = (month: string, delta: number): string => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
};

/** 2026-12 → 2026年12月 */
export const monthLabel = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** The first and last calendar dates of a month: 2026-02 → 2026-02-01, 2026-02-28. */
export const monthBounds = (month: string): { first: string; last: string } => {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${pad(days)}` };
};

/** 2026-12-07 */
export const dateOf = (epochMs: number): string => inShanghai(epochMs).format('YYYY-MM-DD');

/** 19:00 */
export const timeOf = (epochMs: number): string => inShanghai(epochMs).format('HH:mm');

/** 1 = Monday … 7 = Sunday. */
export const weekdayOf = (epochMs: number): number => {
  const day = inShanghai(epochMs).day();
  return day === 0 ? 7 : day;
};

/** 12月7日 星期一 */
export const dayLabel = (epochMs: number): string => `${inShanghai(epochMs).format('M月D日')} ${WEEKDAY_LABELS[weekdayOf(epochMs)]}`;

/** 12月7日 19:00 */
export const momentLabel = (epochMs: number): string => inShanghai(epochMs).format('M月D日 HH:mm');

/** 19:00–21:00, or 09:00–12月9日 17:00 when the activity spans days. */
export const timeRange = (startAt: number, endAt: number): string =>
  dateOf(startAt) === dateOf(endAt) ? `${timeOf(startAt)}–${timeOf(endAt)}` : `${timeOf(startAt)}–${momentLabel(endAt)}`;

/** 12月7日 星期一 19:00–21:00 */
export const whenLabel = (startAt: number, endAt: number): string => `${dayLabel(startAt)} ${timeRange(startAt, endAt)}`;
