/**
 * 前面还有 N 人: the waitlist position a resident sees is the live queue, on the sign-up result and
 * in 我的报名, and it moves when someone ahead leaves (issue 12 part 4; the arrival number never did).
 */
import type { Browser, Page } from 'playwright-core';
import { button, launchChromium, loginAs, phonePage, screenshot } from './browser';
import { startLocalServer, type LocalServer } from './server';
import { dateOf, DAY_MS as DAY } from '../../cloudfunctions/_core/time';
import { timeOf } from '../../cloudfunctions/_core/activities/activityTime';
import { callAs } from './gatewayApi';


let server: LocalServer;
let browser: Browser;
let page: Page;

const api = (name: string, fn: string, action: string, data: object, requestId?: string) => callAs(server, name, fn, action, data, requestId);

const visible = (selector: string, text: string) => page.locator(selector, { hasText: text }).filter({ visible: true }).first();

beforeAll(async () => {
  server = await startLocalServer();
  browser = await launchChromium();
  page = await phonePage(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('the waitlist shows how many are ahead, and the number moves when someone ahead cancels', async () => {
  // One place, with a waitlist: 孙丽 holds it, 周强 waits first.
  const start = Date.now() + DAY;
  const menu = await api('李红梅', 'activities', 'createMenu', { month: dateOf(start).slice(0, 7) });
  const opens = Date.now() - 60_000;
  const activity = await api('李红梅', 'activities', 'addActivity', {
    menuId: menu._id,
    title: '中医义诊',
    category: 'health_clinic',
    description: '社区卫生服务站医生坐诊。',
    place: '社区党群服务中心一楼',
    date: dateOf(start),
    startTime: '19:00',
    endTime: '20:30',
    capacity: 1,
    waitlist: true,
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
  expect((await api('孙丽', 'activities', 'signUp', { activityId: activity._id, attendees: [{ name: '孙丽', relation: 'self', age: 38 }] })).status).toBe('confirmed');
  const zhou = await api('周强', 'activities', 'signUp', { activityId: activity._id, attendees: [{ name: '周强', relation: 'self', age: 45 }] });
  expect(zhou.status).toBe('waitlisted');

  // 吴敏 joins the waitlist on the page: one person ahead of her.
  await loginAs(page, server.url, '吴敏');
  await page.goto(`${server.url}/#/packages/resident-activities/pages/signup/index?id=${encodeURIComponent(activity._id)}`);
  await page.reload();
  await page.locator('input[placeholder="参加人姓名"]').filter({ visible: true }).first().fill('吴敏');
  await page.locator('input[placeholder="周岁，如 8"]').filter({ visible: true }).first().fill('41');
  await button(page, '提交并加入候补').click();
  await visible('.outcome__label', '已进入候补').waitFor();
  expect(await visible('.outcome', '已进入候补').locator('.outcome__queue').innerText()).toBe('前面还有 1 人');
  await page.waitForTimeout(400);
  await screenshot(page, 'waitlist-1-signup-result');

  // 我的报名 says the same.
  await button(page, '查看我的报名').click();
  const card = visible('.my-signup', '中医义诊');
  await card.waitFor();
  expect(await card.locator('.my-signup__queue').innerText()).toBe('前面还有 1 人');

  // 周强, ahead of her, cancels: she is next.
  await api('周强', 'activities', 'cancelSignup', { signupId: zhou._id });
  await page.reload();
  await visible('.my-signup', '中医义诊').locator('.my-signup__queue', { hasText: '排在候补第一位' }).waitFor();
  await page.waitForTimeout(400);
  await screenshot(page, 'waitlist-2-my-signups-moved');
});
