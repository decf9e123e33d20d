/**
 * Every page, in both modes, as each role sees it: a screenshot of each (tests/artifacts/tour-*),
 * and the 适老化 audit (tests/browser/audit.ts) on each — text size and touch targets in 长辈模式,
 * contrast everywhere. A failure lists the page and the offending elements.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, loginAs, phonePage, screenshot } from './browser';
import { auditPage, formatProblems } from './audit';
import { startLocalServer, type LocalServer } from './server';
import { dateOf, DAY_MS as DAY } from '../../cloudfunctions/_core/time';
import { timeOf } from '../../cloudfunctions/_core/activities/activityTime';
import { callAs, demoUsers } from './gatewayApi';


let server: LocalServer;
let browser: Browser;
let page: Page;

type Ids = { item: string; order: string; task: string; wish: string; activity: string; month: string };
let ids: Ids;

const api = (name: string, fn: string, action: string, data: object, requestId?: string) => callAs(server, name, fn, action, data, requestId);

/** Data for the detail pages: an order dispatched to 张建国, an approved wish, a published activity. */
const seed = async (): Promise<Ids> => {
  const menu = await api('孙丽', 'orders', 'listMenu', {});
  const item = (menu.sections as Array<{ items: Array<{ _id: string; title: string }> }>).flatMap((s) => s.items).find((i) => i.title === '小家电维修')!;
  const tomorrow = dateOf(Date.now() + DAY);
  const address = { address: '2号楼2单元402', phone: '13800000022' };
  const order = await api('孙丽', 'orders', 'createOrder', { itemId: item._id, date: tomorrow, slot: 'morning', ...address, note: '电饭煲不加热' }, 'tour-order-1');
  const task = await api('孙丽', 'orders', 'createOrder', { itemId: item._id, date: tomorrow, slot: 'afternoon', ...address }, 'tour-order-2');
  const zhang = (await demoUsers(server)).find((u) => u.name === '张建国')!.id;
  await api('李红梅', 'orders', 'dispatchOrder', { orderId: task._id, memberId: zhang });
  const wish = await api('孙丽', 'wishes', 'postWish', { beneficiaryType: 'elderly', kind: 'material', title: '想要一台收音机', content: '老人独居，想听戏曲广播。', value: 120, deadline: dateOf(Date.now() + 20 * DAY) }, 'tour-wish-1');
  await api('李红梅', 'wishes', 'reviewWish', { wishId: wish._id, approve: true });
  const start = Date.now() + 2 * DAY;
  const month = dateOf(start).slice(0, 7);
  const created = await api('李红梅', 'activities', 'createMenu', { month });
  const opens = Date.now() - 60_000;
  const activity = await api('李红梅', 'activities', 'addActivity', {
    menuId: created._id,
    title: '四点半课堂·手工课',
    category: 'after_school',
    description: '折纸与剪纸，家长可陪同。',
    place: '社区党群服务中心二楼',
    date: dateOf(start),
    startTime: '16:30',
    endTime: '18:00',
    capacity: 10,
    ageMin: 6,
    ageMax: 12,
    waitlist: true,
    checkinRequired: true,
    memberPoints: 5,
    signupOpensDate: dateOf(opens),
    signupOpensTime: timeOf(opens),
    signupClosesDate: dateOf(start),
    signupClosesTime: '12:00',
    cancelDeadlineDate: dateOf(start),
    cancelDeadlineTime: '12:00',
  });
  await api('李红梅', 'activities', 'publishMenu', { menuId: created._id });
  return { item: item._id, order: order._id, task: task._id, wish: wish._id, activity: activity._id, month };
};

