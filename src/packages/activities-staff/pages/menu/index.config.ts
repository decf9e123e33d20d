export default definePageConfig({
  navigationBarTitleText: '编辑活动菜单',
  enablePullDownRefresh: true,
});
