import { ITEM_STATUSES, ITEM_TRANSITIONS } from '../../types/menu';
import { openHarness, type Harness } from '../support/harness';
import { itemByTitle, orderForm, requestId } from '../support/orderFixtures';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

const newItem = async () => {
  const categories = await h.okAs('staff-li')('orders', 'listCategories', {});
  const category = categories.items.find((c) => c.name === '家电维修')!;
  return h.okAs('staff-li')('orders', 'createItem', {
    categoryId: category._id,
    title: '空调清洗',
    description: '挂机空调滤网清洗与除菌。',
    skills: ['家电维修'],
    durationMinutes: 90,
    monthlyQuota: 10,
  });
};

const titlesOnMenu = async () => {
  const menu = await h.okAs('resident-sun')('orders', 'listMenu', {});
  return menu.sections.flatMap((s) => s.items.map((i) => i.title));
};

describe('备菜: the service menu', () => {
  test('the demo menu has 7 regular and 5 featured categories, all with published items', async () => {
    const regular = await h.okAs('resident-sun')('orders', 'listMenu', { kind: 'regular' });
    const featured = await h.okAs('resident-sun')('orders', 'listMenu', { kind: 'featured' });
    expect(regular.sections.map((s) => s.category.name)).toEqual(['家电维修', '楼道保洁', '孤老慰问', '民事调解', '代买代办', '健康咨询', '法律咨询']);
    expect(featured.sections).toHaveLength(5);
    expect([...regular.sections, ...featured.sections].every((s) => s.items.every((i) => i.status === 'published'))).toBe(true);
  });

  test('a new item is a draft: off the menu until published; paused items leave it; archived items stay gone', async () => {
    const item = await newItem();
    expect(item.status).toBe('draft');
    expect(await titlesOnMenu()).not.toContain('空调清洗');
    const hidden = await h.as('resident-sun')('orders', 'getItem', { itemId: item._id });
    expect(hidden).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '该服务已下架' } });

    await h.okAs('staff-li')('orders', 'setItemStatus', { itemId: item._id, status: 'published' });
    expect(await titlesOnMenu()).toContain('空调清洗');
    expect((await h.okAs('resident-sun')('orders', 'getItem', { itemId: item._id })).title).toBe('空调清洗');

    await h.okAs('staff-li')('orders', 'setItemStatus', { itemId: item._id, status: 'paused' });
    expect(await titlesOnMenu()).not.toContain('空调清洗');
    await h.okAs('staff-li')('orders', 'setItemStatus', { itemId: item._id, status: 'published' });
    const archived = await h.okAs('staff-li')('orders', 'setItemStatus', { itemId: item._id, status: 'archived' });
    expect(archived.status).toBe('archived');
    expect(await titlesOnMenu()).not.toContain('空调清洗');
    const edit = await h.as('staff-li')('orders', 'updateItem', { itemId: item._id, title: '改名' });
    expect(edit).toEqual({ ok: false, error: { code: 'CONFLICT', message: '已归档的服务不能修改' } });
  });

  test.each(ITEM_STATUSES.flatMap((from) => ITEM_STATUSES.map((to) => [from, to] as const)))(
    'status %s → %s is allowed exactly when the state machine says so',
    async (from, to) => {
      const item = await newItem();
      const path: Record<string, string[]> = { draft: [], published: ['published'], paused: ['published', 'paused'], archived: ['archived'] };
      for (const step of path[from]) await h.okAs('staff-li')('orders', 'setItemStatus', { itemId: item._id, status: step as never });
      const answer = await h.as('staff-li')('orders', 'setItemStatus', { itemId: item._id, status: to });
      if (ITEM_TRANSITIONS[from].includes(to)) {
        expect(answer).toEqual({ ok: true, data: expect.objectContaining({ status: to }) });
      } else {
        expect(answer.ok || answer.error.code).toBe('CONFLICT');
        expect((await h.okAs('staff-li')('orders', 'getItem', { itemId: item._id })).status).toBe(from);
      }
    },
  );

  test('publishing at once from two staff sessions: one wins, the other is told the state changed', async () => {
    const item = await newItem();
    const answers = await Promise.all(Array.from({ length: 20 }, () => h.as('staff-li')('orders', 'setItemStatus', { itemId: item._id, status: 'published' })));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.error.code === 'CONFLICT')).toBe(true);
    const stored = await h.okAs('staff-li')('orders', 'getItem', { itemId: item._id });
    expect(stored.status).toBe('published');
  });

  test('editing an item moves it to another category and keeps the rest', async () => {
    const item = await newItem();
    const categories = await h.okAs('staff-li')('orders', 'listCategories', {});
    const legal = categories.items.find((c) => c.name === '法律咨询')!;
    const edited = await h.okAs('staff-li')('orders', 'updateItem', { itemId: item._id, categoryId: legal._id, monthlyQuota: null });
    expect(edited).toMatchObject({ categoryId: legal._id, categoryName: '法律咨询', title: '空调清洗', monthlyQuota: null });
  });

  test('staff create a category; its name is unique within the community', async () => {
    const created = await h.okAs('staff-li')('orders', 'createCategory', { name: '便民理财', kind: 'featured' });
    expect(created).toMatchObject({ name: '便民理财', kind: 'featured', sort: 13 });
    const duplicate = await h.as('staff-li')('orders', 'createCategory', { name: '便民理财', kind: 'regular' });
    expect(duplicate.ok || duplicate.error.code).toBe('CONFLICT');
  });

  test('an item cannot be filed under another community’s category', async () => {
    const otherCategory = await h.okAs('staff-other')('orders', 'createCategory', { name: '外社区分类', kind: 'regular' });
    const answer = await h.as('staff-li')('orders', 'createItem', {
      categoryId: otherCategory._id,
      title: '串门',
      description: '不应成功',
      skills: [],
      durationMinutes: 30,
      monthlyQuota: null,
    });
    expect(answer.ok || answer.error.code).toBe('FORBIDDEN');
  });

  test('staff see every status in the admin list; another community sees none of them', async () => {
    await newItem();
    const drafts = await h.okAs('staff-li')('orders', 'listItemsAdmin', { status: 'draft' });
    expect(drafts.items.map((i) => i.title)).toEqual(['空调清洗']);
    const other = await h.okAs('staff-other')('orders', 'listItemsAdmin', {});
    expect(other.items).toEqual([]);
  });
});

describe('本月剩余名额', () => {
  test('the menu and the item say how many places this month’s quota still has, counted as orders take them', async () => {
    const place = await itemByTitle(h, '作业辅导');
    const leftOnMenu = async () =>
      (await h.okAs('resident-sun')('orders', 'listMenu', {})).sections.flatMap((s) => s.items).find((i) => i._id === place._id)?.quotaLeft;
    expect(await leftOnMenu()).toBe(20);
    const order = await h.okAs('resident-sun')('orders', 'createOrder', orderForm(place._id), requestId());
    expect(await leftOnMenu()).toBe(19);
    expect((await h.okAs('resident-zhou')('orders', 'getItem', { itemId: place._id })).quotaLeft).toBe(19);
    await h.okAs('resident-sun')('orders', 'cancelOrder', { orderId: order._id });
    expect(await leftOnMenu()).toBe(20);
    // An item without a quota has no count to show.
    const free = await itemByTitle(h, '小家电维修');
    expect((await h.okAs('resident-sun')('orders', 'getItem', { itemId: free._id })).quotaLeft).toBeNull();
  });
});
