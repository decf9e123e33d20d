export default definePageConfig({
  navigationBarTitleText: '服务菜单',
  enablePullDownRefresh: true,
});
