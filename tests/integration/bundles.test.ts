/**
 * What is deployed: one self-contained folder per function under dist/cloudfunctions (built by
 * `npm test` before jest runs), equal to the registry, to cloudbaserc.json and to each function's
 * config.json. Each folder is copied alone to an empty directory and run in a process of its own,
 * as the platform runs it (SCF's variables, the caller in the invocation context), against the
 * CloudBase emulator: its `main` must answer an envelope.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FUNCTIONS } from '../../cloudfunctions/_core/functions';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { seedDemo, demoOpenid } from '../../cloudfunctions/_local/seed';
import { DEMO_USERS } from '../../cloudfunctions/_local/demoData';
import { openEmulatedStore, type EmulatedStore } from '../support/emulator/cloudbaseOverEmulator';
import { createHandler } from '../../cloudfunctions/_core/runtime/defineFunction';
import { systemClock } from '../../cloudfunctions/_core/ports';
import { randomId } from '../../cloudfunctions/_core/runtime/ids';
import { createOutbox } from '../../cloudfunctions/_adapters/local/outbox';
import { createLocalSecurity } from '../../cloudfunctions/_adapters/local/localSecurity';
import { localSubscribeConfig } from '../../cloudfunctions/_core/messages/subscribeTemplates';

/** The handlers in this process, over the emulator: to set a scene the bundles then act on. */
const openLocalAppOver = (emulated: EmulatedStore) => {
  const ports = {
    store: emulated.store,
    clock: systemClock,
    newId: () => randomId(),
    files: { exists: async () => true },
    notifier: createOutbox({ clock: systemClock }).notifier,
    security: createLocalSecurity().security,
    settings: { setupCode: null, subscribe: localSubscribeConfig() },
  };
  return Object.fromEntries(Object.entries(FUNCTIONS).map(([name, def]) => [name, createHandler(def as never, ports)])) as Record<keyof typeof FUNCTIONS, ReturnType<typeof createHandler>>;
};

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const out = join(root, process.env.LINLI_DIST ?? 'dist', 'cloudfunctions');
const sources = join(root, 'cloudfunctions');
const deployable = readdirSync(sources, { withFileTypes: true })
  .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
  .map((e) => e.name)
  .sort();
const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as {
  functionRoot: string;
  functions: Array<{ name: string; runtime: string; timeout: number; triggers?: unknown[] }>;
};
const configOf = (name: string) => JSON.parse(readFileSync(join(sources, name, 'config.json'), 'utf8')) as { timeout: number; triggers?: unknown[] };

describe('what is deployed agrees with what exists', () => {
  test('every function in the registry, and the timer, has a source folder, and nothing else does', () => {
    expect(deployable).toEqual([...Object.keys(FUNCTIONS), 'scheduler'].sort());
  });

  test('every source folder was built into a folder of its own', () => {
    for (const name of deployable) {
      expect(existsSync(join(out, name, 'index.js'))).toBe(true);
      expect(existsSync(join(out, name, 'package.json'))).toBe(true);
      expect(JSON.parse(readFileSync(join(out, name, 'config.json'), 'utf8'))).toEqual(configOf(name));
    }
  });

  test('cloudbaserc.json declares each function with the timeout and triggers of its config.json, on Node ≥ 16', () => {
    expect(rc.functionRoot).toBe('./dist/cloudfunctions');
    expect(rc.functions.map((f) => f.name).sort()).toEqual(deployable);
    for (const f of rc.functions) {
      expect(f.timeout).toBe(configOf(f.name).timeout);
      expect(f.triggers).toEqual(configOf(f.name).triggers);
      expect(Number(/^Nodejs(\d+)/.exec(f.runtime)?.[1])).toBeGreaterThanOrEqual(16);
    }
    // The timer and the monthly workbook take longer than a click.
    expect(configOf('scheduler').timeout).toBeGreaterThanOrEqual(60);
    expect(configOf('reports').timeout).toBeGreaterThan(configOf('orders').timeout);
    expect(configOf('scheduler').triggers).toEqual([{ name: 'tick', type: 'timer', config: '0 */10 * * * * *' }]);
  });

  test.each(deployable)('%s requires nothing but Node built-ins', (name) => {
    const code = readFileSync(join(out, name, 'index.js'), 'utf8');
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1].replace(/^node:/, ''));
    const outside = required.filter((m) => !builtinModules.includes(m) && !builtinModules.includes(m.split('/')[0]));
    expect(outside).toEqual([]);
  });
});

