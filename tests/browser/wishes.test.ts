/**
 * 微心愿 end to end in the browser (h5 build) against the local server: a resident posts a wish,
 * staff approve it, a member claims it on the wall and fulfils it with a photo, the resident
 * confirms receipt, and the wall's 累计圆梦 count rises by one.
 */
import type { Browser, Page } from 'playwright-core';
import { button, launchChromium, loginAs, phonePage, screenshot, visibleText } from './browser';
import { startLocalServer, type LocalServer } from './server';

/** A real 1×1 PNG: the h5 chooseImage loads the file as an image before handing it over. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const TITLE = '想要一台收音机';

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

/** The wall's header number under a label (累计圆梦 / 待认领), once the counts have arrived. */
const wallCount = async (label: '累计圆梦' | '待认领'): Promise<number> => {
  const stat = page.locator('.wish-hero__stat').filter({ hasText: label, visible: true }).first();
  const number = stat.locator('.wish-hero__number');
  await page.waitForFunction((el) => /^\d+$/.test(el?.textContent?.trim() ?? ''), await number.elementHandle());
  return Number((await number.textContent())?.trim());
};

const openWall = async () => {
  await page.locator('.weui-tabbar__item').filter({ hasText: '心愿' }).click();
  await page.waitForURL(/pages\/wishes\/index/);
};

/** A form field on the current page, by its label. */
const field = (label: string) => page.locator('.form-field').filter({ hasText: label, visible: true }).first();

/** The wish's card on the current (visible) list. */
const card = (title: string) => page.locator('.wish-card').filter({ hasText: title, visible: true }).first();

/** The open NutUI dialog's button (its confirm text). */
const dialogButton = (text: string) => page.locator('.nut-dialog').filter({ visible: true }).locator('taro-button-core', { hasText: text }).first();

describe('微心愿 in the browser, against the local server', () => {
  let fulfilledBefore = 0;

  test('孙丽 posts a wish, which waits for review', async () => {
    await loginAs(page, server.url, '孙丽');
    await openWall();
    fulfilledBefore = await wallCount('累计圆梦');

    await button(page, '发布心愿').click();
    await page.waitForURL(/resident-wishes\/pages\/post/);
    await visibleText(page, '说出您的微心愿').waitFor();
    await field('心愿为谁').getByText('老人', { exact: true }).click();
    await field('心愿类型').getByText('物质', { exact: true }).click();
    await page.locator('input[placeholder="如：想要一台收音机"]').fill(TITLE);
    await page.locator('textarea[placeholder="说说心愿的具体情况，方便志愿者准备（300字以内）"]').fill('家里老人独居，平时爱听戏曲，收音机坏了，想要一台新的。');
    await page.locator('input[placeholder="0～500"]').fill('120');
    await screenshot(page, 'wishes-1-post-form');
    await button(page, '提交心愿').click();

    await page.waitForURL(/resident-wishes\/pages\/detail/);
    await visibleText(page, '待审核').waitFor();
    await visibleText(page, '孙丽 · 发布心愿').waitFor();
  });

  test('李红梅 approves it in the review queue', async () => {
    await loginAs(page, server.url, '李红梅');
    await visibleText(page, '心愿审核', true).click();
    await page.waitForURL(/wishes-staff\/pages\/review/);
    const queued = card(TITLE);
    await queued.waitFor();
    // The home page stays in the DOM; wait until it has slid away before taking the picture.
    await visibleText(page, '社区工作台').waitFor({ state: 'hidden' });
    // Staff see the resident's full name in the queue.
    expect(await queued.textContent()).toContain('孙丽');
    await screenshot(page, 'wishes-2-review-queue');

    await queued.locator('taro-button-core', { hasText: '审核通过' }).click();
    await visibleText(page, '通过后将展示在心愿墙').waitFor();
    await dialogButton('确认通过').click();
    await visibleText(page, '没有待审核的心愿').waitFor();
  });

  test('刘芳 claims it on the wall and fulfils it with a photo', async () => {
    await loginAs(page, server.url, '刘芳');
    await openWall();
    const onWall = card(TITLE);
    await onWall.waitFor();
    // The public sees the beneficiary masked.
    expect(await onWall.textContent()).toContain('孙**');
    expect(await onWall.textContent()).not.toContain('孙丽');
    await screenshot(page, 'wishes-3-wall');

    await onWall.locator('taro-button-core', { hasText: '我来认领' }).click();
    // The wall asks with WeChat's own modal (Taro draws it in h5).
    await page.locator('.taro-modal__text').filter({ hasText: '每人最多同时认领3个心愿', visible: true }).waitFor();
    await page.locator('.taro-model__confirm').filter({ visible: true }).click();
    await page.waitForURL(/resident-wishes\/pages\/detail/);
    await visibleText(page, '已认领').waitFor();
    // The claimer sees the phone number to arrange the delivery.
    await visibleText(page, '13800000022').waitFor();

    await button(page, '报告圆梦').click();
    await page.locator('textarea[placeholder="如：已将收音机送到老人家中，并教会使用"]').fill('已把收音机送到家中，调好了戏曲频道。');
    // Taro's h5 chooseImage opens a hidden <input type="file">: answer its file chooser.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visibleText(page, '添加照片').click()]);
    await chooser.setFiles({ name: 'radio.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.wish-fulfil .photo-picker__image').filter({ visible: true }).first().waitFor();
    await visibleText(page, '认领成功').waitFor({ state: 'hidden' });
    await screenshot(page, 'wishes-3b-fulfil-form');
    await button(page, '提交圆梦').click();

    await visibleText(page, '等待确认收到').waitFor();
    await visibleText(page, '刘芳 · 提交圆梦').waitFor();
  });

  test('孙丽 confirms receipt, and 累计圆梦 has risen by one', async () => {
    await loginAs(page, server.url, '孙丽');
    await visibleText(page, '我的心愿', true).click();
    await page.waitForURL(/resident-wishes\/pages\/mine/);
    await card(TITLE).locator('.wish-card__name').click();
    await page.waitForURL(/resident-wishes\/pages\/detail/);

    await button(page, '确认收到').click();
    await visibleText(page, '不能撤销').waitFor();
    await dialogButton('确认收到').click();
    await visibleText(page, '孙丽 · 确认收到').waitFor();
    expect(await page.locator('.wish-timeline').filter({ visible: true }).first().textContent()).toMatch(
      /发布心愿.*审核通过.*认领心愿.*提交圆梦.*确认收到/,
    );
    await visibleText(page, '已确认收到').waitFor({ state: 'hidden' });
    await page.locator('.wish-timeline').filter({ visible: true }).first().scrollIntoViewIfNeeded();
    await screenshot(page, 'wishes-4-detail-confirmed');

    // Back on the wall, freshly loaded.
    await page.goto(`${server.url}/#/pages/wishes/index`);
    await page.reload();
    expect(await wallCount('累计圆梦')).toBe(fulfilledBefore + 1);
    await visibleText(page, '已确认', true).click();
    await card(TITLE).waitFor();
    await screenshot(page, 'wishes-5-wall-after');
  });
});
