import type { Browser, Page } from 'playwright-core';
import { button, launchChromium, loginAs, phonePage, screenshot, visibleText } from './browser';
import { startLocalServer, type LocalServer } from './server';
import { sheetsOf } from '../support/xlsx';

let server: LocalServer;
let browser: Browser;
let page: Page;

/** Calls a function as a demo user through the gateway, as the page would. */
const callAs = async (name: string, fn: string, action: string, data: unknown, requestId?: string) => {
  const users = (await (await fetch(`${server.url}/api/dev/users`)).json()) as Array<{ id: string; name: string }>;
  const login = await fetch(`${server.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ userId: users.find((u) => u.name === name)!.id }) });
  const { token } = (await login.json()) as { token: string };
  const answer = await fetch(`${server.url}/api/${fn}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ action, data, requestId }),
  });
  return (await answer.json()) as { ok: boolean; data: Record<string, unknown> };
};

beforeAll(async () => {
  server = await startLocalServer();
  browser = await launchChromium();
  page = await phonePage(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('staff open this month’s 月度复盘 and export it as an Excel workbook', async () => {
  const menu = await callAs('孙丽', 'orders', 'listMenu', {});
  const sections = menu.data.sections as Array<{ items: Array<{ _id: string; title: string }> }>;
  const item = sections.flatMap((s) => s.items).find((i) => i.title === '小家电维修')!;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const order = await callAs('孙丽', 'orders', 'createOrder', { itemId: item._id, date: today, slot: 'evening', address: '2号楼2单元402', phone: '13800000022' }, 'browser-review-1');
  expect(order.ok).toBe(true);

  await loginAs(page, server.url, '李红梅');
  await visibleText(page, '月度复盘').click();
  await visibleText(page, '家电维修').waitFor();
  await page.waitForTimeout(1500); // let the page slide-in finish, for the picture only
  await screenshot(page, 'reports-1-monthly-review');
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, '导出 Excel').click()]);
  expect(download.suggestedFilename()).toMatch(/^月度复盘-\d{4}-\d{2}\.xlsx$/);
  const path = await download.path();
  const bytes = require('node:fs').readFileSync(path) as Buffer;
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  // One sheet per section of the review, readable as a workbook.
  const sheets = sheetsOf(bytes);
  expect(Object.keys(sheets)).toEqual(['概览', '服务订单', '服务分类', '低分回访', '微心愿', '党群活动', '党员', '近12月趋势']);
  expect(sheets['服务分类'].map((row) => row[0])).toContain('家电维修');
});
