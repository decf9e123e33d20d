/**
 * Loop 3 end to end in the browser, against the real local server and the built h5 app. The server
 * runs on the real clock, so the activities are timed from now: 亲子手工课 starts in 10 minutes
 * (check-in opens 30 minutes before the start, so it is open at once) with 1 place and a
 * waitlist; 中医夜市 runs every Monday next month.
 *
 * 李红梅 builds and publishes the menus → 孙丽 signs her child up (已报名) → 周强 lands on the
 * waitlist (排在候补第一位) → 孙丽 cancels → 周强 is promoted (已报名) and shows his QR → 李红梅 checks
 * him in by typing his code. A second, one-minute activity ends during the test; after its end
 * the scheduler (ticking every 2 s here) marks its unchecked attendee 未到场.
 */
import type { Browser, Page } from 'playwright-core';
import { button, launchChromium, loginAs, phonePage, screenshot, visibleText } from './browser';
import { startLocalServer, type LocalServer } from './server';
import { addMonths, dateOf, MINUTE_MS as MINUTE, monthOf } from '../../cloudfunctions/_core/time';
import { timeOf } from '../../cloudfunctions/_core/activities/activityTime';
import { callAs } from './gatewayApi';

const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
const ceilMinute = (ms: number) => Math.ceil(ms / MINUTE) * MINUTE;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Lets the h5 router's page slide finish, so the picture shows one page. */
const settledShot = async (name: string) => {
  await sleep(400);
  await screenshot(page, name);
};

let server: LocalServer;
let browser: Browser;
let page: Page;

const api = (name: string, fn: string, action: string, data: object, requestId?: string) => callAs(server, name, fn, action, data, requestId);

/** The date and time inputs of the staff forms are named by their field. */
const field = (name: string) => page.locator(`.dt--${name} input`).filter({ visible: true }).first();
const input = (placeholder: string) => page.locator(`input[placeholder="${placeholder}"]`).filter({ visible: true });
const chip = (text: string) => page.locator('.chip', { hasText: new RegExp(`^${text}$`) }).filter({ visible: true }).first();
const card = (text: string) => page.locator('.card', { hasText: text }).filter({ visible: true }).first();
const dialogButton = (text: string) => page.locator('.nut-dialog taro-button-core', { hasText: text }).filter({ visible: true }).first();

