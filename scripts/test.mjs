// npm test: typecheck, build what the tests load (weapp, h5, functions), make sure Chromium is
// there, then run every jest project (unit, store, integration, component, weapp), then the
// browser tests against the built local server.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const step = (title, command, args, env = {}) => {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
};

const jestArgs = process.argv.slice(2);
step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('build weapp', 'npx', ['taro', 'build', '--type', 'weapp'], { NODE_ENV: 'production' });
step('build h5', 'npx', ['taro', 'build', '--type', 'h5'], { NODE_ENV: 'production' });
step('build functions', 'node', ['scripts/build-functions.mjs']);
step('ensure chromium', 'bash', ['scripts/ensure-chromium.sh']);
const reports = mkdtempSync(join(tmpdir(), 'linli-jest-'));
const mainReport = join(reports, 'main.json');
const browserReport = join(reports, 'browser.json');
step('jest: unit, store, adapters, integration, component, weapp', 'npx', ['jest', '--ci', '--json', `--outputFile=${mainReport}`, ...jestArgs]);
// One browser at a time: each test drives a real server and a real Chromium on two cores.
step('jest: browser', 'npx', ['jest', '--ci', '--runInBand', '--json', `--outputFile=${browserReport}`, '-c', 'tests/browser/jest.config.js', ...jestArgs]);

const totals = [mainReport, browserReport]
  .map((file) => JSON.parse(readFileSync(file, 'utf8')))
  .reduce((sum, r) => ({ passed: sum.passed + r.numPassedTests, failed: sum.failed + r.numFailedTests }), { passed: 0, failed: 0 });
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