const q = encodeURIComponent;
const RESIDENT_PAGES = (i: Ids): Array<[string, string]> => [
  ['home', '/pages/index/index'],
  ['menu', '/pages/menu/index'],
  ['wishes', '/pages/wishes/index'],
  ['activities', '/pages/activities/index'],
  ['mine', '/pages/mine/index'],
  ['item', `/packages/resident-orders/pages/item/index?id=${q(i.item)}`],
  ['order-form', `/packages/resident-orders/pages/form/index?itemId=${q(i.item)}`],
  ['orders', '/packages/resident-orders/pages/list/index'],
  ['order-detail', `/packages/resident-orders/pages/detail/index?id=${q(i.order)}`],
  ['wish-post', '/packages/resident-wishes/pages/post/index'],
  ['my-wishes', '/packages/resident-wishes/pages/mine/index'],
  ['wish-detail', `/packages/resident-wishes/pages/detail/index?id=${q(i.wish)}`],
  ['activity-detail', `/packages/resident-activities/pages/detail/index?id=${q(i.activity)}`],
  ['signup', `/packages/resident-activities/pages/signup/index?id=${q(i.activity)}`],
  ['my-signups', '/packages/resident-activities/pages/mine/index'],
  ['messages', '/packages/me/pages/messages/index'],
  ['leaderboard', '/packages/me/pages/leaderboard/index'],
  ['profile', '/packages/me/pages/profile/index'],
  ['apply', '/packages/me/pages/apply/index'],
  ['register', '/packages/me/pages/register/index'],
  ['redeem-invite', '/packages/me/pages/register/index?mode=invite&registered=1'],
];
const MEMBER_PAGES = (i: Ids): Array<[string, string]> => [
  ['home', '/pages/index/index'],
  ['mine', '/pages/mine/index'],
  ['hall', '/packages/orders-member/pages/hall/index'],
  ['tasks', '/packages/orders-member/pages/tasks/index'],
  ['task', `/packages/orders-member/pages/task/index?id=${q(i.task)}`],
  ['points', '/packages/orders-member/pages/points/index'],
  ['card', '/packages/member/pages/card/index'],
  ['certificate', '/packages/member/pages/certificate/index'],
  ['claims', '/packages/wishes-member/pages/claims/index'],
  ['wish-detail', `/packages/resident-wishes/pages/detail/index?id=${q(i.wish)}`],
];
const STAFF_PAGES = (i: Ids): Array<[string, string]> => [
  ['home', '/pages/index/index'],
  ['items', '/packages/staff/pages/items/index'],
  ['item-edit', `/packages/staff/pages/item-edit/index?id=${q(i.item)}`],
  ['members', '/packages/staff/pages/members/index'],
  ['dispatch', '/packages/orders-staff/pages/dispatch/index'],
  ['order', `/packages/orders-staff/pages/order/index?id=${q(i.order)}`],
  ['proxy-order', '/packages/orders-staff/pages/proxy/index'],
  ['all-orders', '/packages/orders-staff/pages/orders/index'],
  ['staff-points', '/packages/orders-staff/pages/points/index'],
  ['review', '/packages/reports-staff/pages/review/index'],
  ['wish-review', '/packages/wishes-staff/pages/review/index'],
  ['elderly-marks', '/packages/staff/pages/members/index?tab=elderly'],
  ['outbox', '/packages/staff/pages/outbox/index'],
  ['wish-proxy', '/packages/wishes-staff/pages/proxy/index'],
  ['activity-menus', '/packages/activities-staff/pages/menus/index'],
  ['activity-menu', `/packages/activities-staff/pages/menu/index?month=${q(i.month)}`],
  ['activity-edit', `/packages/activities-staff/pages/activity-edit/index?month=${q(i.month)}`],
  ['series', `/packages/activities-staff/pages/series/index?month=${q(i.month)}`],
  ['attendees', `/packages/activities-staff/pages/attendees/index?id=${q(i.activity)}`],
  ['blocks', '/packages/activities-staff/pages/blocks/index'],
  ['signup-proxy', `/packages/activities-staff/pages/proxy/index?id=${q(i.activity)}`],
  ['activity-detail', `/packages/resident-activities/pages/detail/index?id=${q(i.activity)}`],
];

/** The street admin's pages (街道管理); `community` is one to open the staff page of. */
const ADMIN_PAGES = (community: string): Array<[string, string]> => [
  ['home', '/pages/index/index'],
  ['mine', '/pages/mine/index'],
  ['communities', '/packages/admin/pages/communities/index'],
  ['staff', `/packages/admin/pages/staff/index?communityId=${q(community)}&name=${q('假日润园社区')}`],
  ['dashboard', '/packages/admin/pages/dashboard/index'],
];

const SETUP_CODE = 'TOUR-SETUP-CODE';

const setMode = (elderly: boolean) =>
  page.evaluate((on) => window.localStorage.setItem('linli.elderlyMode', JSON.stringify({ data: on })), elderly);

/** Opens a page fresh and waits until it has loaded what it shows. */
const visit = async (route: string) => {
  await page.goto(`${server.url}/#${route}`);
  await page.reload();
  await page.waitForLoadState('networkidle');
  await page.locator('.state--loading').filter({ visible: true }).first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
  // The page slides in; measure what stays.
  await page.waitForTimeout(450);
};

/** Visits each page in both modes; answers every problem found, by page. */
const tour = async (role: string, pages: Array<[string, string]>): Promise<string[]> => {
  const found: string[] = [];
  for (const elderly of [false, true]) {
    await setMode(elderly);
    for (const [name, route] of pages) {
      await visit(route);
      await screenshot(page, `tour-${role}-${name}-${elderly ? 'elderly' : 'normal'}`);
      for (const line of formatProblems(await auditPage(page, elderly))) found.push(`${role}/${name}${elderly ? ' (长辈模式)' : ''}: ${line}`);
    }
  }
  return found;
};

