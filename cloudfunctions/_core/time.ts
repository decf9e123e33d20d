/**
 * Calendar arithmetic in Asia/Shanghai, independent of the host's TZ (cloud hosts run in UTC).
 * China has no DST, so a fixed +08:00 offset is exact.
 */
const OFFSET = 8 * 60 * 60 * 1000;
const DAY = 24 * 60 * 60 * 1000;

const shifted = (at: number) => new Date(at + OFFSET);
const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-12-01 */
export const dateOf = (at: number): string => {
  const d = shifted(at);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/** 2026-12 */
export const monthOf = (at: number): string => dateOf(at).slice(0, 7);

export const yearOf = (at: number): number => shifted(at).getUTCFullYear();

/** Midnight at the start of a Shanghai calendar date, as epoch ms. */
export const startOfDate = (date: string): number => Date.parse(`${date}T00:00:00+08:00`);

export const addDays = (date: string, days: number): string => dateOf(startOfDate(date) + days * DAY);

/** [start, end) of a period containing `at`. */
export const periodRange = (period: 'month' | 'quarter' | 'year', at: number): { key: string; start: number; end: number } => {
  const d = shifted(at);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const startMonth = period === 'month' ? month : period === 'quarter' ? month - (month % 3) : 0;
  const months = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  const start = Date.UTC(year, startMonth, 1) - OFFSET;
  const end = Date.UTC(year, startMonth + months, 1) - OFFSET;
  const key = period === 'month' ? `${year}-${pad(month + 1)}` : period === 'quarter' ? `${year}-Q${Math.floor(month / 3) + 1}` : `${year}`;
  return { key, start, end };
};

export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = DAY;

/** 2026-11 + 2 → 2027-01. */
export const addMonths = (month: string, n: number): string => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
};

/** Every month from `from` to `to`, inclusive. */
export const monthsFrom = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
};

/** [start, end) of a calendar month (2026-11) as epoch ms. */
export const monthRange = (month: string): { start: number; end: number } => ({
  start: startOfDate(`${month}-01`),
  end: startOfDate(`${addMonths(month, 1)}-01`),
});
