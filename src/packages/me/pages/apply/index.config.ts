export default definePageConfig({
  navigationBarTitleText: '党员志愿者申请',
});
