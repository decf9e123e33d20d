export default definePageConfig({
  navigationBarTitleText: '添加每周活动',
});
