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
    // wishes: main-package pages
    // activities: main-package pages
  ],
  subPackages: [
    { root: 'packages/staff', pages: ['pages/items/index', 'pages/item-edit/index', 'pages/members/index'] },
    { root: 'packages/member', pages: ['pages/card/index'] },
    // orders: subpackages
    // wishes: subpackages
    // activities: subpackages
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
      // tab: activities
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
});
