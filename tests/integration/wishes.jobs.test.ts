import type { ActionInput } from '../../types/api';
import { ALL_JOBS, runJobs } from '../../cloudfunctions/_core/scheduler/runJobs';
import { AUTO_RELEASE_NOTE, WISH_JOBS, autoReleaseJob, expireJob } from '../../cloudfunctions/_core/wishes/wishJobs';
import type { ClaimCounterDoc, WishDoc } from '../../cloudfunctions/_core/wishes/wishDocs';
import type { MessageDoc } from '../../cloudfunctions/_core/messages/notify';
import { userIdFor, type UserDoc } from '../../cloudfunctions/_core/users/userDoc';
import { stableId } from '../../cloudfunctions/_core/runtime/ids';
import type { Store } from '../../cloudfunctions/_core/store/port';
import { OTHER_COMMUNITY } from '../../cloudfunctions/_local/demoData';
import { DAY } from '../support/manualClock';
import { addUsers, openHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness(); // 2026-11-23 09:00 Asia/Shanghai
});
afterEach(() => h.close());

const MINUTE = 60 * 1000;
let seq = 0;
const requestId = () => `wish-job-${++seq}-${Date.now()}`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

const form = (deadline: string, title = '想要一个暖手宝'): ActionInput<'wishes', 'postWish'> => ({
  beneficiaryType: 'elderly',
  kind: 'material',
  title,
  content: '冬天手冷。',
  value: 50,
  deadline,
});
const post = (deadline: string, title?: string) => h.okAs('resident-zhao')('wishes', 'postWish', form(deadline, title), requestId());
const openWish = async (deadline = '2026-12-31', title?: string) => {
  const wish = await post(deadline, title);
  await h.okAs('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: true });
  return wish._id;
};
const stored = async (wishId: string) => (await h.store.get<WishDoc>('wishes', wishId))!;
const counterOf = async (memberId: string) => (await h.store.get<ClaimCounterDoc>('wish_claim_counters', memberId))?.count ?? 0;
const twoCopies = async (job: typeof expireJob) => {
  const [a, b] = await Promise.all([job.run(h.app.ports), job.run(h.app.ports)]);
  return a + b;
};

test('both wish jobs are on the timer, release before expiry, and report what they changed', async () => {
  expect(WISH_JOBS.map((j) => j.name)).toEqual(['wishes.autoRelease', 'wishes.expire']);
  expect(ALL_JOBS).toEqual(expect.arrayContaining(WISH_JOBS));
  await openWish('2026-11-24');
  h.clock.set('2026-11-25T00:10:00+08:00');
  const results = await runJobs(h.app.ports, WISH_JOBS);
  expect(results).toEqual({ 'wishes.autoRelease': 0, 'wishes.expire': 1 });
});

describe('wishes.expire', () => {
  test('an open wish expires once its deadline date has ended in Asia/Shanghai, once', async () => {
    const wishId = await openWish('2026-11-30');
    h.clock.set('2026-11-30T23:59:59+08:00');
    expect(await expireJob.run(h.app.ports)).toBe(0);
    expect((await stored(wishId)).status).toBe('open');

    h.clock.set('2026-12-01T00:00:00+08:00');
    expect(await expireJob.run(h.app.ports)).toBe(1);
    expect(await expireJob.run(h.app.ports)).toBe(0);
    const wish = await stored(wishId);
    expect(wish.status).toBe('expired');
    expect(wish.timeline.filter((e) => e.to === 'expired')).toEqual([expect.objectContaining({ by: 'system', byName: '系统', from: 'open' })]);
    const wall = await h.okAs('member-zhang')('wishes', 'wishWall', {});
    expect(wall.items).toEqual([]);
    expect(wall.counts.open).toBe(0);
    // The poster still sees it, as expired.
    expect((await h.okAs('resident-zhao')('wishes', 'getWish', { wishId })).status).toBe('expired');
  });

  test('only open wishes expire: pending, claimed and fulfilled ones are left alone', async () => {
    const pending = (await post('2026-11-30'))._id;
    const claimed = await openWish('2026-11-30');
    await h.okAs('member-zhang')('wishes', 'claimWish', { wishId: claimed });
    const done = await openWish('2026-11-30');
    await h.okAs('member-liu')('wishes', 'claimWish', { wishId: done });
    await h.okAs('member-liu')('wishes', 'fulfilWish', { wishId: done, note: '送到了', photos: [h.app.files.save(PNG, 'image/png')] });
    const later = await openWish('2026-12-05');
    h.clock.set('2026-12-02T09:00:00+08:00');
    expect(await expireJob.run(h.app.ports)).toBe(0);
    expect(await Promise.all([pending, claimed, done, later].map(async (id) => (await stored(id)).status))).toEqual([
      'pending_review',
      'claimed',
      'fulfilled',
      'open',
    ]);
  });

  test('two copies at once expire each wish once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await openWish('2026-11-28', `心愿${i}`));
    h.clock.set('2026-11-29T01:00:00+08:00');
    expect(await twoCopies(expireJob)).toBe(6);
    expect(await twoCopies(expireJob)).toBe(0);
    for (const id of ids) expect((await stored(id)).timeline.filter((e) => e.to === 'expired')).toHaveLength(1);
  });

  test('runs over every community, since a timer has no caller', async () => {
    const openid = 'wx-resident-of-wenhuali';
    await h.store.insert('users', {
      _id: userIdFor(openid),
      openid,
      communityId: OTHER_COMMUNITY._id,
      name: '钱大爷',
      phone: '13900000888',
      building: '2号楼',
      room: '202',
      role: 'resident',
      elderly: true,
      memberStatus: 'none',
      skills: [],
      history: [],
      createdAt: h.clock.now(),
      updatedAt: h.clock.now(),
    } satisfies UserDoc);
    const theirs = await h.okAsOpenid(openid)('wishes', 'postWish', form('2026-11-26'), requestId());
    await h.okAs('staff-other')('wishes', 'reviewWish', { wishId: theirs._id, approve: true });
    const ours = await openWish('2026-11-26');
    h.clock.set('2026-11-27T08:00:00+08:00');
    expect(await expireJob.run(h.app.ports)).toBe(2);
    expect((await stored(theirs._id)).status).toBe('expired');
    expect((await stored(ours)).status).toBe('expired');
  });

  test('pages through more than 1000 wishes (CloudBase’s cap per query)', async () => {
    const template = await stored(await openWish('2026-11-24'));
    for (let i = 0; i < 1204; i++) {
      await h.store.insert<WishDoc>('wishes', { ...template, _id: stableId('bulk', String(i)), title: `批量${i}` });
    }
    h.clock.set('2026-11-25T09:00:00+08:00');
    expect(await expireJob.run(h.app.ports)).toBe(1205);
    expect(await h.store.count('wishes', { status: 'open' })).toBe(0);
  });
});

