export default definePageConfig({
  navigationBarTitleText: '先锋榜',
  enablePullDownRefresh: true,
});
