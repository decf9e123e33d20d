import type { CollectionSpec } from './store/port';

/**
 * Every collection and its indexes. The SQLite adapter creates them; README lists them for the
 * CloudBase console.
 */
export const COLLECTIONS: CollectionSpec[] = [
  { name: 'communities', indexes: [] },
  {
    name: 'users',
    indexes: [
      { name: 'users_openid', fields: [['openid', 'asc']], unique: true },
      { name: 'users_community_role', fields: [['communityId', 'asc'], ['role', 'asc']] },
      { name: 'users_community_member', fields: [['communityId', 'asc'], ['memberStatus', 'asc']] },
    ],
  },
  { name: 'service_categories', indexes: [{ name: 'categories_community', fields: [['communityId', 'asc'], ['sort', 'asc']] }] },
  {
    name: 'service_items',
    indexes: [
      { name: 'items_community_status', fields: [['communityId', 'asc'], ['status', 'asc']] },
      { name: 'items_community_category', fields: [['communityId', 'asc'], ['categoryId', 'asc']] },
    ],
  },
];
