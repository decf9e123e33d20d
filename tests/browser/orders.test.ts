/**
 * Loop 1 end to end in the browser, against the real local server and the built h5 app:
 * 孙丽 orders 小家电维修 → 李红梅 dispatches it to 张建国 → 张建国 starts and completes it with a
 * photo → 孙丽 rates it 5★ and sees the whole timeline → 张建国 has 15 points (10 + 5★ bonus 5).
 */
import { deflateSync } from 'node:zlib';
import type { Browser, Locator, Page } from 'playwright-core';
import { button, cell, launchChromium, loginAs, phonePage, screenshot, visibleText } from './browser';
import { startLocalServer, type LocalServer } from './server';

/** A real 24×24 PNG (solid brand red), built byte by byte so the gateway's type sniffing accepts it. */
const redPng = (): Buffer => {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const size = 24;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([0xc8, 0x16, 0x1d]))]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

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
/** A button inside the open NutUI dialog (the page behind may have one with the same words). */
const dialogButton = (text: string) => visible(page.locator('.nut-dialog taro-button-core', { hasText: new RegExp(`^\\s*${text}\\s*$`) }));
const chip = (text: string | RegExp) => visible(page.locator('.chip', { hasText: text }));
const orderCard = (text: string) => visible(page.locator('.order-card', { hasText: text }));
const entry = (title: string) => visible(page.locator('.entry', { hasText: title }));
/** A screenshot once the h5 page slide-in and any toast (1.5 s) are over; assertions never wait on this. */
const shot = async (name: string) => {
  await page.waitForTimeout(1800);
  await screenshot(page, name);
};

