import type { CollectionSpec } from '../store/port';

/** The activities domain's collections and the indexes its queries use. */
export const ACTIVITY_COLLECTIONS: CollectionSpec[] = [
  // listMenus: a community's menus by month. Menus are otherwise read by their derived id.
  { name: 'activity_menus', indexes: [{ name: 'act_menus_community_month', fields: [['communityId', 'asc'], ['month', 'desc'], ['_id', 'desc']] }] },
  {
    name: 'activities',
    indexes: [
      // monthMenu / publishMenu: a menu's activities in time order.
      { name: 'act_activities_menu_start', fields: [['menuId', 'asc'], ['startAt', 'asc'], ['_id', 'asc']] },
      // markNoShows / payVolunteers: finished activities not yet visited.
      { name: 'act_activities_noshow_end', fields: [['noShowsMarked', 'asc'], ['endAt', 'asc']] },
      { name: 'act_activities_paid_end', fields: [['volunteersPaid', 'asc'], ['endAt', 'asc']] },
      // The reconciler: published activities not yet started.
      { name: 'act_activities_published_start', fields: [['published', 'asc'], ['startAt', 'asc']] },
    ],
  },
  {
    name: 'activity_signups',
    indexes: [
      // The waitlist in arrival order; an activity's sign-ups by status.
      { name: 'act_signups_activity_status_seq', fields: [['activityId', 'asc'], ['status', 'asc'], ['waitlistSeq', 'asc'], ['_id', 'asc']] },
      // mySignups.
      { name: 'act_signups_user_start', fields: [['userId', 'asc'], ['startAt', 'desc'], ['_id', 'desc']] },
      // listSignups: an activity's sign-ups, a page at a time.
      { name: 'act_signups_activity', fields: [['activityId', 'asc'], ['_id', 'asc']] },
      // checkIn by the scanned code; every sign-up has one from creation, so the index can be unique.
      { name: 'act_signups_code', fields: [['checkinCode', 'asc']], unique: true },
      // remind: confirmed, not yet reminded, starting within 24 h.
      { name: 'act_signups_remind', fields: [['status', 'asc'], ['reminded', 'asc'], ['startAt', 'asc']] },
      // applyBlocks: recent no-shows.
      { name: 'act_signups_noshow', fields: [['status', 'asc'], ['noShowAt', 'asc']] },
      // The reconciler: ratings of the last days.
      { name: 'act_signups_rated', fields: [['status', 'asc'], ['rating.at', 'asc']] },
    ],
  },
  // listBlocks: blocks in force in a community.
  { name: 'activity_blocks', indexes: [{ name: 'act_blocks_community_until', fields: [['communityId', 'asc'], ['until', 'asc'], ['_id', 'asc']] }] },
  // publishMenu: the community's subscribers.
  { name: 'activity_subscriptions', indexes: [{ name: 'act_subs_community', fields: [['communityId', 'asc'], ['subscribed', 'asc']] }] },
];
