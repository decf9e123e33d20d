export default definePageConfig({
  navigationBarTitleText: '党员审核',
  enablePullDownRefresh: true,
});
