import { ITEM_STATUS_LABELS, ITEM_TRANSITIONS, type ItemStatus } from '../../../types/menu';
import { cmd, upd, type Filter } from '../store/port';
import { assertSameCommunity } from '../runtime/access';
import { defineAction, type Caller, type FunctionSpec } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import type { Ports } from '../ports';
import type { CategoryDoc, ItemDoc } from './menuDocs';
import { COUNTERS, quotaCounterId } from '../orders/orderDoc';
import { monthOf } from '../time';

const isStaff = (caller: Caller) => caller.role === 'staff' || caller.role === 'admin';

/** A document of the caller's community, read beforehand; `what` names it when it is missing. */
const sameCommunity = <T extends { communityId: string }>(caller: Caller, doc: T | null, what: string): T => {
  const found = doc ?? notFound(what);
  assertSameCommunity(caller, found);
  return found;
};

const loadCategory = async (ports: Ports, caller: Caller, categoryId: string): Promise<CategoryDoc> => {
  const category = (await ports.store.get<CategoryDoc>('service_categories', categoryId)) ?? notFound('服务分类');
  assertSameCommunity(caller, category);
  return category;
};

const listCategories = (ports: Ports, communityId: string) =>
  ports.store.find<CategoryDoc>('service_categories', { communityId }, { orderBy: [['sort', 'asc'], ['_id', 'asc']] });

type QuotaCounter = { _id: string; itemId: string; count: number };

/** 本月剩余 N 个名额: what this month's quota still allows (null when the item has none). */
const withQuotaLeft = (item: ItemDoc, used: number) => ({
  ...item,
  quotaLeft: item.monthlyQuota === null ? null : Math.max(0, item.monthlyQuota - used),
});

