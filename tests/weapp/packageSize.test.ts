/**
 * @jest-environment node
 *
 * The weapp main package (tab pages, app shell, what they share) stays within 500 KB, so the first
 * open is quick on a slow network; everything else loads from subpackages. Prints the sizes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatSizes, MAIN_PACKAGE_BUDGET, packageSizes, WEAPP_DIR } from './packageSize';

describe('weapp package sizes', () => {
  const sizes = packageSizes();

  it(`keeps the main package within ${MAIN_PACKAGE_BUDGET} bytes`, () => {
    console.log(formatSizes(sizes));
    expect(sizes.main).toBeGreaterThan(0);
    expect(sizes.main).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET);
  });

  it('puts only the tab pages in the main package', () => {
    const mainPages = sizes.mainFiles.map((f) => f.file).filter((f) => f.startsWith('pages/') && f.endsWith('.js'));
    expect(mainPages.sort()).toEqual(['pages/activities/index.js', 'pages/index/index.js', 'pages/menu/index.js', 'pages/mine/index.js', 'pages/wishes/index.js']);
  });

  it('keeps zod, qrcode and dayjs out of the main package', () => {
    const mainScripts = sizes.mainFiles.filter((f) => f.file.endsWith('.js')).map((f) => readFileSync(path.join(WEAPP_DIR, f.file), 'utf8')).join('\n');
    expect(mainScripts).not.toMatch(/\$ZodType/);
    expect(mainScripts).not.toMatch(/stringToBytes/);
    expect(mainScripts).not.toMatch(/\$isDayjsObject|isDayjs/);
  });
});