describe('each function folder, alone, as the platform runs it', () => {
  let emulated: EmulatedStore;
  let alone: string;
  beforeAll(async () => {
    emulated = await openEmulatedStore(COLLECTIONS, { latencyMs: [0, 2] });
    await seedDemo(emulated.store, Date.now());
    alone = mkdtempSync(join(tmpdir(), 'linli-bundles-'));
    for (const name of deployable) cpSync(join(out, name), join(alone, name), { recursive: true });
  });
  afterAll(async () => {
    await emulated.close();
    rmSync(alone, { recursive: true, force: true });
  });

  const scfEnv = (extra: Record<string, string> = {}) => {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      TENCENTCLOUD_RUNENV: 'SCF',
      SCF_NAMESPACE: 'emulator-env',
      TENCENTCLOUD_REGION: 'ap-shanghai',
      TENCENTCLOUD_SECRETID: 'scf-temporary-id',
      TENCENTCLOUD_SECRETKEY: 'scf-temporary-key',
      TENCENTCLOUD_SESSIONTOKEN: 'scf-session-token',
      // Where the platform tells the SDK to send its requests: here, the emulator.
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: emulated.emulator.serviceUrl }),
      ...extra,
    };
    return env;
  };
  const invoke = async (name: string, event: object, context: object, env = scfEnv()) => {
    const { stdout } = await run(process.execPath, [join(__dirname, '..', 'support', 'bundles', 'invokeBundle.cjs'), join(alone, name), JSON.stringify(event), JSON.stringify(context)], {
      cwd: alone,
      env: env as NodeJS.ProcessEnv,
      timeout: 30_000,
    });
    return JSON.parse(stdout) as { ok: boolean; data?: unknown; error?: { code: string } };
  };
  const asStaff = { request_id: 'req-1', environment: JSON.stringify({ WX_OPENID: demoOpenid(DEMO_USERS[0]), WX_APPID: 'wx-demo' }) };
  const calls: Record<string, object> = {
    users: { action: 'me', data: {} },
    orders: { action: 'listMenu', data: {} },
    points: { action: 'leaderboard', data: { period: 'month' } },
    wishes: { action: 'wishWall', data: {} },
    activities: { action: 'monthMenu', data: {} },
    reports: { action: 'monthlyReview', data: { month: '2026-11' } },
  };

  test.each(Object.keys(calls))('%s answers its caller, named in the invocation context', async (name) => {
    const answer = await invoke(name, calls[name], asStaff);
    expect(answer).toEqual({ ok: true, data: expect.anything() });
  });

  test('the timer runs every job and answers what each did', async () => {
    const answer = await invoke('scheduler', {}, { request_id: 'tick-1' });
    expect(answer.ok).toBe(true);
    expect(Object.keys(answer.data as object)).toEqual(expect.arrayContaining(['orders.flagOverdue', 'orders.reconcile', 'points.reconcile']));
  });

  test('without an openid in the context there is no caller, whatever the process environment holds', async () => {
    const env = scfEnv({ WX_OPENID: demoOpenid(DEMO_USERS[0]), WX_CONTEXT_KEYS: 'WX_OPENID' });
    expect(await invoke('users', { action: 'me', data: {} }, { request_id: 'req-2', environment: JSON.stringify({ WX_APPID: 'wx-demo' }) }, env)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'UNAUTHENTICATED' }),
    });
    // …and an openid in the event is ignored.
    expect(await invoke('users', { action: 'me', data: { openid: demoOpenid(DEMO_USERS[0]) } }, { request_id: 'req-3' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  test('a completed order’s photos are checked in cloud storage: one that exists is kept, one that does not is refused', async () => {
    // An order in the member's hands, brought there through the same handlers in this process.
    const handlers = openLocalAppOver(emulated);
    const as = (key: string) => (action: string, data: object, requestId?: string) => handlers.orders({ action, data, requestId }, { openid: `demo-${key}` });
    const items = (await as('staff-li')('listItemsAdmin', {})) as { ok: true; data: { items: Array<{ _id: string; title: string }> } };
    const item = items.data.items.find((i) => i.title === '小家电维修')!;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const created = (await as('resident-sun')('createOrder', { itemId: item._id, date: today, slot: 'morning', address: '2号楼', phone: '13800000022' }, 'bundle-order-1')) as { ok: true; data: { _id: string } };
    const orderId = created.data._id;
    await as('member-zhang')('grabOrder', { orderId });
    await as('member-zhang')('startOrder', { orderId });
    const asMember = { request_id: 'req-4', environment: JSON.stringify({ WX_OPENID: 'demo-member-zhang' }) };
    const missing = await invoke('orders', { action: 'completeOrder', data: { orderId, summary: '已修好', photos: ['cloud://emulator-env.bucket/photos/none.png'] } }, asMember);
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    emulated.emulator.storedFiles.add('cloud://emulator-env.bucket/photos/done.png');
    const done = await invoke('orders', { action: 'completeOrder', data: { orderId, summary: '已修好', photos: ['cloud://emulator-env.bucket/photos/done.png'] } }, asMember);
    expect(done).toMatchObject({ ok: true, data: { status: 'completed', photos: ['cloud://emulator-env.bucket/photos/done.png'] } });

    // The timer submits the photo to WeChat's mediaCheckAsync through the cloud-call route…
    const submitted = await invoke('scheduler', {}, { request_id: 'tick-photo' });
    expect(submitted).toMatchObject({ ok: true, data: { 'security.submitMedia': 1 } });
    const check = emulated.emulator.wx.calls.find((c) => c.api === 'security.mediaCheckAsync');
    expect(check?.data).toMatchObject({ media_url: expect.stringContaining('done.png'), media_type: 2, version: 2, scene: 4, openid: 'demo-member-zhang' });
    // …and WeChat's verdict, pushed to the scheduler function, hides it.
    const traceId = `media-trace-${emulated.emulator.wx.calls.filter((c) => c.api.startsWith('security.')).length}`;
    const verdict = await invoke('scheduler', { ToUserName: 'gh_x', FromUserName: 'o_system', CreateTime: 1, MsgType: 'event', Event: 'wxa_media_check', appid: 'wx-demo', trace_id: traceId, version: 2, result: { suggest: 'risky', label: 20002 } }, { request_id: 'push-1' });
    expect(verdict).toEqual({ ok: true, data: { settled: 1 } });
    const after = (await as('resident-sun')('getOrder', { orderId })) as { ok: true; data: { photos: string[] } };
    expect(after.data.photos).toEqual([]);
  });

  test('a subscribe message goes out through WeChat’s cloud-call route, with the deploy’s template', async () => {
    const handlers = openLocalAppOver(emulated);
    // The resident said yes on the order tap (through the same handlers in this process).
    await handlers.users({ action: 'reportSubscribe', data: { accepted: ['local-order-accepted'] } }, { openid: 'demo-resident-sun' });
    const items = (await handlers.orders({ action: 'listItemsAdmin', data: {} }, { openid: 'demo-staff-li' })) as { ok: true; data: { items: Array<{ _id: string; title: string }> } };
    const item = items.data.items.find((i) => i.title === '小家电维修')!;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const created = (await handlers.orders({ action: 'createOrder', data: { itemId: item._id, date: today, slot: 'morning', address: '2号楼', phone: '13800000022' }, requestId: 'bundle-order-2' }, { openid: 'demo-resident-sun' })) as { ok: true; data: { _id: string } };
    const templates = JSON.stringify({ miniprogramState: 'formal', templates: { order_accepted: { templateId: 'local-order-accepted' } } });
    const before = emulated.emulator.wx.calls.length;
    const grabbed = await invoke('orders', { action: 'grabOrder', data: { orderId: created.data._id } }, { request_id: 'req-5', environment: JSON.stringify({ WX_OPENID: 'demo-member-zhang' }) }, scfEnv({ LINLI_SUBSCRIBE_TEMPLATES: templates }));
    expect(grabbed).toMatchObject({ ok: true, data: { status: 'assigned' } });
    const sent = emulated.emulator.wx.calls.slice(before).filter((c) => c.api === 'subscribeMessage.send');
    expect(sent).toEqual([
      {
        api: 'subscribeMessage.send',
        data: {
          touser: 'demo-resident-sun',
          template_id: 'local-order-accepted',
          page: `packages/resident-orders/pages/detail/index?id=${encodeURIComponent(created.data._id)}`,
          data: { thing1: { value: '小家电维修' }, name2: { value: '张建国' }, thing3: { value: expect.stringMatching(/月\d+日上午$/) }, phrase4: { value: '已接单' } },
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        },
      },
    ]);
  });

  test('text for others is checked by msgSecCheck v2 with the author’s openid: a refused one answers VALIDATION', async () => {
    const asResident = { request_id: 'req-6', environment: JSON.stringify({ WX_OPENID: 'demo-resident-zhao' }) };
    const inAMonth = new Date(Date.now() + 8 * 3600_000 + 30 * 86_400_000).toISOString().slice(0, 10);
    const wish = { beneficiaryType: 'elderly', kind: 'material', title: '收音机', value: 80, deadline: inAMonth };
    const refused = await invoke('wishes', { action: 'postWish', data: { ...wish, content: '违禁测试' }, requestId: 'bundle-wish-1' }, asResident);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { content: expect.stringContaining('不宜发布') } } });
    expect(emulated.emulator.wx.calls.filter((c) => c.api === 'security.msgSecCheck').slice(-2).map((c) => c.data)).toEqual(
      expect.arrayContaining([{ content: '违禁测试', version: 2, scene: 3, openid: 'demo-resident-zhao' }]),
    );
    expect(await invoke('wishes', { action: 'postWish', data: { ...wish, content: '想听戏。' }, requestId: 'bundle-wish-2' }, asResident)).toMatchObject({ ok: true });
  });

  test('admin answers its caller: staff are refused', async () => {
    expect(await invoke('admin', { action: 'dashboard', data: { month: '2026-11' } }, asStaff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('a call from the mini-program refuses to run the timer', async () => {
    expect(await invoke('scheduler', {}, asStaff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
