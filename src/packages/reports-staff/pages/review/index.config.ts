export default definePageConfig({
  navigationBarTitleText: '月度复盘',
  enablePullDownRefresh: true,
});
