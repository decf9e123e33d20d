const isH5 = process.env.TARO_ENV === 'h5';

/** Resident pages live in the main package; member and staff pages load on demand. */
export default defineAppConfig({
  // The main package holds the tab pages only (WeChat loads it before anything shows; we keep it
  // under 500 KB, see tests/weapp/packageSize.test.ts). Everything else loads on demand.
  pages: [
    'pages/index/index',
    'pages/menu/index',
    'pages/wishes/index',
    'pages/activities/index',
    'pages/mine/index',
    // The demo login exists only in local mode; WeChat identifies the user itself.
    ...(isH5 ? ['pages/login/index'] : []),
  ],
  subPackages: [
    // residents (and everyone): what the tab pages lead to
    { root: 'packages/resident-orders', pages: ['pages/item/index', 'pages/form/index', 'pages/list/index', 'pages/detail/index'] },
    { root: 'packages/resident-wishes', pages: ['pages/detail/index', 'pages/post/index', 'pages/mine/index'] },
    { root: 'packages/resident-activities', pages: ['pages/detail/index', 'pages/signup/index', 'pages/mine/index'] },
    { root: 'packages/me', pages: ['pages/register/index', 'pages/profile/index', 'pages/apply/index', 'pages/messages/index', 'pages/leaderboard/index'] },
    // members and staff
    // 消息发送记录 reads the local outbox: there is none in WeChat, so only the h5 build has the page.
    { root: 'packages/staff', pages: ['pages/items/index', 'pages/item-edit/index', 'pages/members/index', ...(isH5 ? ['pages/outbox/index'] : [])] },
    { root: 'packages/member', pages: ['pages/card/index', 'pages/certificate/index'] },
    { root: 'packages/orders-member', pages: ['pages/hall/index', 'pages/tasks/index', 'pages/task/index', 'pages/points/index'] },
    { root: 'packages/orders-staff', pages: ['pages/dispatch/index', 'pages/order/index', 'pages/proxy/index', 'pages/orders/index', 'pages/points/index'] },
    { root: 'packages/reports-staff', pages: ['pages/review/index'] },
    // the street admin (街道管理员): communities, their staff, the cross-community dashboard
    { root: 'packages/admin', pages: ['pages/communities/index', 'pages/staff/index', 'pages/dashboard/index'] },
    { root: 'packages/wishes-member', pages: ['pages/claims/index'] },
    { root: 'packages/wishes-staff', pages: ['pages/review/index', 'pages/proxy/index'] },
    {
      root: 'packages/activities-staff',
      pages: ['pages/menus/index', 'pages/menu/index', 'pages/activity-edit/index', 'pages/series/index', 'pages/attendees/index', 'pages/blocks/index', 'pages/proxy/index'],
    },
  ],
  // A tab's next pages download while the tab is open, so the first tap does not wait.
  preloadRule: {
    'pages/menu/index': { network: 'all', packages: ['packages/resident-orders'] },
    'pages/wishes/index': { network: 'all', packages: ['packages/resident-wishes'] },
    'pages/activities/index': { network: 'all', packages: ['packages/resident-activities'] },
    'pages/mine/index': { network: 'all', packages: ['packages/me'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f5f5',
    // White bar, dark title (docs/STYLE.md: brand red is for primary actions and accents).
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '邻里服务',
    navigationBarTextStyle: 'black',
    // In the h5 build this turns on Taro's own navigation bar: the page title and a back button.
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#C8161D',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    // Icons drawn from @nutui/icons-react-taro by scripts/make-tab-icons.mjs.
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/menu/index', text: '服务', iconPath: 'assets/tabbar/menu.png', selectedIconPath: 'assets/tabbar/menu-active.png' },
      { pagePath: 'pages/wishes/index', text: '心愿', iconPath: 'assets/tabbar/wishes.png', selectedIconPath: 'assets/tabbar/wishes-active.png' },
      { pagePath: 'pages/activities/index', text: '活动', iconPath: 'assets/tabbar/activities.png', selectedIconPath: 'assets/tabbar/activities-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tabbar/mine.png', selectedIconPath: 'assets/tabbar/mine-active.png' },
    ],
  },
});
