import { formatShanghai } from './shanghai';

/** Times are shown in Shanghai whatever the device's zone (see ./shanghai). */
export const formatDate = (epochMs: number): string => formatShanghai(epochMs, 'YYYY年M月D日');

export const formatDateTime = (epochMs: number): string => formatShanghai(epochMs, 'YYYY-MM-DD HH:mm');

export const formatDuration = (minutes: number): string => {
  if (minutes < 60) return `${minutes}分钟`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours}小时` : `${hours}小时${rest}分钟`;
};
