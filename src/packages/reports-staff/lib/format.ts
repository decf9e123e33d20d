import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { formatDuration } from '../../../lib/time';

dayjs.extend(utc);

/** Shown wherever the month has nothing to measure yet. */
export const NONE = '—';

/** The Shanghai calendar month of a moment: 2026-11. Fixed +08:00 (never dayjs's tz plugin). */
export const monthOf = (epochMs: number = Date.now()): string => dayjs(epochMs).utcOffset(480).format('YYYY-MM');

/** 2026-01 − 1 → 2025-12. */
export const shiftMonth = (month: string, delta: number): string => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** 2026-11 → 2026年11月 */
export const monthLabel = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** 0.875 → 88% */
export const percentText = (rate: number | null): string => (rate === null ? NONE : `${Math.round(rate * 100)}%`);

/** 4.25 → 4.3★ */
export const ratingText = (rating: number | null): string => (rating === null ? NONE : `${rating.toFixed(1)}★`);

/** 95 → 1小时35分钟; a median may be fractional, so whole minutes. */
export const minutesText = (minutes: number | null): string => (minutes === null ? NONE : formatDuration(Math.round(minutes)));

/** 2 → ★★☆☆☆ */
export const starsText = (stars: number): string => '★'.repeat(Math.max(0, Math.min(5, stars))) + '☆'.repeat(Math.max(0, 5 - stars));
