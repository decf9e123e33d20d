export default definePageConfig({
  navigationBarTitleText: '活动菜单管理',
  enablePullDownRefresh: true,
});
