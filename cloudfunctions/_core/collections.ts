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
      // The staff pickers: people by a word of their name, phone or building, in name order.
      { name: 'users_community_search', fields: [['communityId', 'asc'], ['searchKeys', 'asc'], ['name', 'asc']] },
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
  {
    name: 'messages',
    indexes: [
      { name: 'messages_user_at', fields: [['userId', 'asc'], ['at', 'desc']] },
      { name: 'messages_user_read', fields: [['userId', 'asc'], ['read', 'asc']] },
    ],
  },
  {
    name: 'points_ledger',
    indexes: [
      { name: 'ledger_member_at', fields: [['memberId', 'asc'], ['at', 'desc']] },
      // The reconciler: entries of the last days, every community.
      { name: 'ledger_at', fields: [['at', 'asc']] },
    ],
  },
  {
    name: 'points_totals',
    indexes: [
      // 先锋榜: a community's totals for one period, highest first.
      { name: 'totals_board', fields: [['communityId', 'asc'], ['period', 'asc'], ['key', 'asc'], ['points', 'desc']] },
      // A member's year totals (stars, all-time points).
      { name: 'totals_member', fields: [['memberId', 'asc'], ['period', 'asc'], ['key', 'desc']] },
      { name: 'totals_updated', fields: [['updatedAt', 'asc']] },
    ],
  },
  { name: 'leaderboards', indexes: [] },
  // Open orders per resident and monthly quotas per item, each held per order (store/holds.ts).
  { name: 'counters', indexes: [{ name: 'counters_kind_count', fields: [['kind', 'asc'], ['count', 'asc']] }] },
  // Counts that only grow, per scope and month: 累计圆梦, low ratings, unmet demand.
  { name: 'tallies', indexes: [{ name: 'tallies_scope', fields: [['name', 'asc'], ['scope', 'asc'], ['month', 'desc']] }] },
  {
    name: 'orders',
    indexes: [
      { name: 'orders_resident_created', fields: [['residentId', 'asc'], ['createdAt', 'desc']] },
      { name: 'orders_assignee_created', fields: [['assigneeId', 'asc'], ['createdAt', 'desc']] },
      { name: 'orders_community_status', fields: [['communityId', 'asc'], ['status', 'asc'], ['createdAt', 'desc']] },
      { name: 'orders_community_created', fields: [['communityId', 'asc'], ['createdAt', 'desc']] },
      { name: 'orders_community_lowrated', fields: [['communityId', 'asc'], ['lowRatedAt', 'desc']] },
      { name: 'orders_lowrated', fields: [['lowRatedAt', 'asc']] },
      { name: 'orders_status_submitted', fields: [['status', 'asc'], ['submittedAt', 'asc']] },
      { name: 'orders_status_completed', fields: [['status', 'asc'], ['completedAt', 'asc']] },
      { name: 'orders_community_month', fields: [['communityId', 'asc'], ['month', 'asc'], ['createdAt', 'asc']] },
    ],
  },
  ...WISH_COLLECTIONS,
  ...ACTIVITY_COLLECTIONS,
];
