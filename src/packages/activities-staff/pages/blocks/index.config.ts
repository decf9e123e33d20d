export default definePageConfig({
  navigationBarTitleText: '报名限制名单',
  enablePullDownRefresh: true,
});
