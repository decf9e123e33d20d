export default definePageConfig({
  navigationBarTitleText: '我的认领',
  enablePullDownRefresh: true,
});
