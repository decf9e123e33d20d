/**
 * A fresh deployment set up in the app with the setup code alone (local server with LINLI_SEED=none):
 * a new WeChat user enters the code and becomes the street admin → creates a community → makes a
 * staff invitation → a second new user redeems it and lands on the staff home; the admin sees them
 * in the community's staff.
 */
import type { Browser, Page } from 'playwright-core';
import { button, launchChromium, phonePage, screenshot, visibleText } from './browser';
import { startLocalServer, type LocalServer } from './server';

const SETUP_CODE = 'LINLI-SETUP-TEST-2026';

let server: LocalServer;
let browser: Browser;
let admin: Page;
let staff: Page;

beforeAll(async () => {
  server = await startLocalServer({ LINLI_SEED: 'none', LINLI_SETUP_CODE: SETUP_CODE });
  browser = await launchChromium();
  // Two phones: the admin stays signed in while the invited person signs in on their own.
  admin = await phonePage(browser);
  staff = await phonePage(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The demo login's "new WeChat user": a fresh identity with no account, then the register page. */
const newWeChatUser = async (page: Page) => {
  await page.goto(`${server.url}/#/pages/login/index`);
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await button(page, '以新微信用户身份体验').click();
  await page.waitForURL(/pages\/index\/index/);
  await button(page, '立即注册').click();
  await page.waitForURL(/me\/pages\/register/);
};

const input = (page: Page, placeholder: string) => page.locator(`input[placeholder="${placeholder}"]`).filter({ visible: true }).first();
const fieldError = (page: Page, text: string) => page.locator('.form-field__error', { hasText: text }).filter({ visible: true }).first();

let inviteCode = '';

describe('a fresh deployment, set up in the app', () => {
  test('the demo login has no accounts and says how to begin', async () => {
    await admin.goto(`${server.url}/`);
    await admin.waitForURL(/pages\/login\/index/);
    await visibleText(admin, '这是一套全新的部署').waitFor();
    expect(await (await fetch(`${server.url}/api/dev/users`)).json()).toEqual([]);
  });

  test('the first user enters the setup code and becomes the street admin', async () => {
    await newWeChatUser(admin);
    // A fresh deployment opens on its setup form.
    await visibleText(admin, '首次使用：初始化').waitFor();
    await button(admin, '完成初始化').click();
    // Checked on the page with the function's own schema: nothing is sent.
    await fieldError(admin, '请填写初始化码').waitFor();
    await input(admin, '部署时设置的初始化码').fill('WRONG-CODE');
    await input(admin, '请输入姓名').fill('王主任');
    await input(admin, '请输入11位手机号').fill('1370000');
    await button(admin, '完成初始化').click();
    await fieldError(admin, '11位').waitFor();
    await input(admin, '请输入11位手机号').fill('13700000001');
    await button(admin, '完成初始化').click();
    await fieldError(admin, '初始化码不正确').waitFor();
    expect(admin.url()).toMatch(/me\/pages\/register/);

    await input(admin, '部署时设置的初始化码').fill(SETUP_CODE);
    await button(admin, '完成初始化').click();
    await admin.waitForURL(/admin\/pages\/communities/);
    await visibleText(admin, '还没有社区').waitFor();
    await screenshot(admin, 'setup-1-admin-home');
  });

  test('the admin creates a community', async () => {
    await button(admin, '创建社区').click();
    await fieldError(admin, '请填写社区名称').waitFor();
    await input(admin, '如：假日润园社区').fill('幸福里社区');
    await input(admin, '如：翠屏街道').fill('翠屏街道');
    await button(admin, '创建社区').click();
    const row = admin.locator('.community-row', { hasText: '幸福里社区' }).filter({ visible: true }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('翠屏街道 · 工作人员 0 人');
  });

  test('the admin makes a staff invitation for it', async () => {
    await admin.locator('.community-row', { hasText: '幸福里社区' }).filter({ visible: true }).first().click();
    await admin.waitForURL(/admin\/pages\/staff/);
    await visibleText(admin, '这个社区还没有工作人员').waitFor();
    await button(admin, '生成邀请码').click();
    const code = admin.locator('.invite-code').filter({ visible: true }).first();
    await code.waitFor();
    inviteCode = ((await code.textContent()) ?? '').trim();
    expect(inviteCode).toMatch(/^[A-Z2-9]{10}$/);
    await screenshot(admin, 'setup-2-invite');
  });

  test('a second person redeems the invitation and lands on the staff home', async () => {
    await newWeChatUser(staff);
    // Setup is done: only resident registration and the invitation are offered.
    await visibleText(staff, '首次使用：初始化').waitFor({ state: 'hidden' });
    await staff.locator('#tab-invite').filter({ visible: true }).click();
    await input(staff, '10位字母数字，如 K7PM2Q9XAB').fill(inviteCode.toLowerCase());
    await button(staff, '加入社区').click();
    // Someone not yet registered also gives a name and phone: asked on the page, nothing sent.
    await fieldError(staff, '请填写姓名').waitFor();
    await input(staff, '请输入姓名').fill('钱进');
    await input(staff, '请输入11位手机号').fill('13700000003');
    await button(staff, '加入社区').click();
    await staff.waitForURL(/pages\/index\/index/);
    await visibleText(staff, '派单台').waitFor();
    await visibleText(staff, '幸福里社区').waitFor();
    await screenshot(staff, 'setup-4-staff-home');

    // The admin sees 钱进 among the community's staff.
    await admin.reload();
    await admin.locator('.staff-row', { hasText: '钱进' }).filter({ visible: true }).first().waitFor();
  });
});
