import type { Browser, Page } from 'playwright-core';
import { button, launchChromium, loginAs, phonePage, screenshot, visibleText } from './browser';
import { startLocalServer, type LocalServer } from './server';
import { callAs } from './gatewayApi';
import { sheetsOf } from '../support/xlsx';

let server: LocalServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // The demo's year of history: a past month to review, with twelve months of trend behind it.
  server = await startLocalServer({ DEMO_HISTORY: '1' });
  browser = await launchChromium();
  page = await phonePage(browser);
});
/** The Shanghai month `delta` months from now: 2026-09. */
const monthFromNow = (delta: number) => {
  const now = new Date(Date.now() + 8 * 3600_000);
  const index = now.getUTCFullYear() * 12 + now.getUTCMonth() + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('staff open this month’s 月度复盘 and export it as an Excel workbook', async () => {
  const menu = await callAs(server, '孙丽', 'orders', 'listMenu', {});
  const sections = menu.sections as Array<{ items: Array<{ _id: string; title: string }> }>;
  const item = sections.flatMap((s) => s.items).find((i) => i.title === '小家电维修')!;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const order = await callAs(server, '孙丽', 'orders', 'createOrder', { itemId: item._id, date: today, slot: 'evening', address: '2号楼2单元402', phone: '13800000022' }, 'browser-review-1');
  expect(order.status).toBe('submitted');

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

test('staff walk a past month’s 月度复盘 with its charts, and the workbook says the same', async () => {
  const past = monthFromNow(-2);
  const [year, month] = past.split('-').map(Number);
  await loginAs(page, server.url, '李红梅');
  await visibleText(page, '月度复盘').click();
  await visibleText(page, '订单数').waitFor();
  // Two months back with the month switcher.
  await page.locator('#month-prev').filter({ visible: true }).click();
  await page.locator('#month-prev').filter({ visible: true }).click();
  await visibleText(page, `${year}年${month}月`, true).waitFor();
  await visibleText(page, '订单数').waitFor();

  // Twelve columns ending with the month under review, highlighted, scaled to the busiest month.
  const columns = page.locator('#chart-orders .chart-col').filter({ visible: true });
  await columns.first().waitFor();
  expect(await columns.count()).toBe(12);
  const labels = await columns.locator('.chart-col__label').allTextContents();
  expect(labels[11]).toBe(`${month}月`);
  expect(await columns.nth(11).getAttribute('class')).toContain('chart-col--now');
  const orderCounts = (await columns.locator('.chart-col__value').allTextContents()).map(Number);
  const heights = await columns.locator('.chart-col__bar').evaluateAll((bars) => bars.map((b) => b.getBoundingClientRect().height));
  const busiest = orderCounts.indexOf(Math.max(...orderCounts));
  expect(Math.max(...orderCounts)).toBeGreaterThan(0);
  expect(heights[busiest]).toBe(Math.max(...heights));
  expect(heights[busiest]).toBeGreaterThan(40);
  // A month with half the orders draws a column about half as high.
  for (let i = 0; i < 12; i += 1) expect(Math.abs(heights[i] / heights[busiest] - orderCounts[i] / orderCounts[busiest])).toBeLessThan(0.06);

  // Per-category bars, and the other sections with numbers from the history.
  const categories = page.locator('#chart-categories .chart-stack').filter({ visible: true });
  expect(await categories.count()).toBeGreaterThan(1);
  const widths = await categories.locator('.chart-stack__part--completed').evaluateAll((parts) => parts.map((p) => p.getBoundingClientRect().width));
  expect(Math.max(...widths)).toBeGreaterThan(50);
  await page.locator('#chart-wish-steps').filter({ visible: true }).scrollIntoViewIfNeeded();
  await screenshot(page, 'reports-2-past-month-wishes');
  expect(await page.locator('#chart-wish-steps .chart-bar').filter({ visible: true }).count()).toBe(4);
  expect(await page.locator('#chart-activity-categories .chart-bar').filter({ visible: true }).count()).toBeGreaterThan(0);
  await page.locator('#chart-stars').filter({ visible: true }).scrollIntoViewIfNeeded();
  await screenshot(page, 'reports-3-past-month-members');
  expect(await page.locator('.review-top-ten .review-top').filter({ visible: true }).count()).toBeGreaterThan(0);
  // 服务之星 shows only members who completed orders (issue 13 bug 11).
  const stars = await page.locator('.review-service-stars .review-member').filter({ visible: true }).allTextContents();
  expect(stars.length).toBeGreaterThan(0);
  for (const star of stars) expect(star).not.toMatch(/完成 0 单/);

  const [download] = await Promise.all([page.waitForEvent('download'), button(page, '导出 Excel').click()]);
  expect(download.suggestedFilename()).toBe(`月度复盘-${past}.xlsx`);
  const sheets = sheetsOf(require('node:fs').readFileSync(await download.path()) as Buffer);
  expect(Object.keys(sheets)).toEqual(['概览', '服务订单', '服务分类', '低分回访', '微心愿', '党群活动', '党员', '近12月趋势']);
  expect(sheets['概览'].find((row) => row[0] === '月份')?.[1]).toBe(past);
  // The trend sheet: the same twelve months and order counts as the columns on the page.
  const trend = sheets['近12月趋势'].slice(1);
  expect(trend).toHaveLength(12);
  expect(trend[11][0]).toBe(past);
  expect(trend.map((row) => Number(row[1]))).toEqual(orderCounts);
  // The categories drawn are the categories in the sheet.
  const drawn = await categories.locator('.chart-stack__label').allTextContents();
  expect(sheets['服务分类'].slice(1).map((row) => row[0])).toEqual(drawn);
  expect(sheets['党员'].length).toBeGreaterThan(2);
});