beforeAll(async () => {
  server = await startLocalServer({ SCHEDULER_INTERVAL_MS: '2000' });
  browser = await launchChromium();
  page = await phonePage(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('党群服务菜单 in the browser, against the local server', () => {
  test('menu → sign-up → waitlist → cancel → promotion → staff check-in → no-show', async () => {
    const start = ceilMinute(Date.now() + 10 * MINUTE);
    const end = start + 60 * MINUTE;
    const month = monthOf(start);
    const seriesMonth = addMonths(month, 1);

    // ---- 李红梅 creates this month's menu with 亲子手工课 (1 place, waitlist, ages 6–12) ----
    await loginAs(page, server.url, '李红梅');
    await visibleText(page, '活动菜单管理', true).click();
    await chip(monthLabel(month)).click();
    await button(page, `创建${monthLabel(month)}菜单`).click();
    await visibleText(page, '菜单里还没有活动').waitFor();
    await button(page, '添加活动').click();
    await input('如：四点半课堂·手工课').fill('亲子手工课');
    await chip('四点半课堂').click();
    await page.locator('textarea[placeholder="活动内容、需携带的物品等"]').filter({ visible: true }).fill('折纸与剪纸，材料由社区提供');
    await input('如：社区党群服务中心二楼').fill('社区党群服务中心二楼');
    await field('date').fill(dateOf(start));
    await field('startTime').fill(timeOf(start));
    if (dateOf(end) !== dateOf(start)) await field('endDate').fill(dateOf(end));
    await field('endTime').fill(timeOf(end));
    await input('1～1000').fill('1');
    await field('ageMin').fill('6');
    await field('ageMax').fill('12');
    await button(page, '保存活动').click();
    await visibleText(page, '亲子手工课').waitFor();
    await visibleText(page, '已报名 0/1 人').waitFor();

    // ---- … and next month's menu with 中医夜市 every Monday 19:00–21:00 ----
    await page.goto(`${server.url}/#/packages/activities-staff/pages/menus/index`);
    await page.reload();
    await chip(monthLabel(seriesMonth)).click();
    await button(page, `创建${monthLabel(seriesMonth)}菜单`).click();
    await visibleText(page, '菜单里还没有活动').waitFor();
    await button(page, '添加每周活动').click();
    await input('如：四点半课堂·手工课').fill('中医夜市');
    await chip('中医夜市').click();
    await page.locator('textarea[placeholder="活动内容、需携带的物品等"]').filter({ visible: true }).fill('中医师义诊、艾灸体验、养生咨询');
    await input('如：社区党群服务中心二楼').fill('社区广场');
    await chip('星期一').click();
    await field('startTime').fill('19:00');
    await field('endTime').fill('21:00');
    await input('1～1000').fill('30');
    await button(page, '生成活动').click();
    await visibleText(page, '已报名 0/30 人 · 每周活动').waitFor();
    const mondays = await page.locator('.activity-card', { hasText: '中医夜市' }).filter({ visible: true }).count();
    expect(mondays).toBeGreaterThanOrEqual(4);
    expect(mondays).toBeLessThanOrEqual(5);
    await button(page, '发布菜单').click();
    await dialogButton('确认发布').click();
    await visibleText(page, '已发布', true).waitFor();

    // ---- a second, one-minute activity whose end passes during this test (set up directly) ----
    const { items: menus } = (await api('李红梅', 'activities', 'listMenus', {})) as { items: Array<{ _id: string; month: string }> };
    const menuId = menus.find((m) => m.month === month)!._id;
    const shortStart = ceilMinute(Date.now() + 2 * MINUTE);
    const shortEnd = shortStart + MINUTE;
    const opens = Date.now() - MINUTE;
    const short = await api('李红梅', 'activities', 'addActivity', {
      menuId,
      title: '垃圾分类宣讲',
      category: 'public_class',
      description: '一分钟小课堂',
      place: '3号楼门前',
      date: dateOf(shortStart),
      startTime: timeOf(shortStart),
      ...(dateOf(shortEnd) !== dateOf(shortStart) ? { endDate: dateOf(shortEnd) } : {}),
      endTime: timeOf(shortEnd),
      capacity: 5,
      ageMin: null,
      ageMax: null,
      waitlist: false,
      checkinRequired: true,
      memberPoints: 0,
      signupOpensDate: dateOf(opens),
      signupOpensTime: timeOf(opens),
      signupClosesDate: dateOf(shortStart),
      signupClosesTime: timeOf(shortStart),
      cancelDeadlineDate: dateOf(shortStart),
      cancelDeadlineTime: timeOf(shortStart),
    });

    // ---- 李红梅 publishes this month's menu (asked first) ----
    await page.goto(`${server.url}/#/packages/activities-staff/pages/menus/index`);
    await page.reload();
    await chip(monthLabel(month)).click();
    await button(page, `编辑${monthLabel(month)}菜单`).click();
    await visibleText(page, '垃圾分类宣讲').waitFor();
    await button(page, '发布菜单').click();
    await visibleText(page, '确定发布吗').waitFor();
    await dialogButton('确认发布').click();
    await visibleText(page, '已发布', true).waitFor();
    const wu = await api('吴敏', 'activities', 'signUp', { activityId: short._id, attendees: [{ name: '吴敏', relation: 'self', age: 41 }] });
    expect(wu.status).toBe('confirmed');

    // ---- 孙丽 signs her child up: 已报名 ----
    await loginAs(page, server.url, '孙丽');
    await visibleText(page, '报名活动', true).click();
    await visibleText(page, `${monthLabel(month)}党群服务菜单`).waitFor();
    await card('亲子手工课').getByText('剩余').waitFor();
    expect(await card('亲子手工课').textContent()).toContain('剩余 1 个名额');
    await settledShot('activities-1-month-menu');
    await card('亲子手工课').click();
    await visibleText(page, '折纸与剪纸，材料由社区提供').waitFor();
    await button(page, '立即报名').click();
    await visibleText(page, '本活动面向6–12岁的居民').waitFor();
    await input('参加人姓名').first().fill('孙小雨');
    await page.locator('.attendee .chip', { hasText: /^子女$/ }).filter({ visible: true }).first().click();
    await input('周岁，如 8').first().fill('15');
    await button(page, '提交报名').click();
    // Out of range: refused on the page with the function's words, nothing sent.
    await page.locator('.form-field__error', { hasText: '本活动面向6–12岁的居民' }).filter({ visible: true }).waitFor();
    await input('周岁，如 8').first().fill('8');
    await settledShot('activities-2-signup-form');
    await button(page, '提交报名').click();
    await page.locator('.outcome__label', { hasText: '已报名' }).filter({ visible: true }).waitFor();

    // ---- 周强 finds it full and joins the waitlist, first in line ----
    await loginAs(page, server.url, '周强');
    await visibleText(page, '报名活动', true).click();
    await card('亲子手工课').getByText('已满·可候补').waitFor();
    await card('亲子手工课').click();
    await button(page, '加入候补').click();
    await input('参加人姓名').first().fill('周乐乐');
    await page.locator('.attendee .chip', { hasText: /^子女$/ }).filter({ visible: true }).first().click();
    await input('周岁，如 8').first().fill('9');
    await button(page, '提交并加入候补').click();
    await page.locator('.outcome__label', { hasText: '已进入候补' }).filter({ visible: true }).waitFor();
    await page.locator('.outcome__queue', { hasText: '排在候补第一位' }).filter({ visible: true }).waitFor();

    // ---- 孙丽 cancels (asked first) ----
    await loginAs(page, server.url, '孙丽');
    await visibleText(page, '我的报名', true).click();
    await card('亲子手工课').getByText('孙小雨').waitFor();
    await button(page, '取消报名').click();
    await visibleText(page, '确定取消吗').waitFor();
    await dialogButton('确认取消').click();
    await card('亲子手工课').getByText('已取消').waitFor();

    // ---- 周强 has been promoted: 已报名, with his check-in QR ----
    await loginAs(page, server.url, '周强');
    await visibleText(page, '我的报名', true).click();
    const mine = card('亲子手工课');
    await mine.getByText('已报名', { exact: true }).waitFor();
    await button(page, '出示签到码').click();
    const caption = (await mine.locator('.qr__caption').textContent()) ?? '';
    const code = caption.replace('签到码', '').trim();
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    expect(await mine.locator('.qr__image img, img.qr__image, .qr__image').first().isVisible()).toBe(true);
    await settledShot('activities-3-my-signup-qr');

    // ---- 李红梅 checks him in by typing his code ----
    await loginAs(page, server.url, '李红梅');
    await visibleText(page, '活动菜单管理', true).click();
    await chip(monthLabel(month)).click();
    await button(page, `编辑${monthLabel(month)}菜单`).click();
    await page.locator('.activity-card', { hasText: '亲子手工课' }).filter({ visible: true }).locator('taro-button-core', { hasText: '报名名单' }).click();
    await visibleText(page, '周强').waitFor();
    await input('输入居民的签到码').fill('WRONGCODE2');
    await button(page, '确认签到').click();
    await page.locator('.notice--danger', { hasText: '签到失败' }).filter({ visible: true }).waitFor();
    await input('输入居民的签到码').fill(code.toLowerCase());
    await button(page, '确认签到').click();
    await page.locator('.notice--success', { hasText: '签到成功' }).filter({ visible: true }).waitFor();
    expect(await page.locator('.notice--success').filter({ visible: true }).textContent()).toContain('周强');
    await page.locator('.card', { hasText: '13800000023' }).filter({ visible: true }).getByText('已签到', { exact: true }).waitFor();
    expect(await page.locator('.card', { hasText: '孙丽' }).filter({ visible: true }).last().textContent()).toContain('已取消');
    await settledShot('activities-4-staff-checkin');

    // ---- after the short activity ends, its attendee who never checked in is 未到场 ----
    const wait = shortEnd + 3_000 - Date.now();
    if (wait > 0) await sleep(wait);
    await page.goto(`${server.url}/#/packages/activities-staff/pages/attendees/index?id=${encodeURIComponent(String(short._id))}`);
    await page.reload();
    const deadline = Date.now() + 30_000;
    for (;;) {
      await visibleText(page, '吴敏').waitFor();
      const row = (await page.locator('.card', { hasText: '吴敏' }).filter({ visible: true }).last().textContent()) ?? '';
      if (row.includes('未到场')) break;
      if (Date.now() > deadline) throw new Error(`吴敏 is not 未到场 after the end: ${row}`);
      await sleep(2_000);
      await page.reload();
    }
    await visibleText(page, '活动已结束，签到已关闭').waitFor();
    await settledShot('activities-5-no-show');
  }, 600_000);
});
