export default definePageConfig({
  navigationBarTitleText: '注册社区居民',
});
