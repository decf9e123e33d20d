import type { Browser, Page } from 'playwright-core';
import { button, cell, visibleText, launchChromium, loginAs, phonePage, screenshot } from './browser';
import { startLocalServer, type LocalServer } from './server';
import { callAs, demoUsers } from './gatewayApi';

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

describe('备菜 in the browser, against the local server', () => {
  test('a visitor without a session lands on the demo login, which lists the demo community', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL(/pages\/login\/index/);
    await visibleText(page, '李红梅').waitFor();
    await screenshot(page, 'foundation-1-login');
    const names = await page.locator('.nut-cell').allTextContents();
    expect(names.join('')).toContain('赵秀兰');
  });

  test('staff create and publish a service; a resident then finds it on the menu', async () => {
    await loginAs(page, server.url, '李红梅');
    await visibleText(page, '服务管理').click();
    await button(page, '新建服务').click();
    await visibleText(page, '家电维修', true).click();
    await page.locator('input[placeholder="如：小家电维修"]').fill('空调清洗');
    await page.locator('textarea[placeholder="服务内容、注意事项"]').fill('挂机空调滤网清洗与除菌');
    await page.locator('input[placeholder="10～600"]').fill('90');
    await screenshot(page, 'foundation-2-item-editor');
    await button(page, '保存').click();
    await button(page, '上架').click();
    await visibleText(page, '已上架').waitFor();
    await screenshot(page, 'foundation-3-item-published');

    await loginAs(page, server.url, '孙丽');
    await page.goto(`${server.url}/#/pages/menu/index`);
    await visibleText(page, '空调清洗').waitFor();
    await screenshot(page, 'foundation-4-menu');
    await cell(page, '空调清洗').click();
    await visibleText(page, '挂机空调滤网清洗与除菌').waitFor();
    await screenshot(page, 'foundation-5-item');
  });

  test('in 长辈模式 a tab page draws only its large tab bar, even when the hide request reached no tab bar', async () => {
    await loginAs(page, server.url, '孙丽');
    await page.evaluate(() => window.localStorage.setItem('linli.elderlyMode', JSON.stringify({ data: true })));
    await page.goto(`${server.url}/#/pages/index/index`);
    await page.reload();
    await page.locator('.elder-tabbar').filter({ visible: true }).waitFor();
    // A fresh load can ask Taro to hide its tab bar before the tab bar listens: as if it never heard.
    await page.evaluate(() => document.querySelectorAll('.taro-tabbar__tabbar').forEach((el) => el.classList.remove('taro-tabbar__tabbar-hide')));
    const smallLabels = await page.locator('.weui-tabbar__label').filter({ visible: true }).count();
    await screenshot(page, 'foundation-6-elderly-tabbar');
    expect(smallLabels).toBe(0);
    await page.evaluate(() => window.localStorage.setItem('linli.elderlyMode', JSON.stringify({ data: false })));
  });

  test('a restart keeps every change and does not seed twice', async () => {
    expect(server.output()).toContain('已写入演示数据');
    await server.stop({ keepData: true });
    server = await startLocalServer({}, server.dataDir);
    expect(server.output()).not.toContain('已写入演示数据');

    const users = await demoUsers(server);
    expect(users.filter((u) => u.name === '孙丽')).toHaveLength(1);
    const titles = JSON.stringify(await callAs(server, '孙丽', 'orders', 'listMenu', {}));
    expect(titles).toContain('空调清洗');
  });
});
