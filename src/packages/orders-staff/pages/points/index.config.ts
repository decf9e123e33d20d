export default definePageConfig({
  navigationBarTitleText: '党员积分与时长',
  enablePullDownRefresh: true,
});
