/**
 * Subscribe messages (订阅消息) end to end: each tap that precedes an event asks consent (in the
 * browser every ask counts as accepted and is reported to the server), and after the action the
 * local outbox (GET /api/dev/outbox) holds the message the event sends, to the right person.
 *
 * 孙丽 orders → 张建国 grabs it (order_accepted → 孙丽), starts and completes it (order_completed →
 * 孙丽); a later dispatch reaches 张建国 thanks to the consent of his own taps (order_assigned);
 * 孙丽 posts a wish, 刘芳 claims it (wish_claimed → 孙丽); 孙丽 subscribes to the menus and the
 * menu goes out (activity_menu_published → 孙丽); 周强 joins the waitlist and is promoted when
 * a place frees (activity_promoted → 周强).
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { button, cell, launchChromium, loginAs, phonePage, visibleText } from './browser';
import { callAs, readOutbox, settle, waitForMessage } from './gatewayApi';
import { startLocalServer, type LocalServer } from './server';
import { dateOf } from '../../cloudfunctions/_core/time';
import { timeOf } from '../../cloudfunctions/_core/activities/activityTime';

const MINUTE = 60_000;
const ceilMinute = (ms: number) => Math.ceil(ms / MINUTE) * MINUTE;

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

const visible = (locator: Locator) => locator.filter({ visible: true }).first();
const dialogButton = (text: string) => visible(page.locator('.nut-dialog taro-button-core', { hasText: new RegExp(`^\\s*${text}\\s*$`) }));
const chip = (text: string | RegExp) => visible(page.locator('.chip', { hasText: text }));
const orderCard = (text: string) => visible(page.locator('.order-card', { hasText: text }));
const entry = (title: string) => visible(page.locator('.entry', { hasText: title }));
const card = (text: string) => visible(page.locator('.card', { hasText: text }));

/** The events in the outbox to this user (staff read their community's outbox). */
const eventsTo = async (recipientId: string) => (await readOutbox(server, '李红梅')).filter((m) => m.userId === recipientId).map((m) => m.event);

