import type { ActionInput } from '../../types/api';
import type { ClaimCounterDoc, WishDoc } from '../../cloudfunctions/_core/wishes/wishDocs';
import type { LedgerEntry } from '../../cloudfunctions/_core/points/ledger';
import { userIdFor } from '../../cloudfunctions/_core/users/userDoc';
import { addUsers, openHarness, type Harness, pointsTotalOf } from '../support/harness';
import { CLOUD_LATENCY_MS } from '../support/testStores';

let h: Harness;
beforeEach(async () => {
  h = await openHarness({ latencyMs: CLOUD_LATENCY_MS });
});
afterEach(() => h.close());

let seq = 0;
const requestId = () => `wish-race-${++seq}-${Date.now()}`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

const form = (title = '想要一副老花镜'): ActionInput<'wishes', 'postWish'> => ({
  beneficiaryType: 'elderly',
  kind: 'material',
  title,
  content: '看报纸看不清字了。',
  value: 60,
  deadline: '2026-12-31',
});

const openWish = async (title?: string) => {
  const wish = await h.okAs('resident-zhao')('wishes', 'postWish', form(title), requestId());
  await h.okAs('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: true });
  return wish._id;
};
const counterOf = async (memberId: string) => (await h.store.get<ClaimCounterDoc>('wish_claim_counters', memberId))?.count ?? 0;
const codes = (answers: Array<{ ok: boolean; error?: { code: string } }>) =>
  answers.reduce<Record<string, number>>((acc, a) => {
    const key = a.ok ? 'ok' : a.error!.code;
    acc[key] = (acc[key] ?? 0) + 1;
    return acc;
  }, {});

const fulfilled = async () => {
  const wishId = await openWish();
  await h.okAs('member-zhang')('wishes', 'claimWish', { wishId });
  const proof = h.app.files.save(PNG, 'image/png');
  await h.okAs('member-zhang')('wishes', 'fulfilWish', { wishId, note: '老花镜已配好送到', photos: [proof] });
  return wishId;
};

const pointsOfZhang = async () => {
  const memberId = h.userId('member-zhang');
  const ledger = await h.store.find<LedgerEntry>('points_ledger', { memberId, reason: 'wish_confirmed' });
  return { entries: ledger.length, deltas: ledger.map((e) => e.delta), total: await pointsTotalOf(h, memberId) };
};

describe('micro-wishes under concurrency', () => {
  test('30 members claim one wish at once: exactly one claimer, 29 told it is taken', async () => {
    const wishId = await openWish();
    const members = await addUsers(h, 30, { role: 'member', prefix: 'wish-claimer' });
    const answers = await Promise.all(members.map((openid) => h.asOpenid(openid)('wishes', 'claimWish', { wishId })));
    expect(codes(answers)).toEqual({ ok: 1, CONFLICT: 29 });
    for (const answer of answers) if (!answer.ok) expect(answer.error.message).toBe('该心愿已被认领');

    const winner = members[answers.findIndex((a) => a.ok)];
    const wish = (await h.store.get<WishDoc>('wishes', wishId))!;
    expect(wish).toMatchObject({ status: 'claimed', claimerId: userIdFor(winner) });
    expect(wish.timeline.filter((e) => e.to === 'claimed')).toHaveLength(1);
    const counters = await Promise.all(members.map((openid) => counterOf(userIdFor(openid))));
    expect(counters.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await counterOf(userIdFor(winner))).toBe(1);
  });

  test('a member holding 2 claims claims 5 wishes at once: exactly 1 more succeeds, 4 hit the limit', async () => {
    const memberId = h.userId('member-zhang');
    for (const title of ['已认领一', '已认领二']) await h.okAs('member-zhang')('wishes', 'claimWish', { wishId: await openWish(title) });
    const targets: string[] = [];
    for (let i = 0; i < 5; i++) targets.push(await openWish(`同时认领${i}`));

    const answers = await Promise.all(targets.map((wishId) => h.as('member-zhang')('wishes', 'claimWish', { wishId })));
    expect(codes(answers)).toEqual({ ok: 1, LIMIT: 4 });
    for (const answer of answers) if (!answer.ok) expect(answer.error.message).toBe('每人最多同时认领3个心愿，请先完成或释放已认领的心愿');
    expect(await counterOf(memberId)).toBe(3);
    expect(await h.store.count('wishes', { claimerId: memberId, status: 'claimed' })).toBe(3);
    expect(await h.store.count('wishes', { status: 'open' })).toBe(4);

    // Finishing one frees a slot; the next claim succeeds and the one after is refused again.
    const held = answers.find((a) => a.ok)!;
    if (!held.ok) throw new Error('unreachable');
    await h.okAs('member-zhang')('wishes', 'fulfilWish', { wishId: held.data._id, note: '已完成', photos: [h.app.files.save(PNG, 'image/png')] });
    expect(await counterOf(memberId)).toBe(2);
    const rest = targets.filter((id) => id !== held.data._id);
    expect((await h.as('member-zhang')('wishes', 'claimWish', { wishId: rest[0] })).ok).toBe(true);
    const refused = await h.as('member-zhang')('wishes', 'claimWish', { wishId: rest[1] });
    expect(refused.ok || refused.error.code).toBe('LIMIT');
  });

  test('claims and releases racing on one member keep the counter equal to the wishes held', async () => {
    const memberId = h.userId('member-zhang');
    const held = [await openWish('甲'), await openWish('乙')];
    for (const wishId of held) await h.okAs('member-zhang')('wishes', 'claimWish', { wishId });
    const fresh = [await openWish('丙'), await openWish('丁'), await openWish('戊')];
    await Promise.all([
      ...held.map((wishId) => h.as('member-zhang')('wishes', 'releaseClaim', { wishId, reason: '让给别人' })),
      ...fresh.map((wishId) => h.as('member-zhang')('wishes', 'claimWish', { wishId })),
    ]);
    const holding = await h.store.count('wishes', { claimerId: memberId, status: 'claimed' });
    expect(await counterOf(memberId)).toBe(holding);
    expect(holding).toBeLessThanOrEqual(3);
  });

  test('release and fulfil by the claimer at once: one lands, the slot is returned once', async () => {
    const wishId = await openWish();
    await h.okAs('member-zhang')('wishes', 'claimWish', { wishId });
    const proof = h.app.files.save(PNG, 'image/png');
    const answers = await Promise.all([
      h.as('member-zhang')('wishes', 'releaseClaim', { wishId, reason: '有事' }),
      h.as('member-zhang')('wishes', 'fulfilWish', { wishId, note: '完成', photos: [proof] }),
      h.as('member-zhang')('wishes', 'releaseClaim', { wishId, reason: '有事' }),
    ]);
    expect(codes(answers)).toEqual({ ok: 1, CONFLICT: 2 });
    expect(await counterOf(h.userId('member-zhang'))).toBe(0);
    const wish = (await h.store.get<WishDoc>('wishes', wishId))!;
    expect(wish.timeline.filter((e) => e.from === 'claimed')).toHaveLength(1);
  });

  test('confirm replayed one after another pays the claimer once', async () => {
    const wishId = await fulfilled();
    for (let i = 0; i < 3; i++) {
      const answer = await h.okAs('resident-zhao')('wishes', 'confirmWish', { wishId });
      expect(answer.status).toBe('confirmed');
    }
    await h.okAs('staff-li')('wishes', 'confirmWish', { wishId });
    expect(await pointsOfZhang()).toEqual({ entries: 1, deltas: [15], total: 15 });
    const wish = (await h.store.get<WishDoc>('wishes', wishId))!;
    expect(wish.timeline.filter((e) => e.to === 'confirmed')).toHaveLength(1);
  });

  test('confirm sent 10 times at once pays the claimer once', async () => {
    const wishId = await fulfilled();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => h.as(i % 2 ? 'resident-zhao' : 'staff-li')('wishes', 'confirmWish', { wishId })),
    );
    expect(codes(answers)).toEqual({ ok: 10 });
    expect(await pointsOfZhang()).toEqual({ entries: 1, deltas: [15], total: 15 });
    const points = await h.okAs('member-zhang')('points', 'myPoints', {});
    expect(points).toMatchObject({ total: 15, yearPoints: 15 });
    const wish = (await h.store.get<WishDoc>('wishes', wishId))!;
    expect(wish.timeline.filter((e) => e.to === 'confirmed')).toHaveLength(1);
  });

  test('the same post sent 10 times at once with one request id makes one wish', async () => {
    const id = requestId();
    const answers = await Promise.all(Array.from({ length: 10 }, () => h.as('resident-zhao')('wishes', 'postWish', form(), id)));
    expect(codes(answers)).toEqual({ ok: 10 });
    const ids = new Set(answers.map((a) => (a.ok ? a.data._id : '')));
    expect(ids.size).toBe(1);
    expect(await h.store.count('wishes', {})).toBe(1);
  });

  test('staff posting for a resident 10 times at once with one request id makes one wish', async () => {
    const id = requestId();
    const data = { ...form(), onBehalfOf: h.userId('resident-zhao') };
    const answers = await Promise.all(Array.from({ length: 10 }, () => h.as('staff-li')('wishes', 'postWish', data, id)));
    expect(codes(answers)).toEqual({ ok: 10 });
    expect(await h.store.count('wishes', { residentId: h.userId('resident-zhao'), proxy: true })).toBe(1);
  });
});
