import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ARTIFACTS = join(__dirname, '..', 'artifacts');

/**
 * Debian's Chromium, started the way this machine allows (no network, no sandbox as root).
 * Playwright gives every launch a fresh temporary profile.
 */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

/** A phone-sized page, as the app is meant to be seen. */
export const phonePage = async (browser: Browser): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
};

export const screenshot = async (page: Page, name: string) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
};

/** The demo login of local mode: pick the account by its name (a fresh page starts logged out). */
export const loginAs = async (page: Page, baseUrl: string, name: string) => {
  await page.goto(`${baseUrl}/#/pages/login/index`);
  await page.evaluate(() => window.localStorage.clear());
  await page.goto(`${baseUrl}/#/pages/login/index`);
  await page.reload();
  const row = page.locator('.nut-cell').filter({ hasText: name }).first();
  await row.locator('.nut-button').click();
  await page.waitForURL(/pages\/index\/index/);
};

/** NutUI buttons swallow clicks on their inner text: click the (visible) button element itself. */
export const button = (page: Page, text: string | RegExp) =>
  page
    .locator('taro-button-core', { hasText: typeof text === 'string' ? new RegExp(`^\\s*${text}\\s*$`) : text })
    .filter({ visible: true })
    .first();

/** Taro's h5 router keeps earlier pages in the DOM, hidden: look only at what is on screen. */
export const visibleText = (page: Page, text: string, exact = false) => page.getByText(text, { exact }).filter({ visible: true }).first();

/** A NutUI cell row (clickable as a whole: its children do not take clicks). */
export const cell = (page: Page, text: string) => page.locator('.nut-cell').filter({ hasText: text, visible: true }).first();