describe('点菜 → 派单 → 送菜 → 评菜 in the browser, against the local server', () => {
  let orderUrl = '';

  test('孙丽 orders 小家电维修 from the menu', async () => {
    await loginAs(page, server.url, '孙丽');
    await visible(page.locator('.weui-tabbar__label', { hasText: /^服务$/ })).click();
    await cell(page, '小家电维修').click();
    await button(page, '我要点单').click();
    await page.waitForURL(/resident-orders\/pages\/form/);

    // Prefilled from the profile.
    await expect(visible(page.locator('input[placeholder="如：2号楼2单元402"]')).inputValue()).resolves.toBe('2号楼2单元402');
    await expect(visible(page.locator('input[placeholder="请输入11位手机号"]')).inputValue()).resolves.toBe('13800000022');

    await button(page, '确认点单').click();
    await visibleText(page, '请选择预约日期', true).waitFor();
    await visibleText(page, '请选择时段', true).waitFor();

    await chip(/^明天/).click();
    await chip(/^上午$/).click();
    await visible(page.locator('textarea[placeholder="如：电饭煲不加热（选填）"]')).fill('电饭煲不加热');
    await shot('orders-1-form');
    await button(page, '确认点单').click();

    await page.waitForURL(/resident-orders\/pages\/detail\/index\?id=/);
    orderUrl = page.url();
    await visibleText(page, '社区正在为您安排党员志愿者', false).waitFor();
    await visibleText(page, '孙丽 · 提交订单', true).waitFor();
  });

  test('李红梅 dispatches it to 张建国 from the 派单台', async () => {
    await loginAs(page, server.url, '李红梅');
    await entry('派单台').click();
    await page.waitForURL(/orders-staff\/pages\/dispatch/);
    await orderCard('孙丽').waitFor();
    await expect(visible(page.locator('.count-grid__cell', { hasText: '待派单' })).textContent()).resolves.toBe('1待派单');
    await shot('orders-2-dispatch-board');

    await orderCard('孙丽').click();
    await page.waitForURL(/orders-staff\/pages\/order/);
    const zhang = visible(page.locator('.member-option', { hasText: '张建国' }));
    await expect(zhang.textContent()).resolves.toContain('技能匹配');
    await zhang.locator('taro-button-core').click();
    await dialogButton('确认派单').click();
    await visibleText(page, '李红梅 · 派单', true).waitFor();
    await visibleText(page, '派给张建国', true).waitFor();
  });

  test('张建国 starts the task and completes it with a photo', async () => {
    await loginAs(page, server.url, '张建国');
    await entry('我的任务').click();
    await page.waitForURL(/orders-member\/pages\/tasks/);
    await orderCard('小家电维修').click();
    await page.waitForURL(/orders-member\/pages\/task\/index/);

    // The order is his: full address and phone.
    await visibleText(page, '2号楼2单元402', true).waitFor();
    await visibleText(page, '13800000022', true).waitFor();

    await button(page, '开始服务').click();
    await dialogButton('开始服务').click();
    await visibleText(page, '张建国 · 开始服务', true).waitFor();

    await visible(page.locator('textarea[placeholder="如：更换了电饭煲温控器，已试用正常"]')).fill('更换了电饭煲温控器，已试用正常');
    // Taro h5's chooseImage puts an <input type="file" id="taroChooseImage"> in the page and clicks it.
    const chooser = page.waitForEvent('filechooser');
    await visible(page.locator('.photo-grid__add')).click();
    await (await chooser).setFiles({ name: 'repair.png', mimeType: 'image/png', buffer: redPng() });
    await visible(page.locator('.photo-grid__image')).waitFor();
    await expect(visibleText(page, '添加照片 1/6').textContent()).resolves.toContain('1/6');
    await shot('orders-3-task-detail');

    await button(page, '完成服务').click();
    await visibleText(page, '张建国 · 完成服务', true).waitFor();
    // The photo is now stored and served by the local gateway.
    const src = await visible(page.locator('.photo-grid__image img, img.photo-grid__image')).getAttribute('src');
    expect(src).toMatch(/^\/files\/[a-z0-9]+\.png$/);
    const photo = await fetch(`${server.url}${src}`);
    expect(photo.headers.get('content-type')).toBe('image/png');
  });

  test('孙丽 rates it 5★ and sees the five steps of the timeline', async () => {
    await loginAs(page, server.url, '孙丽');
    await entry('我的订单').click();
    await page.waitForURL(/resident-orders\/pages\/list/);
    await visible(page.locator('.kind-switch__tab', { hasText: '待评价' })).click();
    await orderCard('小家电维修').click();
    await page.waitForURL(/resident-orders\/pages\/detail/);
    expect(page.url()).toBe(orderUrl);

    await visible(page.locator('#star-5')).click();
    await visibleText(page, '5星 · 非常满意', true).waitFor();
    await chip(/^准时$/).click();
    await chip(/^专业$/).click();
    await visible(page.locator('textarea[placeholder="说说这次服务（选填）"]')).fill('张师傅修得又快又好');
    await button(page, '提交评价').click();

    await visibleText(page, '孙丽 · 评价服务', true).waitFor();
    const steps = await page.locator('.timeline__item').filter({ visible: true }).allTextContents();
    expect(steps).toHaveLength(5);
    // Oldest first, in words, like a wish's timeline.
    expect(steps[0]).toContain('孙丽 · 提交订单');
    expect(steps[1]).toContain('李红梅 · 派单');
    expect(steps[2]).toContain('张建国 · 开始服务');
    expect(steps[3]).toContain('张建国 · 完成服务');
    expect(steps[4]).toContain('孙丽 · 评价服务');
    await visibleText(page, '张师傅修得又快又好', true).waitFor();
    await shot('orders-4-rated-timeline');
  });

  test('张建国 has 15 points: 10 for the order and 5 for the 5★ rating', async () => {
    await loginAs(page, server.url, '张建国');
    await entry('我的积分').click();
    await page.waitForURL(/orders-member\/pages\/points/);
    const total = visible(page.locator('.points-hero__cell', { hasText: '累计积分' }).locator('.points-hero__number'));
    await expect(total.textContent()).resolves.toBe('15');
    await visibleText(page, '完成服务订单', true).waitFor();
    await visibleText(page, '居民好评奖励', true).waitFor();
    await shot('orders-5-points');

    await button(page, '查看先锋榜').click();
    await page.waitForURL(/me\/pages\/leaderboard/);
    const first = visible(page.locator('.board-row', { hasText: '张建国' }));
    await expect(first.textContent()).resolves.toMatch(/^1张建国（我）.*15积分$/);
  });

  test('孙丽 sees the notices in 消息中心, with the unread count on 我的', async () => {
    await loginAs(page, server.url, '孙丽');
    await visible(page.locator('.weui-tabbar__label', { hasText: /^我的$/ })).click();
    const messages = visible(page.locator('.nut-cell', { hasText: '消息中心' }));
    await expect(messages.locator('.badge-count').textContent()).resolves.toBe('2');
    await messages.click();
    await page.waitForURL(/me\/pages\/messages/);
    await visibleText(page, '您的服务已有党员接单', true).waitFor();
    await visibleText(page, '服务已完成，请评价', true).waitFor();
    await button(page, '全部已读').click();
    await expect(visible(page.locator('.strong-number')).textContent()).resolves.toBe('0');
    await shot('orders-6-messages');
  });

  test('李红梅 orders for 赵秀兰 (代点单); 张建国 grabs it from the 任务大厅', async () => {
    await loginAs(page, server.url, '李红梅');
    await entry('代点单').click();
    await page.waitForURL(/orders-staff\/pages\/proxy/);
    const residents = page.locator('.nut-cell').filter({ visible: true });
    await residents.first().waitFor();
    // 长辈 first, and marked.
    await expect(residents.first().textContent()).resolves.toMatch(/^赵秀兰长辈/);
    await residents.first().click();
    await cell(page, '上门理发').click();
    await expect(visible(page.locator('input[placeholder="如：2号楼2单元402"]')).inputValue()).resolves.toBe('1号楼1单元101');
    await chip(/^后天/).click();
    await chip(/^下午$/).click();
    await button(page, '确认点单').click();
    await page.waitForURL(/orders-staff\/pages\/order\/index/);
    // The timeline names no one for a proxy order (main: privacy), it says the community ordered.
    await visibleText(page, '社区代点单', true).waitFor();
    // 上门理发 needs 陪伴照护: 刘芳 matches, 张建国 does not.
    const liu = visible(page.locator('.member-option', { hasText: '刘芳' }));
    await expect(liu.textContent()).resolves.toContain('技能匹配');
    await expect(visible(page.locator('.member-option', { hasText: '张建国' })).textContent()).resolves.not.toContain('技能匹配');

    // A service 张建国 can do, for the hall.
    await page.goto(`${server.url}/#/packages/orders-staff/pages/proxy/index`);
    await visible(page.locator('.nut-cell', { hasText: '赵秀兰' })).click();
    await cell(page, '水电小修').click();
    await chip(/^明天/).click();
    await chip(/^上午$/).click();
    await button(page, '确认点单').click();
    await page.waitForURL(/orders-staff\/pages\/order\/index/);

    await loginAs(page, server.url, '张建国');
    await entry('任务大厅').click();
    await page.waitForURL(/orders-member\/pages\/hall/);
    const card = orderCard('水电小修');
    await expect(card.textContent()).resolves.toContain('赵**（代点单） · 138****0021'); // masked before it is theirs (main: privacy)
    await expect(card.textContent()).resolves.not.toContain('1号楼1单元101');
    await expect(page.locator('.order-card', { hasText: '上门理发' }).filter({ visible: true }).count()).resolves.toBe(0);
    await shot('orders-7-task-hall');
    await card.locator('taro-button-core').click();
    await dialogButton('确认接单').click();
    await page.waitForURL(/orders-member\/pages\/task\/index/);
    await visibleText(page, '1号楼1单元101', true).waitFor();
    await visibleText(page, '13800000021', true).waitFor();
    await visibleText(page, '党员抢单', true).waitFor();
  });
});