describe('wishes.autoRelease', () => {
  test('a claim not fulfilled within 14 days goes back to the wall, the slot returns, the claimer is told; once', async () => {
    const memberId = h.userId('member-zhang');
    const wishId = await openWish();
    await h.okAs('member-zhang')('wishes', 'claimWish', { wishId });
    expect(await counterOf(memberId)).toBe(1);

    h.clock.advance(14 * DAY - MINUTE);
    expect(await autoReleaseJob.run(h.app.ports)).toBe(0);
    expect((await stored(wishId)).status).toBe('claimed');

    h.clock.advance(MINUTE);
    expect(await autoReleaseJob.run(h.app.ports)).toBe(1);
    expect(await autoReleaseJob.run(h.app.ports)).toBe(0);
    const wish = await stored(wishId);
    expect(wish).toMatchObject({ status: 'open', claimerId: null, claimerName: null, claimedAt: null });
    expect(wish.timeline.at(-1)).toMatchObject({ by: 'system', byName: '系统', from: 'claimed', to: 'open', note: AUTO_RELEASE_NOTE });
    expect(AUTO_RELEASE_NOTE).toBe('超过14天未完成，系统自动释放');
    expect(await counterOf(memberId)).toBe(0);
    expect(await h.store.find<MessageDoc>('messages', { userId: memberId, kind: 'wish_auto_released' })).toHaveLength(1);
    // Back on the wall for anyone to claim.
    expect((await h.okAs('member-liu')('wishes', 'claimWish', { wishId })).claimerName).toBe('刘芳');
  });

  test('fulfilled claims are not released, and a claim renewed after a release counts its own 14 days', async () => {
    const done = await openWish('2026-12-31', '已完成');
    await h.okAs('member-zhang')('wishes', 'claimWish', { wishId: done });
    await h.okAs('member-zhang')('wishes', 'fulfilWish', { wishId: done, note: '送到了', photos: [h.app.files.save(PNG, 'image/png')] });
    const renewed = await openWish('2026-12-31', '重新认领');
    await h.okAs('member-liu')('wishes', 'claimWish', { wishId: renewed });
    h.clock.advance(10 * DAY);
    await h.okAs('member-liu')('wishes', 'releaseClaim', { wishId: renewed, reason: '换人' });
    await h.okAs('member-liu')('wishes', 'claimWish', { wishId: renewed });
    h.clock.advance(5 * DAY);
    expect(await autoReleaseJob.run(h.app.ports)).toBe(0);
    expect((await stored(done)).status).toBe('fulfilled');
    expect((await stored(renewed)).status).toBe('claimed');
    h.clock.advance(9 * DAY);
    expect(await autoReleaseJob.run(h.app.ports)).toBe(1);
    expect(await counterOf(h.userId('member-liu'))).toBe(0);
  });

  test('a claim renewed between the job’s query and its change is left alone', async () => {
    const wishId = await openWish();
    await h.okAs('member-zhang')('wishes', 'claimWish', { wishId });
    h.clock.advance(15 * DAY);
    const store = h.app.ports.store;
    // The member releases and claims again right after the job has read the stale claim.
    const racingFind: Store['find'] = async (collection, filter, options) => {
      const found = await store.find(collection, filter, options);
      await h.okAs('member-zhang')('wishes', 'releaseClaim', { wishId, reason: '重新认领' });
      await h.okAs('member-zhang')('wishes', 'claimWish', { wishId });
      return found as never;
    };
    const racing = new Proxy(store, {
      get(target, prop) {
        if (prop === 'find') return racingFind;
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    expect(await autoReleaseJob.run({ ...h.app.ports, store: racing })).toBe(0);
    const wish = await stored(wishId);
    expect(wish).toMatchObject({ status: 'claimed', claimerId: h.userId('member-zhang'), claimedAt: h.clock.now() });
    expect(wish.timeline.filter((e) => e.note === AUTO_RELEASE_NOTE)).toEqual([]);
    expect(await counterOf(h.userId('member-zhang'))).toBe(1);
  });

  test('two copies at once release each stale claim once and return each slot once', async () => {
    const members = await addUsers(h, 4, { role: 'member', prefix: 'wish-release' });
    const claims: Array<[string, string]> = [];
    for (const openid of members) {
      for (let i = 0; i < 2; i++) {
        const wishId = await openWish('2027-01-31', `${openid}-${i}`);
        await h.okAsOpenid(openid)('wishes', 'claimWish', { wishId });
        claims.push([openid, wishId]);
      }
    }
    // One more claim of member 0 that is not stale yet.
    h.clock.advance(7 * DAY);
    const fresh = await openWish('2027-01-31', '新认领');
    await h.okAsOpenid(members[0])('wishes', 'claimWish', { wishId: fresh });
    expect(await counterOf(userIdFor(members[0]))).toBe(3);

    h.clock.advance(7 * DAY);
    expect(await twoCopies(autoReleaseJob)).toBe(8);
    expect(await twoCopies(autoReleaseJob)).toBe(0);
    for (const [, wishId] of claims) {
      const wish = await stored(wishId);
      expect(wish.status).toBe('open');
      expect(wish.timeline.filter((e) => e.note === AUTO_RELEASE_NOTE)).toHaveLength(1);
    }
    expect(await counterOf(userIdFor(members[0]))).toBe(1);
    for (const openid of members.slice(1)) expect(await counterOf(userIdFor(openid))).toBe(0);
    expect((await stored(fresh)).status).toBe('claimed');
  });

  test('a stale claim past its deadline is released and then expired in the same tick', async () => {
    const wishId = await openWish('2026-11-30');
    await h.okAs('member-zhang')('wishes', 'claimWish', { wishId });
    h.clock.advance(15 * DAY);
    expect(await runJobs(h.app.ports, WISH_JOBS)).toEqual({ 'wishes.autoRelease': 1, 'wishes.expire': 1 });
    expect((await stored(wishId)).timeline.map((e) => e.to).slice(-2)).toEqual(['open', 'expired']);
    expect(await counterOf(h.userId('member-zhang'))).toBe(0);
  });
});
