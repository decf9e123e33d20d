import { z } from './zod';
import { Id, Timestamp, intIn, optionalText, text } from './common';
import { Skill } from './users';
import { CATEGORY_KINDS, ITEM_STATUSES } from './constants/menu';
export * from './constants/menu';

export const CategoryKind = z.enum(CATEGORY_KINDS);
export type CategoryKind = z.infer<typeof CategoryKind>;

export const ServiceCategory = z.object({
  _id: Id,
  communityId: Id,
  name: z.string(),
  kind: CategoryKind,
  sort: z.number(),
});
export type ServiceCategory = z.infer<typeof ServiceCategory>;

export const ItemStatus = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof ItemStatus>;

/** draft → published ⇄ paused → archived; archived is final. */
export const ITEM_TRANSITIONS: Record<ItemStatus, readonly ItemStatus[]> = {
  draft: ['published', 'archived'],
  published: ['paused', 'archived'],
  paused: ['published', 'archived'],
  archived: [],
};

export const ServiceItem = z.object({
  _id: Id,
  communityId: Id,
  categoryId: Id,
  categoryName: z.string(),
  categoryKind: CategoryKind,
  title: z.string(),
  description: z.string(),
  skills: z.array(Skill),
  durationMinutes: z.number(),
  monthlyQuota: z.nullable(z.number()),
  /** Places left this month for the caller's community; null = no quota; absent from older servers. */
  quotaLeft: z.optional(z.nullable(z.number())),
  status: ItemStatus,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ServiceItem = z.infer<typeof ServiceItem>;

/** The fields staff edit; the same schema validates the form and the request. */
export const ServiceItemFields = z.object({
  categoryId: Id,
  title: text('服务名称', 20),
  description: text('服务说明', 300),
  skills: z.array(Skill).check(z.maxLength(6, '所需技能最多6项')),
  durationMinutes: intIn('预计时长（分钟）', 10, 600),
  monthlyQuota: z.nullable(intIn('每月名额', 1, 10000)),
});
export type ServiceItemFields = z.infer<typeof ServiceItemFields>;

export const CreateItemInput = ServiceItemFields;
export type CreateItemInput = z.infer<typeof CreateItemInput>;

export const UpdateItemInput = z.extend(z.partial(ServiceItemFields), { itemId: Id });
export type UpdateItemInput = z.infer<typeof UpdateItemInput>;

export const SetItemStatusInput = z.object({ itemId: Id, status: ItemStatus });
export type SetItemStatusInput = z.infer<typeof SetItemStatusInput>;

export const ItemIdInput = z.object({ itemId: Id });

export const ListMenuInput = z.object({ kind: z.optional(CategoryKind) });

/** The published menu as residents see it: categories with their orderable items. */
export const MenuSection = z.object({
  category: ServiceCategory,
  items: z.array(ServiceItem),
});
export const MenuOutput = z.object({ sections: z.array(MenuSection) });
export type MenuOutput = z.infer<typeof MenuOutput>;

export const ListItemsAdminInput = z.object({ status: z.optional(ItemStatus), categoryId: z.optional(Id) });

export const CreateCategoryInput = z.object({
  name: text('分类名称', 10),
  kind: CategoryKind,
  note: optionalText('备注', 50),
});
export type CreateCategoryInput = z.infer<typeof CreateCategoryInput>;
