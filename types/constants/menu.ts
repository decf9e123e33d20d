/**
 * The menu vocabulary without zod: states, labels and limits that pages show. The weapp main
 * package imports these from here so that it does not carry zod; ../menu.ts re-exports them.
 */

/** 常规 / 特色 service categories (备菜). */
export const CATEGORY_KINDS = ['regular', 'featured'] as const;

export const CATEGORY_KIND_LABELS: Record<CategoryKind, string> = { regular: '常规服务', featured: '特色服务' };

export const ITEM_STATUSES = ['draft', 'published', 'paused', 'archived'] as const;

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  draft: '草稿',
  published: '已上架',
  paused: '已暂停',
  archived: '已归档',
};

export type CategoryKind = (typeof CATEGORY_KINDS)[number];
export type ItemStatus = (typeof ITEM_STATUSES)[number];
