const isH5 = process.env.TARO_ENV === 'h5';

/** Resident pages live in the main package; member and staff pages load on demand. */
export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/menu/index',
    'pages/menu/item',
    'pages/register/index',
    'pages/mine/index',
    // The demo login exists only in local mode; WeChat identifies the user itself.
    ...(isH5 ? ['pages/login/index'] : []),
    // orders: main-package pages
    'pages/orders/form',
    'pages/orders/index',
    'pages/orders/detail',
    'pages/orders/leaderboard',
    'pages/orders/messages',
    // wishes: main-package pages
    'pages/wishes/index',
    'pages/wishes/detail',
    'pages/wishes/post',
    'pages/wishes/mine',
    // activities: main-package pages
    'pages/activities/index',
    'pages/activities/detail',
    'pages/activities/signup',
    'pages/activities/mine',
  ],
  subPackages: [
    { root: 'packages/staff', pages: ['pages/items/index', 'pages/item-edit/index', 'pages/members/index'] },
    { root: 'packages/member', pages: ['pages/card/index'] },
    // orders: subpackages
    { root: 'packages/orders-member', pages: ['pages/hall/index', 'pages/tasks/index', 'pages/task/index', 'pages/points/index'] },
    { root: 'packages/orders-staff', pages: ['pages/dispatch/index', 'pages/order/index', 'pages/proxy/index', 'pages/orders/index', 'pages/points/index'] },
    { root: 'packages/reports-staff', pages: ['pages/review/index'] },
    // wishes: subpackages
    { root: 'packages/wishes-member', pages: ['pages/claims/index'] },
    { root: 'packages/wishes-staff', pages: ['pages/review/index', 'pages/proxy/index'] },
    // activities: subpackages
    {
      root: 'packages/activities-staff',
      pages: ['pages/menus/index', 'pages/menu/index', 'pages/activity-edit/index', 'pages/series/index', 'pages/attendees/index', 'pages/blocks/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f5f5',
    navigationBarBackgroundColor: '#C8161D',
    navigationBarTitleText: '邻里服务',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#C8161D',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/menu/index', text: '服务' },
      // tab: wishes
      { pagePath: 'pages/wishes/index', text: '心愿' },
      // tab: activities
      { pagePath: 'pages/activities/index', text: '活动' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
});
