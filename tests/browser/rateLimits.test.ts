/**
 * A RATE_LIMITED answer in the app, through the real handlers: 周强 has posted 5 wishes today (the
 * resident limit, set up directly); the 6th, from the wish form, is refused with the function's
 * Chinese message and the time to wait, and it stays on the page above the button.
 */
import type { Browser, Page } from 'playwright-core';
import { button, launchChromium, loginAs, phonePage, screenshot } from './browser';
import { callAs } from './gatewayApi';
import { addDays, dateOf } from '../../cloudfunctions/_core/time';
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

const inAMonth = addDays(dateOf(Date.now()), 30);

test('the 6th wish of the day is refused with 太频繁 and the wait, on the page', async () => {
  for (let i = 1; i <= 5; i += 1) {
    await callAs(server, '周强', 'wishes', 'postWish', { beneficiaryType: 'elderly', kind: 'material', title: `想要一本字帖${i}`, content: '老人想练字。', value: 20, deadline: inAMonth });
  }

  await loginAs(page, server.url, '周强');
  await page.goto(`${server.url}/#/packages/resident-wishes/pages/post/index`);
  const field = (label: string) => page.locator('.form-field', { hasText: label }).filter({ visible: true }).first();
  await field('心愿为谁').getByText('老人', { exact: true }).click();
  await field('心愿类型').getByText('物质', { exact: true }).click();
  await page.locator('input[placeholder="如：想要一台收音机"]').filter({ visible: true }).fill('想要一副象棋');
  await page.locator('textarea[placeholder="说说心愿的具体情况，方便志愿者准备（300字以内）"]').filter({ visible: true }).fill('楼下老人想下象棋。');
  await page.locator('input[placeholder="0～500"]').filter({ visible: true }).fill('30');
  await button(page, '提交心愿').click();

  const refusal = page.locator('.wish-refusal').filter({ visible: true }).first();
  await refusal.waitFor();
  // The wait is until midnight in Shanghai: hours and minutes, or minutes alone near midnight.
  expect(await refusal.textContent()).toMatch(/^发布心愿太频繁了：每天最多5次，请(\d+小时(\d+分钟)?|\d+分钟)后再试$/);
  expect(page.url()).toMatch(/resident-wishes\/pages\/post/);
  await screenshot(page, 'rate-limited-wish');
});
