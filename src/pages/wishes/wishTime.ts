import { formatShanghai, isRealDate } from '../../lib/shanghai';

/** Asia/Shanghai has no daylight saving: a fixed +08:00 is exact (see lib/shanghai). */
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date in Shanghai, as the `deadline` field holds it: 2026-12-01. */
export const shanghaiDate = (epochMs: number): string => formatShanghai(epochMs, 'YYYY-MM-DD');

export const todayInShanghai = (now: number = Date.now()): string => shanghaiDate(now);

/** A deadline a month out: long enough for a member to find and fulfil the wish. */
export const defaultDeadline = (now: number = Date.now()): string => shanghaiDate(now + 30 * DAY_MS);

export { isRealDate };

/** 2026-12-01 → 2026年12月1日. */
export const formatDeadline = (date: string): string => {
  const [year, month, day] = date.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
};
