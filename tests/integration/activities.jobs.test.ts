import type { ActionInput } from '../../types/api';
import type { Attendee } from '../../types/activities';
import { ACTIVITY_JOBS } from '../../cloudfunctions/_core/activities/activityJobs';
import type { ActivityBlockDoc, SignupDoc } from '../../cloudfunctions/_core/activities/activityDocs';
import type { MessageDoc } from '../../cloudfunctions/_core/messages/notify';
import type { LedgerEntry } from '../../cloudfunctions/_core/points/ledger';
import { ALL_JOBS } from '../../cloudfunctions/_core/scheduler/runJobs';
import { openHarness, type DemoKey, type Harness, pointsTotalOf } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

const T = (shanghai: string) => Date.parse(`${shanghai}+08:00`);
const HOUR = 60 * 60 * 1000;

const job = (name: string) => {
  const found = ACTIVITY_JOBS.find((j) => j.name === name);
  if (!found) throw new Error(`no job ${name}`);
  return found;
};
const run = (name: string) => job(name).run(h.app.ports);
/** Two copies of the job at the same moment, as a retried timer may start them. */
const runTwice = async (name: string) => (await Promise.all([run(name), run(name)])).reduce((a, b) => a + b, 0);

const me = (name: string): Attendee[] => [{ name, relation: 'self', age: 40 }];

/** 中医夜市 every Monday of December 2026, 19:00–21:00, check-in required; the clock on 26 Nov. */
const mondays = async (over: Partial<ActionInput<'activities', 'createSeries'>> = {}) => {
  const menu = await h.okAs('staff-li')('activities', 'createMenu', { month: '2026-12' });
  const series = await h.okAs('staff-li')('activities', 'createSeries', {
    menuId: menu._id,
    title: '中医夜市',
    category: 'tcm_night',
    description: '中医师义诊、推拿。',
    place: '社区广场',
    weekday: 1,
    startTime: '19:00',
    endTime: '21:00',
    fromDate: '2026-12-01',
    toDate: '2026-12-31',
    capacity: 40,
    waitlist: true,
    checkinRequired: true,
    memberPoints: 5,
    signupOpensDate: '2026-11-25',
    signupOpensTime: '09:00',
    signupClosesHoursBefore: 1,
    cancelHoursBefore: 24,
    ...over,
  });
  await h.okAs('staff-li')('activities', 'publishMenu', { menuId: menu._id });
  h.clock.set('2026-11-26T10:00:00+08:00');
  return series.items;
};

const signUp = (key: DemoKey, activityId: string, volunteer = false) =>
  h.okAs(key)('activities', 'signUp', { activityId, attendees: me(key), volunteer });
const signupOf = async (id: string) => (await h.store.get<SignupDoc>('activity_signups', id))!;
const messagesOf = (key: DemoKey, kind: string) => h.store.find<MessageDoc>('messages', { userId: h.userId(key), kind });

describe('activities.markNoShows and activities.applyBlocks', () => {
  test('3 no-shows within 90 days block new sign-ups for 30 days from the third; staff lift it', async () => {
    const [dec7, dec14, dec21, dec28] = await mondays();
    const sun = await Promise.all([dec7, dec14, dec21].map((a) => signUp('resident-sun', a._id)));
    const zhou = await signUp('resident-zhou', dec7._id);
    // zhou came; sun never did.
    h.clock.set('2026-12-07T19:05:00+08:00');
    await h.okAs('staff-li')('activities', 'checkIn', { activityId: dec7._id, code: zhou.checkinCode! });

    h.clock.set('2026-12-07T20:59:00+08:00');
    expect(await run('activities.markNoShows')).toBe(0);
    h.clock.set('2026-12-07T21:00:00+08:00');
    expect(await runTwice('activities.markNoShows')).toBe(1);
    expect(await run('activities.markNoShows')).toBe(0);
    expect((await signupOf(sun[0]._id)).status).toBe('no_show');
    expect((await signupOf(sun[0]._id)).timeline.at(-1)).toMatchObject({ from: 'confirmed', to: 'no_show', by: 'system' });
    expect((await signupOf(zhou._id)).status).toBe('checked_in');

    // Two no-shows are not enough.
    h.clock.set('2026-12-14T21:10:00+08:00');
    await run('activities.markNoShows');
    expect(await run('activities.applyBlocks')).toBe(0);

    h.clock.set('2026-12-21T21:10:00+08:00');
    await run('activities.markNoShows');
    expect(await runTwice('activities.applyBlocks')).toBe(1);
    expect(await run('activities.applyBlocks')).toBe(0);
    const block = (await h.store.find<ActivityBlockDoc>('activity_blocks', {}))[0];
    expect(block).toMatchObject({ userId: h.userId('resident-sun'), until: T('2026-12-21T21:00:00') + 30 * 24 * HOUR, noShowCount: 3 });

    const refused = await h.as('resident-sun')('activities', 'signUp', { activityId: dec28._id, attendees: me('孙丽') });
    expect(refused).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '因多次报名后未到场，2027年1月20日 21:00前暂不能报名新活动' } });
    expect((await h.okAs('resident-sun')('activities', 'monthMenu', { month: '2026-12' })).blockedUntil).toBe(block.until);
    expect((await h.okAs('staff-li')('activities', 'listBlocks', {})).items.map((b) => [b.userName, b.active])).toEqual([['孙丽', true]]);
    expect((await h.as('resident-zhou')('activities', 'signUp', { activityId: dec28._id, attendees: me('周强') })).ok).toBe(true);

    expect((await h.as('resident-sun')('activities', 'liftBlock', { userId: h.userId('resident-sun') })).ok).toBe(false);
    expect((await h.as('staff-other')('activities', 'liftBlock', { userId: h.userId('resident-sun') })).ok).toBe(false);
    const lifted = await h.okAs('staff-li')('activities', 'liftBlock', { userId: h.userId('resident-sun'), note: '家中有急事，已说明' });
    expect(lifted).toMatchObject({ active: false, liftedAt: h.clock.now() });
    expect(await h.as('staff-li')('activities', 'liftBlock', { userId: h.userId('resident-sun') })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '该居民目前没有报名限制' },
    });
    // The spent no-shows do not block again.
    expect(await run('activities.applyBlocks')).toBe(0);
    expect((await h.okAs('resident-sun')('activities', 'signUp', { activityId: dec28._id, attendees: me('孙丽') })).status).toBe('confirmed');
  });

  test('activities that need no check-in mark nobody absent', async () => {
    const [dec7] = await mondays({ checkinRequired: false });
    const sun = await signUp('resident-sun', dec7._id);
    h.clock.set('2026-12-08T09:00:00+08:00');
    expect(await run('activities.markNoShows')).toBe(0);
    expect((await signupOf(sun._id)).status).toBe('confirmed');
  });
});

