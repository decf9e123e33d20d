/**
 * 志愿服务时长 in the browser: staff correct a member's hours (reason, confirmation, append-only)
 * and export every member's hours as a workbook; the member sees the hours on the card and
 * produces the 志愿服务证明 as a picture, whose content the test reads.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { button, launchChromium, loginAs, phonePage, screenshot, visibleText } from './browser';
import { auditPage, formatProblems } from './audit';
import { startLocalServer, type LocalServer } from './server';
import { sheetsOf } from '../support/xlsx';

let server: LocalServer;
let browser: Browser;
let page: Page;

// The server's clock, in Shanghai.
const shanghai = () => new Date(Date.now() + 8 * 3600_000);
const year = shanghai().getUTCFullYear();
const month = shanghai().getUTCMonth() + 1;
const thisMonth = `${year}-${String(month).padStart(2, '0')}`;

beforeAll(async () => {
  // No demo history: the member's only hours are the ones this test records.
  server = await startLocalServer();
  browser = await launchChromium();
  page = await phonePage(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('staff record hours for a member with a reason and export everyone’s hours for the month', async () => {
  await loginAs(page, server.url, '李红梅');
  await visibleText(page, '党员积分').click();
  await visibleText(page, '张建国').click();
  await page.locator('#tab-hours').filter({ visible: true }).click();
  await visibleText(page, '张建国 的服务时长').waitFor();
  await visibleText(page, '还没有服务时长记录').waitFor();
  await page.locator('input[placeholder="如：2 或 -1.5"]').filter({ visible: true }).fill('2.5');
  await page.locator('input[placeholder="如：补记重阳节活动服务"]').filter({ visible: true }).fill('补记重阳节活动服务');
  await button(page, '调整时长').click();
  // Nothing is written before the confirmation.
  await visibleText(page, '为张建国补记 2.5 小时，原因：补记重阳节活动服务。时长记录不可撤销，如有错误只能再记一笔反向调整。').waitFor();
  await button(page, '确认调整').click();
  await visibleText(page, `本月 2.5 小时 · ${year}年 2.5 小时 · 累计 2.5 小时`).waitFor();
  expect(await visibleText(page, '+2.5小时').isVisible()).toBe(true);
  expect(await visibleText(page, '补记重阳节活动服务').isVisible()).toBe(true);
  await screenshot(page, 'hours-1-staff-adjust');

  // Hours not in half-hour steps are refused on the page, with the server's own message.
  await page.locator('input[placeholder="如：2 或 -1.5"]').filter({ visible: true }).fill('0.3');
  await page.locator('input[placeholder="如：补记重阳节活动服务"]').filter({ visible: true }).fill('试一下');
  await button(page, '调整时长').click();
  await visibleText(page, '时长须为0.5小时的整数倍').waitFor();

  await page.locator('.hours-export .chip').filter({ hasText: '本月', visible: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, '导出时长 Excel').click()]);
  expect(download.suggestedFilename()).toBe(`志愿服务时长-${thisMonth}.xlsx`);
  const sheets = sheetsOf(readFileSync(await download.path()) as Buffer);
  expect(Object.keys(sheets)).toEqual(['志愿服务时长', '服务明细']);
  expect(sheets['志愿服务时长'][0]).toEqual(['姓名', '党支部', '手机号', `${thisMonth}（小时）`, '合计（小时）']);
  const zhang = sheets['志愿服务时长'].find((row) => row[0] === '张建国')!;
  expect(zhang.slice(3)).toEqual([2.5, 2.5]);
  // Every member is listed, the ones without hours at 0.
  expect(sheets['志愿服务时长'].find((row) => row[0] === '刘芳')?.slice(3)).toEqual([0, 0]);
  expect(sheets['服务明细'].slice(1).map((row) => row.slice(1))).toEqual([['张建国', '社区核定调整', '补记重阳节活动服务', 2.5]]);
});

test('the member sees the hours on the card and produces the 志愿服务证明', async () => {
  await loginAs(page, server.url, '张建国');
  await page.goto(`${server.url}/#/packages/member/pages/card/index`);
  await visibleText(page, '志愿服务时长').waitFor();
  const cells = await page.locator('.member-card__hours .count-grid__cell').filter({ visible: true }).allInnerTexts();
  expect(cells.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([`2.5 ${month}月（小时）`, `2.5 ${year}年（小时）`]);
  await page.waitForTimeout(1500); // let the page slide-in finish, for the picture only
  await screenshot(page, 'hours-2-member-card');

  await button(page, '志愿服务证明').click();
  const image = page.locator('img.cert-image, .cert-image img').filter({ visible: true }).first();
  await image.waitFor();
  const src = (await image.getAttribute('src'))!;
  expect(src.startsWith('data:image/svg+xml')).toBe(true);
  const svg = decodeURIComponent(src.slice(src.indexOf(',') + 1));
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join('');
  expect(texts).toContain('志愿服务证明');
  const period = month === 1 ? `${year}年1月` : `${year}年1月至${year}年${month}月`;
  expect(texts.replace(/\s/g, '')).toContain(`兹证明张建国同志（假日润园社区第一党支部）于${period}在翠屏街道假日润园社区参加志愿服务，累计服务时长2.5小时。`);
  expect(texts).toContain('社区核定调整');
  expect(texts).toContain('假日润园社区');
  // The picture is drawn: the browser decoded it at the layout's width.
  expect(await image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(750);
  // Shown whole, not cut to the image element's default height.
  const shown = await page.locator('.cert-image').filter({ visible: true }).first().evaluate((host) => {
    const img = (host.tagName === 'IMG' ? host : host.querySelector('img')) as HTMLImageElement;
    const box = host.getBoundingClientRect();
    return { ratio: box.height / box.width, natural: img.naturalHeight / img.naturalWidth };
  });
  expect(Math.abs(shown.ratio - shown.natural)).toBeLessThan(0.02);
  await visibleText(page, '2.5 小时').waitFor();
  await page.waitForTimeout(1500); // let the page slide-in finish, for the picture only
  await screenshot(page, 'hours-3-certificate');

  const [download] = await Promise.all([page.waitForEvent('download'), button(page, '保存图片').click()]);
  expect(download.suggestedFilename()).toBe(`志愿服务证明-张建国-${year}-01至${thisMonth}.png`);
  const png = readFileSync(await download.path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  // Drawn at twice the layout's size, so it stays sharp on a phone.
  expect(png.readUInt32BE(16)).toBe(1500);
});

test('the hours tab and the certificate pass the 长辈模式 audit with content on them', async () => {
  // The tour sees the staff points page before a member is chosen; here, with the hours tab open.
  await loginAs(page, server.url, '李红梅');
  await page.evaluate(() => window.localStorage.setItem('linli.elderlyMode', JSON.stringify({ data: true })));
  await page.goto(`${server.url}/#/packages/orders-staff/pages/points/index`);
  await page.reload();
  await visibleText(page, '张建国').click();
  await page.locator('#tab-hours').filter({ visible: true }).click();
  await visibleText(page, '补记重阳节活动服务').waitFor();
  await page.waitForTimeout(450);
  await screenshot(page, 'hours-4-staff-hours-elderly');
  const staff = formatProblems(await auditPage(page, true));

  await loginAs(page, server.url, '张建国');
  await page.evaluate(() => window.localStorage.setItem('linli.elderlyMode', JSON.stringify({ data: true })));
  await page.goto(`${server.url}/#/packages/member/pages/certificate/index`);
  await page.reload();
  await page.locator('.cert-image').filter({ visible: true }).first().waitFor();
  await page.waitForTimeout(450);
  const member = formatProblems(await auditPage(page, true));
  expect([...staff, ...member]).toEqual([]);
});
