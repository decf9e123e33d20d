import type { Browser, Page } from 'playwright-core';
import { button, launchChromium, loginAs, phonePage, screenshot, visibleText } from './browser';
import { startLocalServer, type LocalServer } from './server';

let server: LocalServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startLocalServer();
  browser = await launchChromium();
  page = await phonePage(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('staff adjust a member’s points with a reason; the member sees it in 我的积分', async () => {
  await loginAs(page, server.url, '李红梅');
  await visibleText(page, '党员积分').click();
  await visibleText(page, '张建国').click();
  await visibleText(page, '张建国 的积分').waitFor();
  await page.locator('input[placeholder="如：5 或 -5"]').filter({ visible: true }).fill('12');
  await page.locator('input[placeholder="如：组织楼道清理活动"]').filter({ visible: true }).fill('组织楼道清理活动');
  await button(page, '调整积分').click();
  await visibleText(page, '为张建国加 12 分，原因：组织楼道清理活动。积分记录不可撤销。').waitFor();
  await button(page, '确认调整').click();
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear(); // the server's clock, in Shanghai
  await visibleText(page, `累计 12 分 · ${year}年 12 分 · ★`).waitFor();
  await screenshot(page, 'points-1-staff-adjust');

  await loginAs(page, server.url, '张建国');
  await page.goto(`${server.url}/#/packages/orders-member/pages/points/index`);
  await visibleText(page, '社区调整').waitFor();
  expect(await visibleText(page, '组织楼道清理活动').isVisible()).toBe(true);
});
