/**
 * Planning next month's 党群服务菜单 in the browser: the staff home says what next month still
 * lacks (activities.menuGaps), and 一键沿用到下月 (activities.carryForward) copies a month's menu
 * as next month's draft after a confirmation, saying what it made.
 */
import type { Browser, Page } from 'playwright-core';
import { button, launchChromium, loginAs, phonePage, screenshot, visibleText } from './browser';
import { startLocalServer, type LocalServer } from './server';
import { dateOf, addMonths, DAY_MS as DAY } from '../../cloudfunctions/_core/time';
import { timeOf, weekdayOf } from '../../cloudfunctions/_core/activities/activityTime';
import { callAs } from './gatewayApi';

const monthName = (month: string) => `${Number(month.slice(5, 7))}月`;
const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

let server: LocalServer;
let browser: Browser;
let page: Page;

const api = (name: string, fn: string, action: string, data: object, requestId?: string) => callAs(server, name, fn, action, data, requestId);

beforeAll(async () => {
  server = await startLocalServer();
  browser = await launchChromium();
  page = await phonePage(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('the staff home shows what next month lacks; 一键沿用到下月 copies the menu as a draft', async () => {
  // A menu with one activity, tomorrow evening (in next month's menu on the last day of a month).
  const start = Date.now() + DAY;
  const month = dateOf(start).slice(0, 7);
  const target = addMonths(month, 1);
  const menu = await api('李红梅', 'activities', 'createMenu', { month });
  const opens = Date.now() - 60_000;
  await api('李红梅', 'activities', 'addActivity', {
    menuId: menu._id,
    title: '红色电影放映',
    category: 'culture_sports',
    description: '社区礼堂放映经典影片。',
    place: '社区党群服务中心礼堂',
    date: dateOf(start),
    startTime: '19:00',
    endTime: '20:30',
    capacity: 30,
    waitlist: false,
    checkinRequired: false,
    memberPoints: 0,
    signupOpensDate: dateOf(opens),
    signupOpensTime: timeOf(opens),
    signupClosesDate: dateOf(start),
    signupClosesTime: '12:00',
    cancelDeadlineDate: dateOf(start),
    cancelDeadlineTime: '12:00',
  });
  await api('李红梅', 'activities', 'publishMenu', { menuId: menu._id });
  const gapsMonth = addMonths(dateOf(Date.now()).slice(0, 7), 1);

  await loginAs(page, server.url, '李红梅');
  const gapsCard = page.locator('.menu-gaps').filter({ visible: true });
  await gapsCard.waitFor();
  const before = await gapsCard.innerText();
  expect(before).toContain(`${monthName(gapsMonth)}活动菜单还缺`);
  if (gapsMonth === target) expect(before).toContain('尚未创建，可从本月菜单一键沿用');
  // The same count as a badge on the menus tile.
  const count = Number(before.match(/还缺 (\d+) 项/)![1]);
  expect(await page.locator('.entry', { hasText: '活动菜单管理' }).filter({ visible: true }).locator('.entry__badge').innerText()).toBe(String(count));
  await screenshot(page, 'planning-1-staff-home-gaps');

  await page.goto(`${server.url}/#/packages/activities-staff/pages/menu/index?month=${month}`);
  await visibleText(page, '红色电影放映').waitFor();
  await button(page, '一键沿用到下月').click();
  // Nothing is copied before the confirmation.
  await visibleText(page, `把${monthLabel(month)}菜单的活动复制到${monthLabel(target)}`).waitFor();
  expect((await api('李红梅', 'activities', 'monthMenu', { month: target })).menu).toBeNull();
  await page.locator('.nut-dialog taro-button-core', { hasText: '确认沿用' }).filter({ visible: true }).first().click();
  await visibleText(page, `已在${monthLabel(target)}菜单生成1场活动（草稿，居民暂时看不到）。请检查后发布。`).waitFor();
  await screenshot(page, 'planning-2-carried-forward');
  await visibleText(page, '去看看', true).click();

  // Next month's menu: a draft with the activity on the same weekday.
  await page.waitForURL(new RegExp(`month=${target}`));
  await visibleText(page, `${monthLabel(target)}党群服务菜单`).waitFor();
  await visibleText(page, '红色电影放映').waitFor();
  const carried = await api('李红梅', 'activities', 'monthMenu', { month: target });
  expect(carried.menu.status).toBe('draft');
  expect(carried.activities).toHaveLength(1);
  const weekday = (ms: number) => weekdayOf(dateOf(ms));
  expect(weekday(carried.activities[0].startAt)).toBe(weekday(start));
  expect(carried.activities[0].confirmedCount).toBe(0);

  if (gapsMonth === target) {
    await page.goto(`${server.url}/#/pages/index/index`);
    await page.reload();
    await visibleText(page, '尚未发布').waitFor();
  }
});
