export default definePageConfig({
  navigationBarTitleText: '党群服务菜单',
  enablePullDownRefresh: true,
});