describe('每个事件的订阅消息 reach the outbox after the matching tap', () => {
  test('staff open 消息发送记录 (local only): nothing sent yet', async () => {
    await loginAs(page, server.url, '李红梅');
    await entry('消息发送记录').click();
    await page.waitForURL(/staff\/pages\/outbox/);
    await visibleText(page, '还没有发出的订阅消息').waitFor();
    expect(await readOutbox(server, '李红梅')).toEqual([]);
  });

  test('order → grab → start → complete: 孙丽 hears it was taken and done; 张建国 the next dispatch', async () => {

    await loginAs(page, server.url, '孙丽');
    await visible(page.locator('.weui-tabbar__label', { hasText: /^服务$/ })).click();
    await cell(page, '小家电维修').click();
    await button(page, '我要点单').click();
    await page.waitForURL(/resident-orders\/pages\/form/);
    await chip(/^明天/).click();
    await chip(/^上午$/).click();
    await button(page, '确认点单').click();
    await page.waitForURL(/resident-orders\/pages\/detail\/index\?id=/);
    // Her consent (order_accepted, order_completed) is on the server before anyone takes it.
    const said = await settle(async () => (await balances('孙丽')).filter((b) => b.count > 0).map((b) => b.event).sort(), ['order_accepted', 'order_completed']);
    expect(said).toEqual(['order_accepted', 'order_completed']);

    await loginAs(page, server.url, '张建国');
    await entry('任务大厅').click();
    await page.waitForURL(/orders-member\/pages\/hall/);
    await orderCard('小家电维修').locator('taro-button-core').click();
    await dialogButton('确认接单').click();
    await page.waitForURL(/orders-member\/pages\/task\/index/);

    const accepted = await waitForMessage(server, '李红梅', 'order_accepted', '孙丽');
    expect(accepted.result.ok).toBe(true);
    expect(Object.values(accepted.data).map((v) => v.value)).toEqual(expect.arrayContaining(['小家电维修', '张建国']));

    await button(page, '开始服务').click();
    await dialogButton('开始服务').click();
    await visibleText(page, '张建国 · 开始服务', true).waitFor();
    await visible(page.locator('textarea[placeholder="如：更换了电饭煲温控器，已试用正常"]')).fill('更换了电饭煲温控器，已试用正常');
    await button(page, '完成服务').click();
    await visibleText(page, '张建国 · 完成服务', true).waitFor();

    const completed = await waitForMessage(server, '李红梅', 'order_completed', '孙丽');
    expect(Object.values(completed.data).map((v) => v.value)).toContain('小家电维修');

    // 张建国 said yes on 抢单 and on 开始服务 (takeOrder: the next task). The grab itself may have
    // used one of them; the other carries a dispatch from the desk.
    const zhaoOrder = await callAs(server, '李红梅', 'orders', 'createOrder', {
      itemId: await firstItemId('水电小修'),
      date: dateOf(Date.now() + 2 * 86_400_000),
      slot: 'afternoon',
      address: '1号楼1单元101',
      phone: '13800000021',
      onBehalfOf: await userId('赵秀兰'),
    });
    const assignedBefore = (await eventsTo(await userId('张建国'))).filter((e) => e === 'order_assigned').length;
    await callAs(server, '李红梅', 'orders', 'dispatchOrder', { orderId: zhaoOrder._id, memberId: await userId('张建国') });
    const assignedAfter = await settle(async () => (await eventsTo(await userId('张建国'))).filter((e) => e === 'order_assigned').length, assignedBefore + 1);
    expect(assignedAfter).toBe(assignedBefore + 1);

    // The staff page lists them by event and recipient, newest first.
    await loginAs(page, server.url, '李红梅');
    await entry('消息发送记录').click();
    await page.waitForURL(/staff\/pages\/outbox/);
    const cards = page.locator('.outbox-item').filter({ visible: true });
    await cards.first().waitFor();
    const texts = await cards.allTextContents();
    expect(texts[0]).toContain('新的服务任务（派单或接单）');
    expect(texts[0]).toContain('发给 张建国');
    expect(texts.some((t) => t.includes('服务已完成') && t.includes('发给 孙丽') && t.includes('小家电维修'))).toBe(true);
    expect(texts.some((t) => t.includes('服务已有党员接单') && t.includes('发给 孙丽'))).toBe(true);
  });

  test('wish post → claim: 孙丽 hears 刘芳 claimed it', async () => {
    await loginAs(page, server.url, '孙丽');
    await visible(page.locator('.weui-tabbar__label', { hasText: /^心愿$/ })).click();
    await button(page, '发布心愿').click();
    await page.waitForURL(/resident-wishes\/pages\/post/);
    await visible(page.locator('.form-field', { hasText: '心愿为谁' })).getByText('老人', { exact: true }).click();
    await visible(page.locator('.form-field', { hasText: '心愿类型' })).getByText('物质', { exact: true }).click();
    await visible(page.locator('input[placeholder="如：想要一台收音机"]')).fill('想要一个老花镜');
    await visible(page.locator('textarea[placeholder="说说心愿的具体情况，方便志愿者准备（300字以内）"]')).fill('家里老人看报纸费劲，想要一副老花镜。');
    await visible(page.locator('input[placeholder="0～500"]')).fill('50');
    await button(page, '提交心愿').click();
    await page.waitForURL(/resident-wishes\/pages\/detail/);
    const wishId = new URL(page.url().replace('#/', '')).searchParams.get('id');
    expect(wishId).toBeTruthy();
    await callAs(server, '李红梅', 'wishes', 'reviewWish', { wishId, approve: true });

    await loginAs(page, server.url, '刘芳');
    await visible(page.locator('.weui-tabbar__label', { hasText: /^心愿$/ })).click();
    await card('想要一个老花镜').locator('taro-button-core', { hasText: '我来认领' }).click();
    await visible(page.locator('.taro-model__confirm')).click();
    await page.waitForURL(/resident-wishes\/pages\/detail/);
    await visibleText(page, '已认领').waitFor();

    const claimed = await waitForMessage(server, '李红梅', 'wish_claimed', '孙丽');
    expect(Object.values(claimed.data).map((v) => v.value)).toEqual(expect.arrayContaining(['想要一个老花镜', '刘芳']));
  });

  test('subscribe to menus → menu published; sign-up on the waitlist → promoted', async () => {
    // 孙丽 switches 订阅每月菜单 on (the tap asks for activity_menu_published).
    await loginAs(page, server.url, '孙丽');
    await visible(page.locator('.weui-tabbar__label', { hasText: /^活动$/ })).click();
    await visible(page.locator('#subscribe-switch')).click();
    const menuConsent = await settle(async () => (await balances('孙丽')).find((b) => b.event === 'activity_menu_published')?.count ?? 0, 1);
    expect(menuConsent).toBe(1);

    // 李红梅 builds this month's menu with one 1-place activity and publishes it.
    const start = ceilMinute(Date.now() + 3 * 3600_000);
    const month = dateOf(start).slice(0, 7);
    const menu = await callAs(server, '李红梅', 'activities', 'createMenu', { month });
    const opens = Date.now() - MINUTE;
    const activity = await callAs(server, '李红梅', 'activities', 'addActivity', {
      menuId: menu._id,
      title: '亲子手工课',
      category: 'public_class',
      description: '折纸与剪纸',
      place: '社区党群服务中心二楼',
      date: dateOf(start),
      startTime: timeOf(start),
      ...(dateOf(start + 3600_000) !== dateOf(start) ? { endDate: dateOf(start + 3600_000) } : {}),
      endTime: timeOf(start + 3600_000),
      capacity: 1,
      ageMin: null,
      ageMax: null,
      waitlist: true,
      checkinRequired: true,
      memberPoints: 0,
      signupOpensDate: dateOf(opens),
      signupOpensTime: timeOf(opens),
      signupClosesDate: dateOf(start),
      signupClosesTime: timeOf(start),
      cancelDeadlineDate: dateOf(start),
      cancelDeadlineTime: timeOf(start),
    });
    await callAs(server, '李红梅', 'activities', 'publishMenu', { menuId: menu._id });
    await waitForMessage(server, '李红梅', 'activity_menu_published', '孙丽');

    // 吴敏 takes the one place (set up directly); 周强 joins the waitlist in the app.
    const wu = await callAs(server, '吴敏', 'activities', 'signUp', { activityId: activity._id, attendees: [{ name: '吴敏', relation: 'self', age: 41 }] });
    await loginAs(page, server.url, '周强');
    await page.goto(`${server.url}/#/packages/resident-activities/pages/detail/index?id=${encodeURIComponent(String(activity._id))}`);
    await button(page, '加入候补').click();
    await visible(page.locator('input[placeholder="参加人姓名"]')).fill('周强');
    await visible(page.locator('.attendee .chip', { hasText: /^本人$/ })).click();
    await visible(page.locator('input[placeholder="周岁，如 8"]')).fill('38');
    await button(page, '提交并加入候补').click();
    // First in the live queue (the page says where one stands, not the arrival number).
    await visible(page.locator('.outcome__queue', { hasText: '排在候补第一位' })).waitFor();
    expect(await eventsTo(await userId('周强'))).toEqual([]);

    await callAs(server, '吴敏', 'activities', 'cancelSignup', { signupId: wu._id, activityId: activity._id });
    const promoted = await waitForMessage(server, '李红梅', 'activity_promoted', '周强');
    expect(Object.values(promoted.data).map((v) => v.value)).toContain('亲子手工课');
  });
});

/** What `name` has said yes to and not yet used, per event (users.mySubscriptions). */
const balances = async (name: string) =>
  ((await callAs(server, name, 'users', 'mySubscriptions', {})) as { balances: Array<{ event: string; count: number }> }).balances;

const userId = async (name: string): Promise<string> => {
  const users = (await (await fetch(`${server.url}/api/dev/users`)).json()) as Array<{ id: string; name: string }>;
  const found = users.find((u) => u.name === name);
  if (!found) throw new Error(`no demo user ${name}`);
  return found.id;
};

const firstItemId = async (title: string): Promise<string> => {
  const menu = (await callAs(server, '孙丽', 'orders', 'listMenu', {})) as { sections: Array<{ items: Array<{ _id: string; title: string }> }> };
  const item = menu.sections.flatMap((c) => c.items).find((i) => i.title === title);
  if (!item) throw new Error(`no menu item ${title}`);
  return item._id;
};