/** The 备菜 actions of the `orders` function. */
export const menuActions = {
  listMenu: {
    access: 'registered',
    async run({ ports, caller, now }, input) {
      const filter: Filter = { communityId: caller.communityId, status: 'published' };
      if (input.kind) filter.categoryKind = input.kind;
      // The month's quota counters with the menu: one round trip for all three.
      const [categories, items, quotas] = await Promise.all([
        listCategories(ports, caller.communityId),
        ports.store.find<ItemDoc>('service_items', filter, { orderBy: [['createdAt', 'asc'], ['_id', 'asc']], limit: 1000 }),
        ports.store.find<QuotaCounter>(COUNTERS, { communityId: caller.communityId, kind: 'quota', month: monthOf(now) }, { orderBy: [['_id', 'asc']], limit: 1000, fields: ['itemId', 'count'] }),
      ]);
      const used = new Map(quotas.map((q) => [q.itemId, q.count]));
      const sections = categories
        .filter((category) => !input.kind || category.kind === input.kind)
        .map((category) => ({ category, items: items.filter((item) => item.categoryId === category._id).map((item) => withQuotaLeft(item, used.get(item._id) ?? 0)) }))
        .filter((section) => section.items.length > 0);
      return { sections };
    },
  },

  getItem: defineAction<'orders', 'getItem'>()({
    access: 'registered',
    load: ({ ports, now }, input) =>
      Promise.all([ports.store.get<ItemDoc>('service_items', input.itemId), ports.store.get<QuotaCounter>(COUNTERS, quotaCounterId(input.itemId, monthOf(now)))]),
    async run({ caller }, _input, [loaded, quota]) {
      const item = sameCommunity(caller, loaded, '服务');
      // Residents only ever see what is on the menu.
      if (!isStaff(caller) && item.status !== 'published') throw new DomainError('NOT_FOUND', '该服务已下架');
      return withQuotaLeft(item, quota?.count ?? 0);
    },
  }),

  listCategories: {
    access: 'registered',
    async run({ ports, caller }) {
      return { items: await listCategories(ports, caller.communityId) };
    },
  },

  createCategory: {
    access: 'staff',
    async run({ ports, caller, now }, input) {
      const existing = await listCategories(ports, caller.communityId);
      if (existing.some((c) => c.name === input.name)) throw new DomainError('CONFLICT', `分类“${input.name}”已存在`);
      const category: CategoryDoc = {
        _id: ports.newId(),
        communityId: caller.communityId,
        name: input.name,
        kind: input.kind,
        sort: existing.length + 1,
        note: input.note ?? '',
        createdAt: now,
      };
      await ports.store.insert('service_categories', category);
      return category;
    },
  },

  listItemsAdmin: {
    access: 'staff',
    async run({ ports, caller }, input) {
      const filter: Filter = { communityId: caller.communityId };
      if (input.status) filter.status = input.status;
      if (input.categoryId) filter.categoryId = input.categoryId;
      const items = await ports.store.find<ItemDoc>('service_items', filter, { orderBy: [['updatedAt', 'desc'], ['_id', 'desc']], limit: 1000 });
      return { items };
    },
  },

  createItem: {
    access: 'staff',
    async run({ ports, caller, now }, input) {
      const category = await loadCategory(ports, caller, input.categoryId);
      const item: ItemDoc = {
        _id: ports.newId(),
        communityId: caller.communityId,
        categoryId: category._id,
        categoryName: category.name,
        categoryKind: category.kind,
        title: input.title,
        description: input.description,
        skills: input.skills,
        durationMinutes: input.durationMinutes,
        monthlyQuota: input.monthlyQuota,
        status: 'draft',
        history: [{ at: now, by: caller.user._id, from: null, to: 'draft' }],
        createdBy: caller.user._id,
        createdAt: now,
        updatedAt: now,
      };
      await ports.store.insert('service_items', item);
      return item;
    },
  },

  updateItem: defineAction<'orders', 'updateItem'>()({
    access: 'staff',
    load: ({ ports }, input) =>
      Promise.all([
        ports.store.get<ItemDoc>('service_items', input.itemId),
        input.categoryId ? ports.store.get<CategoryDoc>('service_categories', input.categoryId) : Promise.resolve(null),
      ]),
    async run({ ports, caller, now }, input, [loadedItem, loadedCategory]) {
      const item = sameCommunity(caller, loadedItem, '服务');
      const { itemId, categoryId, ...fields } = input;
      const changes: Record<string, unknown> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      if (categoryId && categoryId !== item.categoryId) {
        const category = sameCommunity(caller, loadedCategory, '服务分类');
        Object.assign(changes, { categoryId, categoryName: category.name, categoryKind: category.kind });
      }
      const archived = new DomainError('CONFLICT', '已归档的服务不能修改');
      if (item.status === 'archived') throw archived;
      const updated = await ports.store.updateAndReturn<ItemDoc>('service_items', { _id: itemId, status: cmd.neq('archived') }, { ...changes, updatedAt: now });
      if (!updated) throw archived;
      return updated;
    },
  }),

  setItemStatus: defineAction<'orders', 'setItemStatus'>()({
    access: 'staff',
    load: ({ ports }, input) => ports.store.get<ItemDoc>('service_items', input.itemId),
    async run({ ports, caller, now }, input, loaded) {
      const item = sameCommunity(caller, loaded, '服务');
      const to: ItemStatus = input.status;
      if (!ITEM_TRANSITIONS[item.status].includes(to)) {
        throw new DomainError('CONFLICT', `“${ITEM_STATUS_LABELS[item.status]}”的服务不能改为“${ITEM_STATUS_LABELS[to]}”`);
      }
      // The guard is the state we read: a concurrent change makes this modify nothing.
      const updated = await ports.store.updateAndReturn<ItemDoc>(
        'service_items',
        { _id: item._id, status: item.status },
        { status: to, updatedAt: now, history: upd.push({ at: now, by: caller.user._id, from: item.status, to }) },
      );
      if (!updated) throw new DomainError('CONFLICT', '服务状态已变化，请刷新后重试');
      return updated;
    },
  }),
} satisfies Partial<FunctionSpec<'orders'>>;
