import type { Period } from '../../../../types/points';

/** '2026-11' → 2026年11月, '2026-Q4' → 2026年第4季度, '2026' → 2026年. */
export const periodTitle = (period: Period, key: string): string => {
  if (period === 'month') {
    const [year, month] = key.split('-');
    return `${year}年${Number(month)}月`;
  }
  if (period === 'quarter') {
    const [year, quarter] = key.split('-Q');
    return `${year}年第${quarter}季度`;
  }
  return `${key}年`;
};

/** A member's star level as stars: ★★★ for level 3. */
export const starLevelText = (stars: number): string => '★'.repeat(Math.max(1, Math.min(5, stars)));
