export default definePageConfig({
  navigationBarTitleText: '全部订单',
  enablePullDownRefresh: true,
});
