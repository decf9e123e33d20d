// Draws the tab bar's icons (WeChat's tabBar takes image files, ≤ 40 KB, 81 × 81 px recommended)
// from @nutui/icons-react-taro's SVGs, grey when not selected and brand red when selected, with
// Debian's Chromium. Run once after changing icons: node scripts/make-tab-icons.mjs
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ICONS = join(root, 'node_modules/@nutui/icons-react-taro/dist/es/icons');
const OUT = join(root, 'src/assets/tabbar');
const GREY = '#666666';
const RED = '#C8161D';

/** tab name → [icon when not selected, icon when selected] */
const TABS = {
  home: ['Home', 'HomeF'],
  menu: ['Service', 'Service'],
  wishes: ['Heart', 'HeartF'],
  activities: ['Notice', 'NoticeF'],
  mine: ['User', 'UserF'],
};

const svgOf = (icon, colour) => {
  const source = readFileSync(join(ICONS, `${icon}.js`), 'utf8');
  const base64 = /svg64: "data:image\/svg\+xml;base64,([^"]+)"/.exec(source)[1];
  return Buffer.from(base64, 'base64').toString('utf8').replace(/fill="#[0-9a-fA-F]{3,6}"/g, `fill="${colour}"`);
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 81, height: 81 }, deviceScaleFactor: 1 });
for (const [tab, [plain, selected]] of Object.entries(TABS)) {
  for (const [suffix, icon, colour] of [['', plain, GREY], ['-active', selected, RED]]) {
    const svg = svgOf(icon, colour).replace('<svg ', '<svg width="66" height="66" ');
    await page.setContent(`<html><body style="margin:0;background:transparent;display:flex;align-items:center;justify-content:center;width:81px;height:81px">${svg}</body></html>`);
    await page.screenshot({ path: join(OUT, `${tab}${suffix}.png`), omitBackground: true });
  }
}
await browser.close();
console.log(`tab bar icons written to ${OUT}`);
