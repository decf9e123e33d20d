import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createGateway } from './gateway';
import { runJobs } from '../_core/scheduler/runJobs';
import { SETUP_ID, SYSTEM } from '../_core/users/setup';
import { openLocalApp } from './localApp';
import { seedDemo } from './seed';
import { seedHistory } from './demoHistory';
import { createTokenSigner } from './tokens';

/** The session secret survives restarts so that logged-in browsers stay logged in. */
const loadSecret = (dataDir: string): string => {
  const file = join(dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
};

/** LINLI_SETUP_CODE, or a code made once for this data directory (printed below). */
const loadSetupCode = (dataDir: string): string => {
  if (process.env.LINLI_SETUP_CODE) return process.env.LINLI_SETUP_CODE;
  const file = join(dataDir, 'setup-code');
  if (!existsSync(file)) writeFileSync(file, `LOCAL-${randomBytes(4).toString('hex').toUpperCase()}`, { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
};

const main = async () => {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  const staticDir = resolve(process.env.STATIC_DIR ?? 'dist/h5');
  // LINLI_SEED=none: a fresh deployment, set up in the app with the setup code alone.
  const demo = process.env.LINLI_SEED !== 'none';
  // A fresh clone has no data directory yet: the secret and the setup code are written into it first.
  mkdirSync(dataDir, { recursive: true });

  const app = openLocalApp({ dataDir, setupCode: loadSetupCode(dataDir), persistOutbox: true });
  const seeded = demo && (await app.ports.store.count('communities', {})) === 0;
  if (seeded) await seedDemo(app.ports.store, app.ports.clock.now());
  // A fresh data directory gets the demo community's last twelve months (DEMO_HISTORY=0: without).
  if (seeded && process.env.DEMO_HISTORY !== '0') {
    console.log('写入演示社区近12个月的历史数据…');
    const history = await seedHistory(app, { now: app.ports.clock.now() });
    if (history.ran) console.log(`演示历史 ${history.from} 至 ${history.to}：${history.calls} 次操作，用时 ${(history.ms / 1000).toFixed(1)} 秒`);
  }

  const server = createGateway({
    handlers: app.handlers,
    store: app.ports.store,
    tokens: createTokenSigner(loadSecret(dataDir)),
    files: app.files,
    outbox: app.outbox,
    staticDir,
    devLogin: true,
  });
  const setUp = (await app.ports.store.get(SYSTEM, SETUP_ID)) !== null;
  server.listen(port, host, () => {
    console.log(`邻里服务 本地模式已启动: http://${host}:${port}/`);
    console.log(`数据目录 DATA_DIR=${dataDir}${seeded ? '（已写入演示数据）' : demo ? '' : '（未写入演示数据：LINLI_SEED=none）'}`);
    console.log(`端口 PORT=${port}`);
    if (!setUp) console.log(`初始化码（第一个输入者成为街道管理员）：${app.ports.settings.setupCode}`);
    console.log('订阅消息不会发到微信：本地只记入发件箱（GET /api/dev/outbox，及数据目录下 outbox.jsonl）');
  });
  // Locally the timer runs every minute, so that demo time rules show up without waiting; the
  // image verdicts the content-security stand-in queued are delivered after each tick.
  const tick = setInterval(
    () => void runJobs(app.ports).then(() => app.deliverMediaVerdicts()).catch((e: unknown) => console.error('[scheduler]', e)),
    Number(process.env.SCHEDULER_INTERVAL_MS ?? 60_000),
  );
  const stop = () => (clearInterval(tick), server.close(() => void app.close().then(() => process.exit(0))));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

void main();
