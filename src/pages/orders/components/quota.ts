import type { ServiceItem } from '../../../../types/menu';

export type QuotaInfo = Pick<ServiceItem, 'monthlyQuota'> & { quotaLeft?: number | null };

/** The quota is used up for this month: nobody can order until next month. */
export const quotaUsedUp = (item: QuotaInfo): boolean => item.quotaLeft === 0;

/** 本月剩余 N 个名额 / 本月名额已用完 / 每月N个名额 (older answers) / '' when there is no quota. */
export const quotaText = (item: QuotaInfo): string => {
  if (item.quotaLeft === 0) return '本月名额已用完';
  if (typeof item.quotaLeft === 'number') return `本月剩余 ${item.quotaLeft} 个名额`;
  if (item.monthlyQuota !== null) return `每月${item.monthlyQuota}个名额`;
  return '';
};
