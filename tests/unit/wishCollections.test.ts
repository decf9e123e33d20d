import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../cloudfunctions/_adapters/sqlite/sqliteStore';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { cmd, type Store } from '../../cloudfunctions/_core/store/port';
import { WISH_COLLECTIONS } from '../../cloudfunctions/_core/wishes/wishCollections';

let dir: string;
let store: Store;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-wish-indexes-'));
  // As the registry will hold them: beside every other collection, sharing SQLite's one index namespace.
  const others = COLLECTIONS.filter((c) => !WISH_COLLECTIONS.some((w) => w.name === c.name));
  store = openSqliteStore(join(dir, 'wishes.sqlite'), [...others, ...WISH_COLLECTIONS]);
});
afterAll(async () => {
  await store.close?.();
  rmSync(dir, { recursive: true, force: true });
});

test('the wish collections are in the registry, and every index name in it is distinct', () => {
  for (const wish of WISH_COLLECTIONS) expect(COLLECTIONS).toContainEqual(wish);
  const names = COLLECTIONS.flatMap((c) => c.indexes.map((i) => i.name.toLowerCase()));
  expect(new Set(names).size).toBe(names.length);
});

test('every wish query and job filter runs against the declared indexes', async () => {
  await store.insert('wishes', {
    _id: 'w1',
    communityId: 'c1',
    residentId: 'u1',
    postedBy: 'u1',
    claimerId: 'm1',
    status: 'claimed',
    deadline: '2026-12-01',
    claimedAt: 1,
    createdAt: 1,
  });
  const filters = [
    { communityId: 'c1', status: 'claimed' },
    { communityId: 'c1', $or: [{ residentId: 'u1' }, { postedBy: 'u1' }] },
    { claimerId: 'm1', status: cmd.in(['claimed', 'fulfilled', 'confirmed']) },
    { status: 'open', deadline: cmd.lt('2026-12-02') },
    { status: 'claimed', claimedAt: cmd.lte(10), _id: cmd.gt('') },
  ];
  const hits = await Promise.all(filters.map((f) => store.count('wishes', f)));
  expect(hits).toEqual([1, 1, 1, 0, 1]);
});
