import type { ActionInput } from '../../types/api';
import type { Attendee } from '../../types/activities';
import type { ActivityDoc, SignupDoc } from '../../cloudfunctions/_core/activities/activityDocs';
import type { MessageDoc } from '../../cloudfunctions/_core/messages/notify';
import { userIdFor } from '../../cloudfunctions/_core/users/userDoc';
import { addUsers, openHarness, type Harness } from '../support/harness';
import { CLOUD_LATENCY_MS } from '../support/testStores';

let h: Harness;
beforeEach(async () => {
  h = await openHarness({ latencyMs: CLOUD_LATENCY_MS });
});
afterEach(() => h.close());

const person = (i: number, n = 1): Attendee[] => Array.from({ length: n }, (_, k) => ({ name: `居民${i}-${k}`, relation: k === 0 ? 'self' : 'child', age: k === 0 ? 40 : 8 }));

/** A published December activity of the given capacity; the clock inside its sign-up window. */
const openActivity = async (over: Partial<ActionInput<'activities', 'addActivity'>> = {}) => {
  const menu = await h.okAs('staff-li')('activities', 'createMenu', { month: '2026-12' });
  const activity = await h.okAs('staff-li')('activities', 'addActivity', {
    menuId: menu._id,
    title: '健康义诊',
    category: 'health_clinic',
    description: '区人民医院专家义诊。',
    place: '社区卫生服务站',
    date: '2026-12-12',
    startTime: '09:00',
    endTime: '11:30',
    capacity: 30,
    waitlist: true,
    checkinRequired: true,
    memberPoints: 5,
    signupOpensDate: '2026-11-25',
    signupOpensTime: '09:00',
    signupClosesDate: '2026-12-11',
    signupClosesTime: '18:00',
    cancelDeadlineDate: '2026-12-11',
    cancelDeadlineTime: '12:00',
    ...over,
  });
  await h.okAs('staff-li')('activities', 'publishMenu', { menuId: menu._id });
  h.clock.set('2026-11-26T10:00:00+08:00');
  return activity;
};

const signupsOf = (activityId: string) => h.store.find<SignupDoc>('activity_signups', { activityId }, { limit: 1000 });
const activityDoc = async (id: string) => (await h.store.get<ActivityDoc>('activities', id))!;

/** The activity's count agrees with its holders and with the sign-ups holding places. */
const expectConsistent = async (activityId: string) => {
  const activity = await activityDoc(activityId);
  const holding = (await signupsOf(activityId)).filter((s) => ['confirmed', 'checked_in', 'no_show'].includes(s.status) && !s.volunteer);
  const held = Object.values(activity.holders).reduce((sum, hold) => sum + hold.n, 0);
  expect(activity.confirmedCount).toBe(held);
  expect(activity.confirmedCount).toBe(holding.reduce((sum, s) => sum + s.attendees.length, 0));
  expect(Object.keys(activity.holders).sort()).toEqual(holding.map((s) => s._id).sort());
  expect(holding.every((s) => activity.holders[s._id].token === s.seatToken)).toBe(true);
  expect(activity.confirmedCount).toBeLessThanOrEqual(activity.capacity);
  return activity;
};

