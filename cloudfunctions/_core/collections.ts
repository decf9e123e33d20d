import type { CollectionSpec } from './store/port';
import { WISH_COLLECTIONS } from './wishes/wishCollections';
import { ACTIVITY_COLLECTIONS } from './activities/activityCollections';
import { ADMIN_COLLECTIONS } from './admin/adminCollections';
import { HOURS_COLLECTIONS } from './hours/hoursLedger';
import { STATS_COLLECTIONS } from './stats/statsDocs';

/**
 * Every collection and its indexes. The SQLite adapter creates them; README lists them for the
 * CloudBase console.
 */
export const COLLECTIONS: CollectionSpec[] = [
  { name: 'communities', indexes: [] },
  {
    name: 'users',
    arrayFields: ['skills', 'searchKeys'],
    indexes: [
      { name: 'users_openid', fields: [['openid', 'asc']], unique: true },
      // 先锋榜: a community's members.
      { name: 'users_community_role', fields: [['communityId', 'asc'], ['role', 'asc'], ['createdAt', 'asc'], ['_id', 'asc']] },
      // The staff pickers and the member review: people in name order, searched by searchKeys.
      { name: 'users_community_name', fields: [['communityId', 'asc'], ['name', 'asc'], ['_id', 'asc']] },
      // The admin's list of every community's staff.
      { name: 'users_role_community', fields: [['role', 'asc'], ['communityId', 'asc'], ['createdAt', 'asc'], ['_id', 'asc']] },
      // Member applications waiting for review (the staff home badge and list).
      { name: 'users_community_member', fields: [['communityId', 'asc'], ['memberStatus', 'asc'], ['name', 'asc'], ['_id', 'asc']] },
    ],
  },
  { name: 'service_categories', indexes: [{ name: 'categories_community', fields: [['communityId', 'asc'], ['sort', 'asc'], ['_id', 'asc']] }] },
  {
    name: 'service_items',
    indexes: [
      { name: 'items_community_status', fields: [['communityId', 'asc'], ['status', 'asc'], ['createdAt', 'asc'], ['_id', 'asc']] },
      // 备菜: the staff list, most recently changed first.
      { name: 'items_community_updated', fields: [['communityId', 'asc'], ['updatedAt', 'desc'], ['_id', 'desc']] },
    ],
  },
  {
    name: 'messages',
    indexes: [
      { name: 'messages_user_at', fields: [['userId', 'asc'], ['at', 'desc'], ['_id', 'desc']] },
      { name: 'messages_user_read', fields: [['userId', 'asc'], ['read', 'asc']] },
    ],
  },
  {
    name: 'points_ledger',
    indexes: [
      { name: 'ledger_member_at', fields: [['memberId', 'asc'], ['at', 'desc'], ['_id', 'desc']] },
      // The reconciler: entries of the last days, every community.
      { name: 'ledger_at', fields: [['at', 'asc']] },
    ],
  },
  {
    name: 'points_totals',
    indexes: [
      // 先锋榜: a community's totals for one period, highest first.
      { name: 'totals_board', fields: [['communityId', 'asc'], ['period', 'asc'], ['key', 'asc'], ['points', 'desc'], ['_id', 'desc']] },
      // A member's year totals (stars, all-time points).
      { name: 'totals_member', fields: [['memberId', 'asc'], ['period', 'asc'], ['key', 'desc'], ['_id', 'desc']] },
      { name: 'totals_updated', fields: [['updatedAt', 'asc']] },
    ],
  },
  { name: 'leaderboards', indexes: [] },
  // Open orders per resident and monthly quotas per item, each held per order (store/holds.ts).
  {
    name: 'counters',
    indexes: [
      { name: 'counters_kind_count', fields: [['kind', 'asc'], ['count', 'asc']] },
      // 本月剩余名额 on the menu: a community's quota counters of one month.
      { name: 'counters_community_month', fields: [['communityId', 'asc'], ['kind', 'asc'], ['month', 'asc'], ['_id', 'asc']] },
    ],
  },
  // Counts that only grow, per scope and month: 累计圆梦, low ratings, unmet demand.
  { name: 'tallies', indexes: [{ name: 'tallies_scope', fields: [['name', 'asc'], ['scope', 'asc'], ['month', 'desc'], ['_id', 'desc']] }] },
  {
    name: 'orders',
    arrayFields: ['skillKeys', 'skills'],
    indexes: [
      // Lists page by key, newest first: each ends in _id, so ties never need a sort.
      { name: 'orders_resident_created', fields: [['residentId', 'asc'], ['createdAt', 'desc'], ['_id', 'desc']] },
      { name: 'orders_assignee_created', fields: [['assigneeId', 'asc'], ['createdAt', 'desc'], ['_id', 'desc']] },
      { name: 'orders_community_status', fields: [['communityId', 'asc'], ['status', 'asc'], ['createdAt', 'desc'], ['_id', 'desc']] },
      { name: 'orders_community_created', fields: [['communityId', 'asc'], ['createdAt', 'desc'], ['_id', 'desc']] },
      { name: 'orders_community_lowrated', fields: [['communityId', 'asc'], ['lowRatedAt', 'desc'], ['_id', 'desc']] },
      { name: 'orders_lowrated', fields: [['lowRatedAt', 'asc']] },
      { name: 'orders_status_submitted', fields: [['status', 'asc'], ['submittedAt', 'asc']] },
      { name: 'orders_status_completed', fields: [['status', 'asc'], ['completedAt', 'asc']] },
      // The monthly aggregates' reconciler: orders changed in the last days.
      { name: 'orders_updated', fields: [['updatedAt', 'asc']] },
    ],
  },
  ...WISH_COLLECTIONS,
  ...ACTIVITY_COLLECTIONS,
  ...ADMIN_COLLECTIONS,
  ...HOURS_COLLECTIONS,
  ...STATS_COLLECTIONS,
];
