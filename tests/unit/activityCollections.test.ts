import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../cloudfunctions/_adapters/sqlite/sqliteStore';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { ACTIVITY_COLLECTIONS } from '../../cloudfunctions/_core/activities/activityCollections';
import { cmd, type Store } from '../../cloudfunctions/_core/store/port';

let dir: string;
let store: Store;
// As the registry holds them: beside every other collection, sharing SQLite's one index namespace.
const registry = [...COLLECTIONS.filter((c) => !ACTIVITY_COLLECTIONS.some((a) => a.name === c.name)), ...ACTIVITY_COLLECTIONS];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-activity-indexes-'));
  store = openSqliteStore(join(dir, 'activities.sqlite'), registry);
});
afterAll(async () => {
  await store.close?.();
  rmSync(dir, { recursive: true, force: true });
});

test('every index name is distinct beside the other domains’ indexes', () => {
  const names = registry.flatMap((c) => c.indexes.map((i) => i.name.toLowerCase()));
  expect(new Set(names).size).toBe(names.length);
  expect(ACTIVITY_COLLECTIONS.flatMap((c) => c.indexes).every((i) => i.name.startsWith('act_'))).toBe(true);
});

test('the check-in code is unique across sign-ups', async () => {
  await store.insert('activity_signups', { _id: 's1', checkinCode: 'ABCDEFGHJK' });
  await expect(store.insert('activity_signups', { _id: 's2', checkinCode: 'ABCDEFGHJK' })).rejects.toMatchObject({ kind: 'DUPLICATE_KEY' });
});

test('every activity query and job filter runs against the declared collections', async () => {
  await store.insert('activities', { _id: 'a1', menuId: 'm1', startAt: 10, endAt: 20, noShowsMarked: false, volunteersPaid: false });
  await store.insert('activity_signups', {
    _id: 's3',
    activityId: 'a1',
    userId: 'u1',
    status: 'no_show',
    waitlistSeq: null,
    checkinCode: 'QWERTYUPAS',
    startAt: 10,
    reminded: false,
    noShowAt: 20,
  });
  await store.insert('activity_blocks', { _id: 'b1', communityId: 'c1', until: 50 });
  await store.insert('activity_subscriptions', { _id: 'sub1', communityId: 'c1', subscribed: true });
  const counts = await Promise.all([
    store.count('activities', { menuId: 'm1' }),
    store.count('activities', { noShowsMarked: false, endAt: cmd.lte(20) }),
    store.count('activities', { volunteersPaid: false, endAt: cmd.lte(20) }),
    store.count('activity_signups', { activityId: 'a1', status: 'no_show' }),
    store.count('activity_signups', { userId: 'u1' }),
    store.count('activity_signups', { checkinCode: 'QWERTYUPAS' }),
    store.count('activity_signups', { status: 'confirmed', reminded: false, startAt: cmd.gt(0), $and: [{ startAt: cmd.lte(100) }] }),
    store.count('activity_signups', { status: 'no_show', noShowAt: cmd.gt(0) }),
    store.count('activity_blocks', { communityId: 'c1', until: cmd.gt(10) }),
    store.count('activity_subscriptions', { communityId: 'c1', subscribed: true }),
  ]);
  expect(counts).toEqual([1, 1, 1, 1, 1, 1, 0, 1, 1, 1]);
});