describe('sign-ups at the same moment', () => {
  test('300 residents for 30 places: exactly 30 confirmed, 270 waitlisted with distinct numbers in the order they queued', async () => {
    const activity = await openActivity({ capacity: 30 });
    const openids = await addUsers(h, 300, { role: 'resident', prefix: 'rush' });
    const answers = await Promise.all(
      openids.map((openid, i) => h.asOpenid(openid)('activities', 'signUp', { activityId: activity._id, attendees: person(i) })),
    );
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    const results = answers.map((a) => (a.ok ? a.data : null)!);
    const confirmed = results.filter((s) => s.status === 'confirmed');
    const waitlisted = results.filter((s) => s.status === 'waitlisted');
    expect([confirmed.length, waitlisted.length]).toEqual([30, 270]);
    expect(results.every((s, i) => s.userId === userIdFor(openids[i]))).toBe(true);
    // Requests interleave: the numbers are handed out by one guarded increment, in the order the
    // requests reached it, each once, with no gap (nobody died between number and sign-up).
    expect(waitlisted.map((s) => s.waitlistSeq).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 270 }, (_, i) => i + 1));
    // 前面还有 N 人: each answer counted the live queue before it.
    for (const s of waitlisted) expect(s.waitlistAhead).toBeLessThan(s.waitlistSeq!);

    const stored = await signupsOf(activity._id);
    expect(stored).toHaveLength(300);
    expect(new Set(stored.map((s) => s.checkinCode)).size).toBe(300);
    const after = await expectConsistent(activity._id);
    expect(after.confirmedCount).toBe(30);
    const view = await h.okAs('staff-li')('activities', 'listSignups', { activityId: activity._id, status: 'waitlisted' });
    expect(view.counts).toMatchObject({ confirmed: 30, waitlisted: 270 });
    expect(view.items.map((s) => s.waitlistSeq)).toEqual(Array.from({ length: 270 }, (_, i) => i + 1));
    expect(view.activity.placesLeft).toBe(0);
  });

  test('20 cancellations at once promote exactly 20 waitlisted sign-ups, the first 20 to arrive, each once', async () => {
    const activity = await openActivity({ capacity: 30 });
    const openids = await addUsers(h, 70, { role: 'resident', prefix: 'cancel' });
    const signed = [];
    for (const [i, openid] of openids.entries()) {
      signed.push(await h.okAsOpenid(openid)('activities', 'signUp', { activityId: activity._id, attendees: person(i) }));
    }
    expect(signed.filter((s) => s.status === 'waitlisted')).toHaveLength(40);

    const leaving = signed.slice(0, 20);
    const answers = await Promise.all(
      leaving.map((s, i) => h.asOpenid(openids[i])('activities', 'cancelSignup', { signupId: s._id })),
    );
    expect(answers.every((a) => a.ok && a.data.status === 'cancelled')).toBe(true);

    const stored = new Map((await signupsOf(activity._id)).map((s) => [s._id, s]));
    const promotedIds = signed.slice(30).filter((s) => stored.get(s._id)!.status === 'confirmed').map((s) => s._id);
    expect(promotedIds).toEqual(signed.slice(30, 50).map((s) => s._id));
    for (const id of promotedIds) {
      expect(stored.get(id)!.timeline.filter((e) => e.from === 'waitlisted' && e.to === 'confirmed')).toHaveLength(1);
    }
    expect(signed.slice(50).every((s) => stored.get(s._id)!.status === 'waitlisted')).toBe(true);

    const notices = await h.store.find<MessageDoc>('messages', { kind: 'activity_promoted' }, { limit: 1000 });
    expect(notices).toHaveLength(20);
    expect(new Set(notices.map((m) => m.userId))).toEqual(new Set(signed.slice(30, 50).map((s) => s.userId)));

    const after = await expectConsistent(activity._id);
    expect(after.confirmedCount).toBe(30);
    // Staff read the live queue, as each resident does: the first still waiting is 候补第1位,
    // though twenty arrived before them.
    const queue = await h.okAs('staff-li')('activities', 'listSignups', { activityId: activity._id, status: 'waitlisted' });
    expect(queue.items.map((s) => [s._id, s.waitlistSeq, s.waitlistAhead])).toEqual(
      signed.slice(50).map((s, i) => [s._id, 21 + i, i]),
    );
    const [first] = queue.items;
    const own = await h.okAsOpenid(openids[50])('activities', 'getActivity', { activityId: activity._id });
    expect(own.mySignup?.waitlistAhead).toBe(first.waitlistAhead);

    // The same 20 cancellations again change nothing.
    await Promise.all(leaving.map((s, i) => h.asOpenid(openids[i])('activities', 'cancelSignup', { signupId: s._id })));
    expect((await activityDoc(activity._id)).confirmedCount).toBe(30);
    expect(await h.store.count('messages', { kind: 'activity_promoted' })).toBe(20);
  });

  test('the same sign-up sent 10 times at once is one sign-up, holding its places once', async () => {
    // Room for all ten copies: only the one-hold-per-sign-up guard keeps them from each taking places.
    const activity = await openActivity({ capacity: 30 });
    const [openid] = await addUsers(h, 1, { role: 'resident', prefix: 'repeat' });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => h.asOpenid(openid)('activities', 'signUp', { activityId: activity._id, attendees: person(0, 3) })),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(new Set(answers.map((a) => (a.ok ? `${a.data._id}/${a.data.status}/${a.data.checkinCode}` : '')))).toHaveProperty('size', 1);
    expect(await signupsOf(activity._id)).toHaveLength(1);
    expect((await expectConsistent(activity._id)).confirmedCount).toBe(3);
  });

  test('the same sign-up sent 10 times at once to a full activity takes one waitlist number', async () => {
    const activity = await openActivity({ capacity: 1 });
    const [first, openid] = await addUsers(h, 2, { role: 'resident', prefix: 'full' });
    await h.okAsOpenid(first)('activities', 'signUp', { activityId: activity._id, attendees: person(0) });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => h.asOpenid(openid)('activities', 'signUp', { activityId: activity._id, attendees: person(1) })),
    );
    // Every copy answers the one sign-up; copies that lost the race may have drawn a number, unused.
    const outcomes = new Set(answers.map((a) => (a.ok ? `${a.data._id}/${a.data.status}/${a.data.waitlistSeq}` : a.error.code)));
    expect(outcomes.size).toBe(1);
    expect([...outcomes][0]).toMatch(/\/waitlisted\/\d+$/);
    expect(await signupsOf(activity._id)).toHaveLength(2);
    const mine = await h.okAsOpenid(openid)('activities', 'getActivity', { activityId: activity._id });
    expect(mine.mySignup).toMatchObject({ status: 'waitlisted', waitlistAhead: 0 });
  });

  test('groups of 1–3 racing for 10 places never exceed them, and what is held adds up', async () => {
    const activity = await openActivity({ capacity: 10, waitlist: false });
    const openids = await addUsers(h, 40, { role: 'resident', prefix: 'groups' });
    const answers = await Promise.all(
      openids.map((openid, i) => h.asOpenid(openid)('activities', 'signUp', { activityId: activity._id, attendees: person(i, (i % 3) + 1) })),
    );
    const codes = answers.map((a) => (a.ok ? a.data.status : a.error.code));
    expect(codes.filter((c) => c !== 'confirmed' && c !== 'FULL')).toEqual([]);
    const after = await expectConsistent(activity._id);
    expect(after.confirmedCount).toBeLessThanOrEqual(10);
    expect(after.confirmedCount).toBe(answers.reduce((sum, a, i) => sum + (a.ok ? (i % 3) + 1 : 0), 0));
    // Places only went, never came back: every group refused was larger than what is left now.
    const free = after.capacity - after.confirmedCount;
    expect(answers.every((a, i) => a.ok || (i % 3) + 1 > free)).toBe(true);
  });

  test('cancellations racing with new sign-ups and with each other keep the count exact', async () => {
    const activity = await openActivity({ capacity: 8 });
    const openids = await addUsers(h, 30, { role: 'resident', prefix: 'mixed' });
    const early = [];
    for (const [i, openid] of openids.slice(0, 12).entries()) {
      early.push(await h.okAsOpenid(openid)('activities', 'signUp', { activityId: activity._id, attendees: person(i, (i % 2) + 1) }));
    }
    await Promise.all([
      ...early.slice(0, 6).map((s, i) => h.asOpenid(openids[i])('activities', 'cancelSignup', { signupId: s._id })),
      ...early.slice(0, 3).map((s, i) => h.asOpenid(openids[i])('activities', 'cancelSignup', { signupId: s._id })),
      ...openids.slice(12).map((openid, i) => h.asOpenid(openid)('activities', 'signUp', { activityId: activity._id, attendees: person(12 + i, (i % 3) + 1) })),
    ]);
    const after = await expectConsistent(activity._id);
    const waiting = (await signupsOf(activity._id)).filter((s) => s.status === 'waitlisted');
    // Nobody waits who would fit in what is free.
    expect(waiting.every((s) => s.attendees.length > after.capacity - after.confirmedCount)).toBe(true);
    expect(new Set(waiting.map((s) => s.waitlistSeq)).size).toBe(waiting.length);
  });
});
