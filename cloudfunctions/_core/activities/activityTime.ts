/**
 * Shanghai wall-clock values of activity forms, as instants and back. Pure: no store, no clock.
 */
import { addDays, startOfDate, HOUR_MS, MINUTE_MS } from '../time';

const OFFSET = 8 * HOUR_MS;
const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-12-07 + 19:00 → the instant in Asia/Shanghai. */
export const instantOf = (date: string, time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return startOfDate(date) + h * HOUR_MS + m * MINUTE_MS;
};

/** The Shanghai clock time of an instant: 19:00. */
export const timeOf = (at: number): string => {
  const d = new Date(at + OFFSET);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

/** 1 = Monday … 7 = Sunday. */
export const weekdayOf = (date: string): number => {
  const day = new Date(startOfDate(date) + OFFSET).getUTCDay();
  return day === 0 ? 7 : day;
};

/** Every date from `from` to `to` (inclusive) falling on `weekday`, at most `max` of them. */
export const weeklyDates = (from: string, to: string, weekday: number, max: number): string[] => {
  const dates: string[] = [];
  let date = addDays(from, (weekday - weekdayOf(from) + 7) % 7);
  while (date <= to && dates.length <= max) {
    dates.push(date);
    date = addDays(date, 7);
  }
  return dates;
};

/** 2026年12月7日 19:00, for messages. */
export const formatMoment = (at: number): string => {
  const d = new Date(at + OFFSET);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${timeOf(at)}`;
};

/** 2026-12 → 2026年12月. */
export const monthLabel = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
