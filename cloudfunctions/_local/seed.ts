import { isDuplicateKey, type Doc, type Store } from '../_core/store/port';
import type { CategoryDoc, ItemDoc } from '../_core/menu/menuDocs';
import { searchKeysOf, userIdFor, type UserDoc } from '../_core/users/userDoc';
import { stableId } from '../_core/runtime/ids';
import { DEMO_COMMUNITY, DEMO_MENU, DEMO_USERS, OTHER_COMMUNITY, type DemoUser } from './demoData';

export const demoOpenid = (user: Pick<DemoUser, 'key'>) => `demo-${user.key}`;

const insertOnce = async (store: Store, collection: string, doc: Doc) => {
  try {
    await store.insert(collection, doc);
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
};

/**
 * Seeds the demo community. Every id is deterministic and every insert tolerates an existing
 * document, so seeding an already seeded database changes nothing.
 */
export const seedDemo = async (store: Store, now: number): Promise<void> => {
  for (const community of [DEMO_COMMUNITY, OTHER_COMMUNITY]) {
    await insertOnce(store, 'communities', { ...community, createdAt: now });
  }
  const staffId = userIdFor(demoOpenid(DEMO_USERS[0]));
  for (const demo of DEMO_USERS) {
    const openid = demoOpenid(demo);
    const user: UserDoc = {
      _id: userIdFor(openid),
      openid,
      communityId: demo.communityId ?? DEMO_COMMUNITY._id,
      name: demo.name,
      phone: demo.phone,
      building: demo.building,
      room: demo.room,
      role: demo.role,
      elderly: demo.elderly ?? false,
      memberStatus: demo.role === 'member' ? 'approved' : 'none',
      skills: demo.skills ?? [],
      history: [{ at: now, by: staffId, from: null, to: 'registered', note: '演示数据' }],
      searchKeys: searchKeysOf(demo),
      createdAt: now,
      updatedAt: now,
      ...(demo.branch ? { branch: demo.branch } : {}),
    };
    await insertOnce(store, 'users', user);
  }
  for (const [index, category] of DEMO_MENU.entries()) {
    const categoryDoc: CategoryDoc = {
      _id: stableId('cat', DEMO_COMMUNITY._id, category.name),
      communityId: DEMO_COMMUNITY._id,
      name: category.name,
      kind: category.kind,
      sort: index + 1,
      note: '',
      createdAt: now,
    };
    await insertOnce(store, 'service_categories', categoryDoc);
    for (const [position, item] of category.items.entries()) {
      const itemDoc: ItemDoc = {
        _id: stableId('item', DEMO_COMMUNITY._id, category.name, item.title),
        communityId: DEMO_COMMUNITY._id,
        categoryId: categoryDoc._id,
        categoryName: category.name,
        categoryKind: category.kind,
        title: item.title,
        description: item.description,
        skills: item.skills,
        durationMinutes: item.durationMinutes,
        monthlyQuota: item.monthlyQuota ?? null,
        status: 'published',
        history: [{ at: now, by: staffId, from: null, to: 'published', note: '演示数据' }],
        createdBy: staffId,
        createdAt: now + index * 10 + position,
        updatedAt: now,
      };
      await insertOnce(store, 'service_items', itemDoc);
    }
  }
};