beforeAll(async () => {
  server = await startLocalServer({ LINLI_SETUP_CODE: SETUP_CODE });
  browser = await launchChromium();
  page = await phonePage(browser);
  ids = await seed();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('every page in both modes: readable, reachable, with enough contrast', () => {
  test('the demo login', async () => {
    await page.goto(`${server.url}/#/pages/login/index`);
    await page.evaluate(() => window.localStorage.clear());
    const found: string[] = [];
    for (const elderly of [false, true]) {
      await setMode(elderly);
      await visit('/pages/login/index');
      await screenshot(page, `tour-visitor-login-${elderly ? 'elderly' : 'normal'}`);
      for (const line of formatProblems(await auditPage(page, elderly))) found.push(`login${elderly ? ' (长辈模式)' : ''}: ${line}`);
    }
    expect(found).toEqual([]);
  });

  test('a resident’s pages (孙丽)', async () => {
    await loginAs(page, server.url, '孙丽');
    expect(await tour('resident', RESIDENT_PAGES(ids))).toEqual([]);
  });

  test('a member’s pages (张建国)', async () => {
    await loginAs(page, server.url, '张建国');
    expect(await tour('member', MEMBER_PAGES(ids))).toEqual([]);
  });

  test('a staff member’s pages (李红梅)', async () => {
    await loginAs(page, server.url, '李红梅');
    expect(await tour('staff', STAFF_PAGES(ids))).toEqual([]);
  });

  test('the first-run setup form, while no one has used the code', async () => {
    await loginAs(page, server.url, '孙丽');
    expect(await tour('access', [['setup', '/packages/me/pages/register/index?mode=setup']])).toEqual([]);
    await page.getByText('首次使用：初始化').filter({ visible: true }).first().waitFor();
  });

  test('the street admin’s pages (set up with the setup code)', async () => {
    // A new WeChat user becomes the admin through the setup code; the app keeps their token.
    const { token } = (await (await fetch(`${server.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ newUser: true }) })).json()) as { token: string };
    const answer = (await (
      await fetch(`${server.url}/api/users`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ action: 'setup', data: { code: SETUP_CODE, name: '王主任', phone: '13700000001' } }),
      })
    ).json()) as { ok: boolean };
    expect(answer.ok).toBe(true);
    await page.goto(`${server.url}/#/pages/login/index`);
    await page.evaluate((t) => {
      window.localStorage.clear();
      window.localStorage.setItem('linli.session.token', JSON.stringify({ data: t }));
    }, token);
    const { items } = await api('李红梅', 'users', 'listCommunities', {});
    const community = (items as Array<{ _id: string; name: string }>).find((c) => c.name === '假日润园社区')!;
    expect(await tour('admin', ADMIN_PAGES(community._id))).toEqual([]);
  });

  test('lines of information never run together (issue 13 bug 2)', async () => {
    // A pending member application, and an archived service item.
    await api('孙丽', 'users', 'applyMember', { branch: '区人民医院党支部', skills: ['医疗健康', '陪伴照护'] });
    const { items } = await api('李红梅', 'orders', 'listItemsAdmin', {});
    const item = (items as Array<{ _id: string; title: string }>).find((i) => i.title !== '小家电维修')!;
    await api('李红梅', 'orders', 'setItemStatus', { itemId: item._id, status: 'archived' });

    /** Each text starts below the one before it ends. */
    const stacked = async (texts: string[]) => {
      const boxes: Array<{ x: number; y: number; width: number; height: number } | null> = [];
      for (const text of texts) boxes.push(await page.getByText(text).filter({ visible: true }).first().boundingBox());
      return boxes.every((box, i) => i === 0 || (box !== null && boxes[i - 1] !== null && box.y >= boxes[i - 1]!.y + boxes[i - 1]!.height - 1));
    };

    await loginAs(page, server.url, '孙丽');
    await setMode(false);
    await visit('/packages/me/pages/apply/index');
    expect(await stacked(['已提交：区人民医院党支部', '技能：医疗健康、陪伴照护', '社区工作人员审核后，您将成为党员志愿者。'])).toBe(true);

    await loginAs(page, server.url, '李红梅');
    await visit(`/packages/staff/pages/item-edit/index?id=${q(item._id)}`);
    expect(await stacked(['最近更新：', '已归档的服务不能修改或重新上架。'])).toBe(true);
  });

  test('a large WeChat font (关怀模式) is met with an offer of 长辈模式 (h5: ?fontScale=1.4)', async () => {
    await loginAs(page, server.url, '赵秀兰');
    await page.evaluate(() => {
      window.localStorage.setItem('linli.elderlyMode', JSON.stringify({ data: false }));
      window.localStorage.removeItem('linli.elderlyOfferAnswered');
    });
    await page.goto(`${server.url}/?fontScale=1.4#/pages/index/index`);
    await page.reload();
    const offer = page.getByText('您的微信字体较大，试试长辈模式？').filter({ visible: true });
    await offer.waitFor();
    await screenshot(page, 'tour-elderly-offer');
    await page.locator('taro-button-core', { hasText: '开启长辈模式' }).filter({ visible: true }).first().click();
    await page.locator('.page--elderly').filter({ visible: true }).first().waitFor();
    await offer.waitFor({ state: 'hidden' });
    // Answered once: not asked again.
    await page.reload();
    await page.locator('.page--elderly').filter({ visible: true }).first().waitFor();
    expect(await page.getByText('您的微信字体较大，试试长辈模式？').filter({ visible: true }).count()).toBe(0);
  });
});
