import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * China has no daylight saving, so a fixed +08:00 offset is exact. dayjs's tz plugin is avoided on
 * purpose: it is silently wrong on Android WeChat.
 */
const SHANGHAI_OFFSET_MINUTES = 480;

const inShanghai = (epochMs: number) => dayjs(epochMs).utcOffset(SHANGHAI_OFFSET_MINUTES);

export const formatDate = (epochMs: number): string => inShanghai(epochMs).format('YYYY年M月D日');

export const formatDateTime = (epochMs: number): string => inShanghai(epochMs).format('YYYY-MM-DD HH:mm');

export const formatDuration = (minutes: number): string => {
  if (minutes < 60) return `${minutes}分钟`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours}小时` : `${hours}小时${rest}分钟`;
};
