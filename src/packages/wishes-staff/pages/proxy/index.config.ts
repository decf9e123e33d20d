export default definePageConfig({
  navigationBarTitleText: '代发心愿',
});