describe('activities.remind', () => {
  test('24 hours before the start: one message per confirmed sign-up, however often or in how many copies it runs', async () => {
    const [dec7] = await mondays({ capacity: 1 });
    await signUp('resident-sun', dec7._id);
    const waiting = await signUp('resident-zhou', dec7._id);
    expect(waiting.status).toBe('waitlisted');

    h.clock.set(T('2026-12-07T19:00:00') - 24 * HOUR - 1);
    expect(await run('activities.remind')).toBe(0);
    h.clock.set(T('2026-12-07T19:00:00') - 24 * HOUR);
    expect(await runTwice('activities.remind')).toBe(1);
    expect(await run('activities.remind')).toBe(0);
    const sent = await messagesOf('resident-sun', 'activity_reminder');
    expect(sent.map((m) => m.body)).toEqual(['您报名的“中医夜市”将于2026年12月7日 19:00在社区广场开始，请准时参加']);
    expect(await messagesOf('resident-zhou', 'activity_reminder')).toHaveLength(0);

    // Even a copy that re-sends before marking (a crash in between) leaves one message.
    await h.store.updateWhere('activity_signups', { userId: h.userId('resident-sun') }, { reminded: false });
    h.clock.advance(10 * 60 * 1000);
    expect(await run('activities.remind')).toBe(1);
    expect(await messagesOf('resident-sun', 'activity_reminder')).toHaveLength(1);
  });
});

describe('activities.payVolunteers', () => {
  test('members who served and checked in earn the activity’s points once, in any number of runs and copies', async () => {
    const [dec7] = await mondays({ memberPoints: 8 });
    const zhang = await signUp('member-zhang', dec7._id, true);
    await signUp('member-liu', dec7._id, true);
    h.clock.set('2026-12-07T18:40:00+08:00');
    await h.okAs('staff-li')('activities', 'checkIn', { activityId: dec7._id, code: zhang.checkinCode! });

    h.clock.set('2026-12-07T20:00:00+08:00');
    expect(await run('activities.payVolunteers')).toBe(0);
    h.clock.set('2026-12-07T21:10:00+08:00');
    expect(await runTwice('activities.payVolunteers')).toBe(1);
    expect(await run('activities.payVolunteers')).toBe(0);

    const ledger = await h.store.find<LedgerEntry>('points_ledger', { reason: 'activity_served' });
    expect(ledger).toEqual([
      expect.objectContaining({ memberId: h.userId('member-zhang'), delta: 8, refId: dec7._id, at: T('2026-12-07T21:10:00'), note: '志愿服务：中医夜市' }),
    ]);
    expect(await pointsTotalOf(h, h.userId('member-zhang'))).toBe(8);
    const points = await h.okAs('member-zhang')('points', 'myPoints', {});
    expect(points.entries.map((e) => [e.reason, e.delta])).toEqual([['activity_served', 8]]);
    // The volunteer who did not come is absent, not paid.
    expect((await h.store.find<SignupDoc>('activity_signups', { userId: h.userId('member-liu') }))[0].status).toBe('confirmed');
    await run('activities.markNoShows');
    expect((await h.store.find<SignupDoc>('activity_signups', { userId: h.userId('member-liu') }))[0].status).toBe('no_show');
  });
});

test('the scheduler runs every activity job', () => {
  expect(ALL_JOBS.map((j) => j.name)).toEqual(
    expect.arrayContaining(['activities.markNoShows', 'activities.applyBlocks', 'activities.payVolunteers', 'activities.remind']),
  );
});
