export default definePageConfig({
  navigationBarTitleText: '代居民报名',
});
