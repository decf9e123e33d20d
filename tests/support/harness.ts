import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../types/api';
import type { Envelope } from '../../types/errors';
import { openLocalApp, type LocalApp } from '../../cloudfunctions/_local/localApp';
import { demoOpenid, seedDemo } from '../../cloudfunctions/_local/seed';
import { DEMO_COMMUNITY, DEMO_USERS } from '../../cloudfunctions/_local/demoData';
import { seedHistory, type HistoryResult } from '../../cloudfunctions/_local/demoHistory';
import { searchKeysOf, userIdFor, type UserDoc } from '../../cloudfunctions/_core/users/userDoc';
import { manualClock } from './manualClock';
import type { SubscribeMoment } from '../../types/subscribe';
import type { SubscribeConfig } from '../../cloudfunctions/_core/messages/subscribeTemplates';

/** The setup code tests deploy with (LINLI_SETUP_CODE). */
export const TEST_SETUP_CODE = 'TEST-SETUP-2026';
import { openTestStore, type TestStoreOptions } from './testStores';

export type DemoKey = (typeof DEMO_USERS)[number]['key'];

/**
 * The real handlers over a temporary SQLite file, seeded with the demo community. `as(key)` calls
 * as a demo user (identity goes in the platform context, as in the cloud); `raw` sends any event.
 */
export const openHarness = async (options: TestStoreOptions & { seed?: boolean; subscribe?: SubscribeConfig; history?: boolean } = {}) => {
  const dir = mkdtempSync(join(tmpdir(), 'linli-test-'));
  const clock = manualClock();
  const opened = await openTestStore(dir, options);
  const app: LocalApp = openLocalApp({ dataDir: dir, clock, store: opened.store, setupCode: TEST_SETUP_CODE, subscribe: options.subscribe });
  if (options.seed !== false) await seedDemo(app.ports.store, clock.now());
  // The demo's twelve months of history: only for the tests that look at it (it takes seconds).
  const history: HistoryResult | null = options.history ? await seedHistory(app, { now: clock.now() }) : null;

  const callAs =
    (openid: string | null) =>
    <F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, data: ActionInput<F, A>, requestId?: string) =>
      app.handlers[fn]({ action, data, requestId }, { openid }) as Promise<Envelope<ActionOutput<F, A>>>;

  /** Calls and unwraps; a refusal fails the test with its code and message. */
  const okAs =
    (openid: string | null) =>
    async <F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, data: ActionInput<F, A>, requestId?: string) => {
      const answer = await callAs(openid)(fn, action, data, requestId);
      if (!answer.ok) throw new Error(`${fn}.${action} refused: ${answer.error.code} ${answer.error.message}`);
      return answer.data;
    };

  const openidOf = (key: DemoKey) => demoOpenid({ key });
  /** The user taps and accepts every template of a moment (as `requestSubscribeMessage` would answer). */
  const consent = async (openid: string, moment: SubscribeMoment, times = 1) => {
    const templates = await okAs(openid)('users', 'subscribeTemplates', {});
    for (let i = 0; i < times; i++) await okAs(openid)('users', 'reportSubscribe', { accepted: templates.moments[moment] ?? [] });
  };
  return {
    app,
    clock,
    history,
    kind: opened.kind,
    /** The emulator behind the CloudBase adapter, when the store is `cloudbase`. */
    emulator: opened.emulator,
    store: app.ports.store,
    as: (key: DemoKey) => callAs(openidOf(key)),
    okAs: (key: DemoKey) => okAs(openidOf(key)),
    asOpenid: callAs,
    okAsOpenid: okAs,
    userId: (key: DemoKey) => userIdFor(openidOf(key)),
    openidOf,
    /** What would have gone to WeChat as subscribe messages. */
    outbox: app.outbox,
    consent: (key: DemoKey, moment: SubscribeMoment, times = 1) => consent(openidOf(key), moment, times),
    consentAsOpenid: consent,
    /** WeChat's pushes of image verdicts, as they would arrive. */
    deliverMediaVerdicts: () => app.deliverMediaVerdicts(),
    raw: (fn: FunctionName, event: unknown, openid: string | null) => app.handlers[fn](event, { openid }),
    async close() {
      await app.close();
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export type Harness = Awaited<ReturnType<typeof openHarness>>;

/** Extra people for concurrency tests, inserted as the seed inserts the demo users. */
export const addUsers = async (
  h: Harness,
  count: number,
  shape: { role: 'resident' | 'member'; skills?: UserDoc['skills']; prefix: string },
): Promise<string[]> => {
  const now = h.clock.now();
  const openids = Array.from({ length: count }, (_, i) => `${shape.prefix}-${i}`);
  const users = openids.map((openid, i): UserDoc => ({
      _id: userIdFor(openid),
      openid,
      communityId: DEMO_COMMUNITY._id,
      name: `${shape.role === 'member' ? '党员' : '居民'}${i + 1}`,
      phone: `139${String(i).padStart(8, '0')}`,
      building: `${(i % 20) + 1}号楼`,
      room: `${i + 1}室`,
      role: shape.role,
      elderly: false,
      memberStatus: shape.role === 'member' ? 'approved' : 'none',
      skills: shape.skills ?? [],
      history: [],
      searchKeys: searchKeysOf({ name: `${shape.role === 'member' ? '党员' : '居民'}${i + 1}`, phone: `139${String(i).padStart(8, '0')}`, building: `${(i % 20) + 1}号楼` }),
      createdAt: now,
      updatedAt: now,
    }));
  for (let i = 0; i < users.length; i += 500) await h.store.insertMany('users', users.slice(i, i + 500));
  return openids;
};

/** A member's all-time points, from the totals the ledger keeps (every year's). */
export const pointsTotalOf = async (h: Harness, memberId: string): Promise<number> => {
  const years = await h.store.find<{ _id: string; points: number }>('points_totals', { memberId, period: 'year' }, { limit: 100 });
  return years.reduce((sum, y) => sum + y.points, 0);
};
