import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** Asia/Shanghai has no daylight saving: a fixed +08:00 is exact (and `.tz()` is wrong on Android WeChat). */
const SHANGHAI_OFFSET_MINUTES = 480;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date in Shanghai, as the `deadline` field holds it: 2026-12-01. */
export const shanghaiDate = (epochMs: number): string => dayjs(epochMs).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD');

export const todayInShanghai = (now: number = Date.now()): string => shanghaiDate(now);

/** A deadline a month out: long enough for a member to find and fulfil the wish. */
export const defaultDeadline = (now: number = Date.now()): string => shanghaiDate(now + 30 * DAY_MS);

/** 2026-02-30 parses (JavaScript rolls it over to March) but is not a real day. */
export const isRealDate = (date: string): boolean => {
  const parsed = dayjs(`${date}T00:00:00+08:00`);
  return parsed.isValid() && parsed.utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD') === date;
};

/** 2026-12-01 → 2026年12月1日. */
export const formatDeadline = (date: string): string => {
  const [year, month, day] = date.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
};
