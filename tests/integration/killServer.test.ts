/**
 * The local server (what `npm start` runs) killed with SIGKILL in the middle of a storm of
 * sign-ups, cancellations, claims and orders, then restarted on the same data directory: once the
 * reconciler has run, every invariant holds. The crash tests (crash.test.ts) land a crash in every
 * gap deterministically; this one proves the same of a real process and a real file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLocalApp } from '../../cloudfunctions/_local/localApp';
import { createTokenSigner } from '../../cloudfunctions/_local/tokens';
import { RECONCILE_JOBS, runJobs } from '../../cloudfunctions/_core/scheduler/runJobs';
import { RECONCILE_GRACE_MS } from '../../cloudfunctions/_core/scheduler/reconcileWindow';
import { dateOf, DAY_MS, monthOf } from '../../cloudfunctions/_core/time';
import { DEMO_COMMUNITY } from '../../cloudfunctions/_local/demoData';
import { startLocalServer } from '../browser/server';
import { invariantViolations } from '../support/invariants';
import { manualClock } from '../support/manualClock';

type Envelope = { ok: boolean; data?: Record<string, unknown>; error?: { code: string } };

const client = (url: string, token: string) => async (fn: string, action: string, data: object, requestId?: string): Promise<Envelope> => {
  const response = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ action, data, ...(requestId ? { requestId } : {}) }),
  });
  return (await response.json()) as Envelope;
};

const storm = async (killAfterMs: number) => {
  const server = await startLocalServer({ SCHEDULER_INTERVAL_MS: String(24 * 60 * 60 * 1000) });
  let restarted: Awaited<ReturnType<typeof startLocalServer>> | null = null;
  try {
    const signer = createTokenSigner(readFileSync(join(server.dataDir, 'session-secret'), 'utf8').trim());
    const as = (openid: string) => client(server.url, signer.issue(openid));
    const staff = as('demo-staff-li');
    // An activity three weeks ahead, sign-up open now, 8 places and a waitlist.
    const day = dateOf(Date.now() + 21 * DAY_MS);
    const menu = await staff('activities', 'createMenu', { month: monthOf(Date.now() + 21 * DAY_MS) });
    const activity = await staff('activities', 'addActivity', {
      menuId: menu.data!._id, title: '健康义诊', category: 'health_clinic', description: '义诊', place: '卫生站', date: day, startTime: '09:00', endTime: '11:00',
      capacity: 8, waitlist: true, checkinRequired: true, memberPoints: 5,
      signupOpensDate: dateOf(Date.now() - DAY_MS), signupOpensTime: '00:00', signupClosesDate: dateOf(Date.now() + 20 * DAY_MS), signupClosesTime: '18:00',
      cancelDeadlineDate: dateOf(Date.now() + 20 * DAY_MS), cancelDeadlineTime: '12:00',
    }, 'storm-activity');
    await staff('activities', 'publishMenu', { menuId: menu.data!._id });
    const wishes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const wish = await as('demo-resident-zhao')('wishes', 'postWish', { beneficiaryType: 'elderly', kind: 'material', title: `心愿${i}`, content: '想要。', value: 10, deadline: dateOf(Date.now() + 10 * DAY_MS) }, `storm-wish-${i}`);
      await staff('wishes', 'reviewWish', { wishId: wish.data!._id, approve: true });
      wishes.push(wish.data!._id as string);
    }
    const menuItems = await staff('orders', 'listItemsAdmin', {});
    const quotaItem = (menuItems.data!.items as Array<{ _id: string; title: string }>).find((i) => i.title === '作业辅导')!;
    const people = Array.from({ length: 40 }, (_, i) => `wx-storm-${i}`);
    await Promise.all(people.map((openid, i) => as(openid)('users', 'register', { communityId: DEMO_COMMUNITY._id, name: `居民${i}`, phone: `139${String(i).padStart(8, '0')}`, building: '1号楼', room: `${i}室` })));

    // The storm, and the kill somewhere in it.
    const requests: Array<Promise<unknown>> = [];
    for (const member of ['demo-member-zhang', 'demo-member-liu', 'demo-member-chen']) for (const wishId of wishes) requests.push(as(member)('wishes', 'claimWish', { wishId }));
    for (const [i, openid] of people.entries()) {
      const me = as(openid);
      requests.push(
        me('activities', 'signUp', { activityId: activity.data!._id, attendees: [{ name: `居民${i}`, relation: 'self', age: 40 }] }).then(async (signed) => {
          if (i % 3 === 0 && signed.ok) await me('activities', 'cancelSignup', { signupId: signed.data!._id, activityId: activity.data!._id });
        }),
        me('orders', 'createOrder', { itemId: quotaItem._id, date: dateOf(Date.now() + 2 * DAY_MS), slot: 'morning', address: '1号楼', phone: '13900000000' }, `storm-order-${i}`),
      );
    }
    const guarded = requests.map((r) => r.catch(() => undefined));
    await new Promise((r) => setTimeout(r, killAfterMs));
    await server.kill();
    await Promise.all(guarded);

    // Restarted on the same data: it serves again.
    restarted = await startLocalServer({ SCHEDULER_INTERVAL_MS: String(24 * 60 * 60 * 1000) }, server.dataDir);
    expect((await fetch(`${restarted.url}/api/dev/users`)).ok).toBe(true);
    await restarted.stop({ keepData: true });

    // The timer, once the grace period has passed, on the same file.
    const app = openLocalApp({ dataDir: server.dataDir, clock: manualClock(Date.now() + RECONCILE_GRACE_MS + 60_000) });
    try {
      const written = {
        signups: await app.ports.store.count('activity_signups', {}),
        orders: await app.ports.store.count('orders', {}),
        claims: await app.ports.store.count('wishes', { status: 'claimed' }),
      };
      await runJobs(app.ports, RECONCILE_JOBS);
      await runJobs(app.ports, RECONCILE_JOBS);
      console.log(`[kill after ${killAfterMs} ms] written before the kill: ${JSON.stringify(written)}`);
      return { written, violations: await invariantViolations(app.ports.store) };
    } finally {
      await app.close();
    }
  } finally {
    await (restarted ?? server).stop();
  }
};

const progress: number[] = [];
test.each([30, 120, 400])('killed %i ms into the storm, restarted, reconciled: every invariant holds', async (ms) => {
  const { written, violations } = await storm(ms);
  progress.push(written.signups);
  expect(violations).toEqual([]);
});

test('the kills landed inside the storm, not before it or after it', () => {
  expect(progress.some((n) => n > 0 && n < 40)).toBe(true);
});
