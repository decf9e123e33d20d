/** Every page's URL in one place, so a moved page breaks the build rather than a tap. */
export const ROUTES = {
  home: '/pages/index/index',
  menu: '/pages/menu/index',
  menuItem: (itemId: string) => `/packages/resident-orders/pages/item/index?id=${encodeURIComponent(itemId)}`,
  register: '/packages/me/pages/register/index',
  mine: '/pages/mine/index',
  memberApply: '/packages/me/pages/apply/index',
  profileEdit: '/packages/me/pages/profile/index',
  /** h5 (local mode) only. */
  login: '/pages/login/index',
  staffItems: '/packages/staff/pages/items/index',
  staffItemEditor: (itemId?: string) =>
    itemId ? `/packages/staff/pages/item-edit/index?id=${encodeURIComponent(itemId)}` : '/packages/staff/pages/item-edit/index',
  staffMembers: '/packages/staff/pages/members/index',
  staffElderly: '/packages/staff/pages/members/index?tab=elderly',
  /** h5 (local mode) only: the subscribe messages the local outbox recorded. */
  staffOutbox: '/packages/staff/pages/outbox/index',
  memberCard: '/packages/member/pages/card/index',
  certificate: '/packages/member/pages/certificate/index',
  // orders: 点菜 → 派单/接单 → 送菜 → 评菜, points and messages
  orderForm: (itemId: string) => `/packages/resident-orders/pages/form/index?itemId=${encodeURIComponent(itemId)}`,
  myOrders: '/packages/resident-orders/pages/list/index',
  orderDetail: (orderId: string) => `/packages/resident-orders/pages/detail/index?id=${encodeURIComponent(orderId)}`,
  leaderboard: '/packages/me/pages/leaderboard/index',
  messages: '/packages/me/pages/messages/index',
  taskHall: '/packages/orders-member/pages/hall/index',
  myTasks: '/packages/orders-member/pages/tasks/index',
  taskDetail: (orderId: string) => `/packages/orders-member/pages/task/index?id=${encodeURIComponent(orderId)}`,
  myPoints: '/packages/orders-member/pages/points/index',
  dispatchBoard: '/packages/orders-staff/pages/dispatch/index',
  staffOrder: (orderId: string) => `/packages/orders-staff/pages/order/index?id=${encodeURIComponent(orderId)}`,
  proxyOrder: '/packages/orders-staff/pages/proxy/index',
  staffPoints: '/packages/orders-staff/pages/points/index',
  allOrders: '/packages/orders-staff/pages/orders/index',
  // the street admin: communities, staff, dashboard
  adminHome: '/packages/admin/pages/communities/index',
  adminStaff: (communityId: string, name: string) =>
    `/packages/admin/pages/staff/index?communityId=${encodeURIComponent(communityId)}&name=${encodeURIComponent(name)}`,
  adminDashboard: '/packages/admin/pages/dashboard/index',
  /** A resident or member given a staff invitation enters it here (only the code). */
  redeemInvite: '/packages/me/pages/register/index?mode=invite&registered=1',
  // reports: 月度复盘
  monthlyReview: '/packages/reports-staff/pages/review/index',
  // wishes: 微心愿 wall, detail, form, claims, review and 代发
  wishWall: '/pages/wishes/index',
  wishDetail: (wishId: string) => `/packages/resident-wishes/pages/detail/index?id=${encodeURIComponent(wishId)}`,
  wishPost: '/packages/resident-wishes/pages/post/index',
  myWishes: '/packages/resident-wishes/pages/mine/index',
  memberClaims: '/packages/wishes-member/pages/claims/index',
  staffWishReview: '/packages/wishes-staff/pages/review/index',
  staffWishProxy: '/packages/wishes-staff/pages/proxy/index',
  // activities: 党群服务菜单, sign-ups and check-in
  activities: '/pages/activities/index',
  activityDetail: (activityId: string) => `/packages/resident-activities/pages/detail/index?id=${encodeURIComponent(activityId)}`,
  /** With `forResident`, staff sign that resident up (代报名). */
  activitySignUp: (activityId: string, forResident?: { id: string; name: string }) =>
    `/packages/resident-activities/pages/signup/index?id=${encodeURIComponent(activityId)}${
      forResident ? `&for=${encodeURIComponent(forResident.id)}&forName=${encodeURIComponent(forResident.name)}` : ''
    }`,
  mySignups: '/packages/resident-activities/pages/mine/index',
  staffActivityMenus: '/packages/activities-staff/pages/menus/index',
  staffActivityMenu: (month: string) => `/packages/activities-staff/pages/menu/index?month=${encodeURIComponent(month)}`,
  staffActivityEditor: (month: string, activityId?: string) =>
    `/packages/activities-staff/pages/activity-edit/index?month=${encodeURIComponent(month)}${activityId ? `&id=${encodeURIComponent(activityId)}` : ''}`,
  staffActivitySeries: (month: string) => `/packages/activities-staff/pages/series/index?month=${encodeURIComponent(month)}`,
  staffActivityAttendees: (activityId: string) => `/packages/activities-staff/pages/attendees/index?id=${encodeURIComponent(activityId)}`,
  staffActivityBlocks: '/packages/activities-staff/pages/blocks/index',
  /** 代报名: pick the resident, then the sign-up form on their behalf. */
  staffActivityProxy: (activityId: string) => `/packages/activities-staff/pages/proxy/index?id=${encodeURIComponent(activityId)}`,
} as const;
