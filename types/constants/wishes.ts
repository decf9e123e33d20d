/**
 * The wishes vocabulary without zod: states, labels and limits that pages show. The weapp main
 * package imports these from here so that it does not carry zod; ../wishes.ts re-exports them.
 */

export const BENEFICIARY_TYPES = ['elderly', 'child', 'hardship', 'disabled', 'other'] as const;

export const BENEFICIARY_TYPE_LABELS: Record<BeneficiaryType, string> = {
  elderly: '老人',
  child: '儿童',
  hardship: '困难家庭',
  disabled: '残疾人',
  other: '其他',
};

export const WISH_KINDS = ['material', 'service', 'companion'] as const;

export const WISH_KIND_LABELS: Record<WishKind, string> = { material: '物质', service: '服务', companion: '陪伴' };

export const WISH_STATUSES = ['pending_review', 'open', 'rejected', 'claimed', 'fulfilled', 'confirmed', 'withdrawn', 'expired'] as const;

export const WISH_STATUS_LABELS: Record<WishStatus, string> = {
  pending_review: '待审核',
  open: '待认领',
  rejected: '未通过',
  claimed: '已认领',
  fulfilled: '已圆梦',
  confirmed: '已确认',
  withdrawn: '已撤回',
  expired: '已过期',
};

/** The states anyone in the community may see on the wish wall; the rest only the poster and staff see. */
export const WALL_STATUSES = ['open', 'claimed', 'fulfilled', 'confirmed'] as const satisfies readonly WishStatus[];

/** A member's claims in these states; `claimed` is the one that counts against the limit. */
export const CLAIM_STATUSES = ['claimed', 'fulfilled', 'confirmed'] as const satisfies readonly WishStatus[];

export const MAX_ACTIVE_CLAIMS = 3;

export const AUTO_RELEASE_DAYS = 14;

export const MAX_WISH_VALUE = 500;

export const MAX_WISH_PHOTOS = 3;

export type BeneficiaryType = (typeof BENEFICIARY_TYPES)[number];
export type WishKind = (typeof WISH_KINDS)[number];
export type WishStatus = (typeof WISH_STATUSES)[number];

/** A wish is small and near: its deadline is at most this many days after the day it is posted. */
export const MAX_DEADLINE_DAYS = 180;

/** The last deadline a wish posted on `today` (a Shanghai calendar date, 2026-11-23) may have. */
export const latestWishDeadline = (today: string): string => {
  const [y, m, d] = today.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1, d + MAX_DEADLINE_DAYS));
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
  return `${last.getUTCFullYear()}-${pad(last.getUTCMonth() + 1)}-${pad(last.getUTCDate())}`;
};

/** The Chinese message for a deadline past `latestWishDeadline`. */
export const deadlineTooFarMessage = (today: string): string => `截止日期最晚为${MAX_DEADLINE_DAYS}天内（${latestWishDeadline(today)}）`;
