/**
 * npm run bench: the figures issue 10 asks for, each against its target. A benchmark, not a test:
 * it prints, and exits 1 only when a figure misses its target, so that a regression is seen.
 *  1. Lists at 1,000 and at 100,000 documents per collection (local SQLite, one process): the
 *     median time of every list action at both sizes and the ratio (target ≤ 1.5×).
 *  2. Round trips of every action on its usual path, counted at the Store port: total, and one
 *     after another (target ≤ 3 for a mutation, ≤ 2 for a read).
 *  3. Sizes: the weapp main package (target ≤ 500 KB) and each function bundle, which must load
 *     no slower than a bare @cloudbase/node-sdk bundle.
 * `npm run bench -- --quick` uses 10,000 instead of 100,000 (for a quick look).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { openLocalApp, type LocalApp } from '../../cloudfunctions/_local/localApp';
import { demoOpenid, seedDemo } from '../../cloudfunctions/_local/seed';
import { DEMO_USERS } from '../../cloudfunctions/_local/demoData';
import { userIdFor } from '../../cloudfunctions/_core/users/userDoc';
import type { FunctionName } from '../../types/api';
import type { Store } from '../../cloudfunctions/_core/store/port';
import { TOUR } from '../support/actionTour';
import { countingStore, type Counting } from '../support/countingStore';
import { openHarness } from '../support/harness';
import { manualClock } from '../support/manualClock';
import { addVolume } from './volume';

const root = join(__dirname, '..', '..');
const quick = process.argv.includes('--quick');
const BIG = quick ? 10_000 : 100_000;
const SMALL = 1_000;
let missed = 0;
const verdict = (ok: boolean) => {
  if (!ok) missed++;
  return ok ? 'ok' : 'MISSED';
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const padL = (s: string | number, n: number) => String(s).padStart(n);

type ListCall = [name: string, fn: FunctionName, action: string, as: string, data: Record<string, unknown>];
const LISTS: ListCall[] = [
  ['orders.listMyOrders', 'orders', 'listMyOrders', 'resident-sun', {}],
  ['orders.taskHall', 'orders', 'taskHall', 'member-zhang', {}],
  ['orders.myTasks', 'orders', 'myTasks', 'member-zhang', {}],
  ['orders.dispatchBoard', 'orders', 'dispatchBoard', 'staff-li', {}],
  ['orders.listOrdersAdmin', 'orders', 'listOrdersAdmin', 'staff-li', {}],
  ['orders.listOrdersAdmin rated', 'orders', 'listOrdersAdmin', 'staff-li', { status: 'rated' }],
  ['wishes.wishWall', 'wishes', 'wishWall', 'resident-sun', {}],
  ['wishes.wishWall confirmed', 'wishes', 'wishWall', 'resident-sun', { status: 'confirmed' }],
  ['wishes.myWishes', 'wishes', 'myWishes', 'resident-sun', {}],
  ['wishes.myClaims', 'wishes', 'myClaims', 'member-zhang', {}],
  ['wishes.reviewQueue', 'wishes', 'reviewQueue', 'staff-li', {}],
  ['points.leaderboard month', 'points', 'leaderboard', 'member-zhang', { period: 'month' }],
  ['points.leaderboard quarter', 'points', 'leaderboard', 'member-zhang', { period: 'quarter' }],
  ['points.leaderboard year', 'points', 'leaderboard', 'member-zhang', { period: 'year' }],
  ['points.myPoints', 'points', 'myPoints', 'member-zhang', {}],
  ['users.listMessages', 'users', 'listMessages', 'resident-sun', {}],
  ['users.listUsers', 'users', 'listUsers', 'staff-li', { role: 'resident' }],
  ['users.listUsers keyword', 'users', 'listUsers', 'staff-li', { keyword: '孙' }],
  ['activities.mySignups', 'activities', 'mySignups', 'resident-sun', {}],
  ['activities.monthMenu', 'activities', 'monthMenu', 'resident-sun', {}],
  ['reports.monthlyReview', 'reports', 'monthlyReview', 'staff-li', { month: '2026-10' }],
];

const NOW = Date.parse('2026-11-23T09:00:00+08:00');

const openWithVolume = async (perCollection: number): Promise<{ app: LocalApp; dir: string }> => {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-'));
  const app = openLocalApp({ dataDir: dir, clock: manualClock(NOW) });
  await seedDemo(app.ports.store, NOW);
  const key = (k: string) => userIdFor(demoOpenid({ key: k }));
  const started = performance.now();
  addVolume(join(dir, 'linli.sqlite'), perCollection, NOW, {
    residents: DEMO_USERS.filter((u) => u.role === 'resident').map((u) => key(u.key)),
    members: DEMO_USERS.filter((u) => u.role === 'member').map((u) => key(u.key)),
  });
  console.log(`  seeded ${perCollection.toLocaleString()} documents per collection in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { app, dir };
};

const timeLists = async (app: LocalApp): Promise<Map<string, number>> => {
  const out = new Map<string, number>();
  for (const [name, fn, action, as, data] of LISTS) {
    const call = () => app.handlers[fn]({ action, data }, { openid: `demo-${as}` });
    const first = await call();
    if (!first.ok) throw new Error(`${name}: ${first.error.code} ${first.error.message}`);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      await call();
      times.push(performance.now() - t);
    }
    out.set(name, median(times));
  }
  return out;
};

const lists = async () => {
  console.log(`\n1. Lists at ${SMALL.toLocaleString()} and ${BIG.toLocaleString()} documents per collection (median of 15 calls; target: ratio ≤ 1.5×)`);
  const small = await openWithVolume(SMALL);
  const smallTimes = await timeLists(small.app);
  await small.app.close();
  rmSync(small.dir, { recursive: true, force: true });
  const big = await openWithVolume(BIG);
  const bigTimes = await timeLists(big.app);
  await big.app.close();
  rmSync(big.dir, { recursive: true, force: true });
  console.log(`  ${pad('action', 32)}${padL('1k ms', 9)}${padL(`${BIG / 1000}k ms`, 10)}${padL('ratio', 8)}`);
  for (const [name] of LISTS) {
    const a = smallTimes.get(name)!;
    const b = bigTimes.get(name)!;
    // Under 1 ms either way is noise, not growth.
    const ratio = b / Math.max(a, 1);
    console.log(`  ${pad(name, 32)}${padL(a.toFixed(2), 9)}${padL(b.toFixed(2), 10)}${padL(`${ratio.toFixed(2)}×`, 8)}  ${verdict(ratio <= 1.5)}`);
  }
};

const roundTrips = async () => {
  console.log('\n2. Store calls per action on its usual path (total, and one after another; target ≤ 3 for a mutation, ≤ 2 for a read)');
  for (const stop of TOUR) {
    let counting!: Counting;
    const h = await openHarness({ interleave: false, wrap: (s: Store) => (counting = countingStore(s)).store });
    try {
      const call = await stop.setup(h);
      counting.reset();
      const answer = await call();
      const { total, sequential } = counting.figures;
      const limit = stop.kind === 'write' ? 3 : 2;
      console.log(`  ${pad(stop.name, 40)}${pad(stop.kind, 6)}${padL(total, 4)} in all ${padL(sequential, 3)} in a row  ${answer.ok ? verdict(sequential <= limit) : `FAILED ${answer.error.code}`}`);
      if (!answer.ok) missed++;
    } finally {
      await h.close();
    }
  }
};

const sizeOf = (path: string): number =>
  statSync(path).isDirectory() ? readdirSync(path).reduce((sum, f) => sum + sizeOf(join(path, f)), 0) : statSync(path).size;

/** Median time to require a bundle in a fresh process, in ms. */
const loadTime = (file: string): number => {
  const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(file)}); console.log(Number(process.hrtime.bigint() - t) / 1e6);`;
  const times = Array.from({ length: 7 }, () => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim()));
  return median(times);
};

const sizes = async () => {
  console.log('\n3. Sizes');
  const weapp = join(root, 'dist', 'weapp');
  if (existsSync(join(weapp, 'app.json'))) {
    const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
    const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
    const all = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? all(join(dir, f)) : [join(dir, f)]));
    const files = all(weapp);
    const inSub = (f: string) => roots.some((r) => relative(weapp, f).startsWith(`${r}/`));
    const main = files.filter((f) => !inSub(f)).reduce((s, f) => s + statSync(f).size, 0);
    console.log(`  weapp main package ${padL((main / 1024).toFixed(0), 6)} KB (target ≤ 500 KB)  ${verdict(main <= 500 * 1024)}`);
    for (const r of roots) console.log(`    subpackage ${pad(r, 34)}${padL((sizeOf(join(weapp, r)) / 1024).toFixed(0), 6)} KB`);
  } else {
    console.log('  dist/weapp is not built (npm run build:weapp): main package not measured');
  }
  const tmp = mkdtempSync(join(tmpdir(), 'linli-bare-'));
  const bare = join(tmp, 'bare.js');
  writeFileSync(join(tmp, 'entry.js'), "module.exports = require('@cloudbase/node-sdk');");
  await build({ entryPoints: [join(tmp, 'entry.js')], bundle: true, platform: 'node', target: 'node16', format: 'cjs', minify: true, outfile: bare, logLevel: 'error', nodePaths: [join(root, 'node_modules')] });
  const bareMs = loadTime(bare);
  console.log(`  a bare @cloudbase/node-sdk bundle: ${padL((statSync(bare).size / 1024).toFixed(0), 6)} KB, loads in ${bareMs.toFixed(1)} ms`);
  const functions = join(root, 'dist', 'cloudfunctions');
  for (const name of existsSync(functions) ? readdirSync(functions) : []) {
    const file = join(functions, name, 'index.js');
    const ms = loadTime(file);
    console.log(`  function ${pad(name, 12)}${padL((statSync(file).size / 1024).toFixed(0), 6)} KB, loads in ${padL(ms.toFixed(1), 6)} ms  ${verdict(ms <= bareMs * 1.05)}`);
  }
  rmSync(tmp, { recursive: true, force: true });
};

const main = async () => {
  const started = performance.now();
  await lists();
  await roundTrips();
  await sizes();
  console.log(`\n${missed === 0 ? 'every figure at or under its target' : `${missed} figure(s) missed their target`} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  process.exit(missed === 0 ? 0 : 1);
};

void main();
