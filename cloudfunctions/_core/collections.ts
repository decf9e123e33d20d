import type { CollectionSpec } from './store/port';
import { WISH_COLLECTIONS } from './wishes/wishCollections';
import { ACTIVITY_COLLECTIONS } from './activities/activityCollections';

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
  { name: 'messages', indexes: [{ name: 'messages_user_at', fields: [['userId', 'asc'], ['at', 'desc']] }] },
  {
    name: 'points_ledger',
    indexes: [
      { name: 'ledger_member_at', fields: [['memberId', 'asc'], ['at', 'desc']] },
      { name: 'ledger_community_at', fields: [['communityId', 'asc'], ['at', 'asc']] },
    ],
  },
  { name: 'leaderboards', indexes: [] },
  { name: 'counters', indexes: [] },
  {
    name: 'orders',
    indexes: [
      { name: 'orders_resident_created', fields: [['residentId', 'asc'], ['createdAt', 'desc']] },
      { name: 'orders_assignee_status', fields: [['assigneeId', 'asc'], ['status', 'asc']] },
      { name: 'orders_community_status', fields: [['communityId', 'asc'], ['status', 'asc'], ['createdAt', 'desc']] },
      { name: 'orders_status_submitted', fields: [['status', 'asc'], ['submittedAt', 'asc']] },
      { name: 'orders_status_completed', fields: [['status', 'asc'], ['completedAt', 'asc']] },
      { name: 'orders_community_month', fields: [['communityId', 'asc'], ['month', 'asc'], ['createdAt', 'asc']] },
    ],
  },
  ...WISH_COLLECTIONS,
  ...ACTIVITY_COLLECTIONS,
];
