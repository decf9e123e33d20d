import type { ActionInput } from '../../types/api';
import type { WishStatus } from '../../types/wishes';
import type { Envelope } from '../../types/errors';
import { expireJob } from '../../cloudfunctions/_core/wishes/wishJobs';
import type { ClaimCounterDoc, WishDoc } from '../../cloudfunctions/_core/wishes/wishDocs';
import type { MessageDoc } from '../../cloudfunctions/_core/messages/notify';
import type { LedgerEntry } from '../../cloudfunctions/_core/points/ledger';
import type { UserDoc } from '../../cloudfunctions/_core/users/userDoc';
import { userIdFor } from '../../cloudfunctions/_core/users/userDoc';
import { OTHER_COMMUNITY } from '../../cloudfunctions/_local/demoData';
import { openHarness, type Harness, pointsTotalOf } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness(); // 2026-11-23 09:00 Asia/Shanghai
});
afterEach(() => h.close());

let seq = 0;
const requestId = () => `wish-req-${++seq}-${Date.now()}`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const photo = () => h.app.files.save(PNG, 'image/png');

const form = (over: Partial<ActionInput<'wishes', 'postWish'>> = {}): ActionInput<'wishes', 'postWish'> => ({
  beneficiaryType: 'elderly',
  kind: 'material',
  title: '想要一台收音机',
  content: '老伴走后一个人在家，想听听戏曲广播。',
  value: 80,
  deadline: '2026-12-20',
  ...over,
});

const post = (over: Partial<ActionInput<'wishes', 'postWish'>> = {}) => h.okAs('resident-zhao')('wishes', 'postWish', form(over), requestId());
const approve = (wishId: string) => h.okAs('staff-li')('wishes', 'reviewWish', { wishId, approve: true });
const openWish = async (over: Partial<ActionInput<'wishes', 'postWish'>> = {}) => {
  const wish = await post(over);
  await approve(wish._id);
  return wish._id;
};
const claim = (wishId: string) => h.okAs('member-zhang')('wishes', 'claimWish', { wishId });
const fulfil = async (wishId: string) =>
  h.okAs('member-zhang')('wishes', 'fulfilWish', { wishId, note: '收音机已送到老人家中并教会使用', photos: [await photo()] });
const confirm = (wishId: string) => h.okAs('resident-zhao')('wishes', 'confirmWish', { wishId });

const stored = async (wishId: string) => (await h.store.get<WishDoc>('wishes', wishId))!;
const wishCount = () => h.store.count('wishes', {});
const counterOf = async (memberId: string) => (await h.store.get<ClaimCounterDoc>('wish_claim_counters', memberId))?.count ?? 0;
const messagesTo = (userId: string, kind: string) => h.store.find<MessageDoc>('messages', { userId, kind });
const refusal = <T>(answer: Envelope<T>) => (answer.ok ? null : answer.error);

describe('posting a wish', () => {
  test('a resident posts for themself: pending review, off the wall, in the review queue and in their own list', async () => {
    const wish = await post();
    expect(wish).toMatchObject({
      status: 'pending_review',
      beneficiaryName: '赵秀兰',
      beneficiaryPhone: '13800000021',
      proxy: false,
      postedByName: null,
      mine: true,
      can: { withdraw: true, claim: false, review: false },
    });
    expect(wish.timeline).toEqual([{ at: h.clock.now(), byName: '赵秀兰', from: null, to: 'pending_review', note: '' }]);

    const wall = await h.okAs('member-zhang')('wishes', 'wishWall', {});
    expect(wall.items).toEqual([]);
    expect(refusal(await h.as('member-zhang')('wishes', 'getWish', { wishId: wish._id }))).toEqual({ code: 'NOT_FOUND', message: '心愿不存在' });
    const queue = await h.okAs('staff-li')('wishes', 'reviewQueue', {});
    expect(queue.items.map((w) => [w._id, w.beneficiaryName])).toEqual([[wish._id, '赵秀兰']]);
    const mine = await h.okAs('resident-zhao')('wishes', 'myWishes', {});
    expect(mine.items.map((w) => w._id)).toEqual([wish._id]);
    expect((await h.okAs('resident-sun')('wishes', 'myWishes', {})).items).toEqual([]);
  });

  test('staff post for a resident (代发心愿): recorded as proxy, the resident owns it, both find it in their lists', async () => {
    const wish = await h.okAs('staff-li')('wishes', 'postWish', form({ onBehalfOf: h.userId('resident-zhao') }), requestId());
    expect(wish).toMatchObject({ status: 'pending_review', proxy: true, beneficiaryName: '赵秀兰', postedByName: '李红梅' });
    expect(wish.timeline[0]).toMatchObject({ byName: '李红梅', to: 'pending_review', note: '社区代发布' });
    const doc = await stored(wish._id);
    expect(doc).toMatchObject({ residentId: h.userId('resident-zhao'), postedBy: h.userId('staff-li'), proxy: true });
    const asResident = await h.okAs('resident-zhao')('wishes', 'myWishes', {});
    expect(asResident.items).toEqual([expect.objectContaining({ _id: wish._id, mine: true, postedByName: '李红梅' })]);
    const asStaff = await h.okAs('staff-li')('wishes', 'myWishes', {});
    expect(asStaff.items.map((w) => w._id)).toEqual([wish._id]);
  });

  test.each([
    ['staff without a resident', 'staff-li', {}, 'VALIDATION', '请选择代发心愿的居民'],
    ['a resident posting for someone else', 'resident-sun', { onBehalfOf: 'RESIDENT_ZHAO' }, 'FORBIDDEN', '只有社区工作者可以代发心愿'],
    ['staff for a resident of another community', 'staff-other', { onBehalfOf: 'RESIDENT_ZHAO' }, 'FORBIDDEN', '无权访问其他社区的数据'],
    ['staff for another staff member', 'staff-li', { onBehalfOf: 'STAFF_LI' }, 'VALIDATION', '只能为本社区居民代发心愿'],
    ['staff for nobody', 'staff-li', { onBehalfOf: 'u_nobody' }, 'NOT_FOUND', '所选居民不存在'],
  ] as const)('who may post: %s → %s, nothing written', async (_label, key, extra, code, message) => {
    const ids: Record<string, string> = { RESIDENT_ZHAO: h.userId('resident-zhao'), STAFF_LI: h.userId('staff-li'), u_nobody: 'u_nobody' };
    const onBehalfOf = 'onBehalfOf' in extra ? ids[extra.onBehalfOf] : undefined;
    const answer = await h.as(key)('wishes', 'postWish', form(onBehalfOf ? { onBehalfOf } : {}), requestId());
    expect(refusal(answer)).toMatchObject({ code, message });
    expect(await wishCount()).toBe(0);
  });

  test.each([
    ['title over 30 characters', { title: '心'.repeat(31) }, 'title', '心愿标题不超过30个字'],
    ['an empty title', { title: '   ' }, 'title', '请填写心愿标题'],
    ['content over 300 characters', { content: '愿'.repeat(301) }, 'content', '心愿内容不超过300个字'],
    ['value over 500 yuan', { value: 501 }, 'value', '预计价值不超过500元'],
    ['a negative value', { value: -1 }, 'value', '预计价值不能为负数'],
    ['a value with cents', { value: 9.5 }, 'value', '预计价值须为整数（元）'],
    ['an unknown beneficiary type', { beneficiaryType: 'pet' }, 'beneficiaryType', '请选择受助对象类型'],
    ['an unknown kind', { kind: 'cash' }, 'kind', '请选择心愿类型'],
    ['four photos', { photos: ['local://a1.png', 'local://a2.png', 'local://a3.png', 'local://a4.png'] }, 'photos', '心愿照片最多3张'],
    ['a deadline in the wrong format', { deadline: '2026/12/20' }, 'deadline', '截止日期格式应为 YYYY-MM-DD'],
    ['a deadline in the past', { deadline: '2026-11-22' }, 'deadline', '截止日期不能早于今天'],
    ['a deadline that does not exist', { deadline: '2027-02-30' }, 'deadline', '截止日期不存在，请重新选择'],
    ['a photo that was never uploaded', { photos: ['local://neveruploaded.png'] }, 'photos.0', '图片不存在或已失效，请重新上传'],
  ])('bad input (%s) → VALIDATION naming the field, nothing written', async (_label, over, field, message) => {
    const answer = await h.as('resident-zhao')('wishes', 'postWish', form(over as never), requestId());
    expect(answer.ok).toBe(false);
    expect(refusal(answer)).toMatchObject({ code: 'VALIDATION', fields: expect.objectContaining({ [field]: message }) });
    expect(await wishCount()).toBe(0);
  });

  test('the deadline may be today (the server’s date in Asia/Shanghai), and photos that were uploaded are kept', async () => {
    h.clock.set('2026-11-30T23:30:00+08:00'); // still 11-30 in Shanghai, already 11-30 15:30 UTC
    const pictures = [await photo(), await photo()];
    const wish = await post({ deadline: '2026-11-30', photos: pictures, value: 500 });
    expect(wish).toMatchObject({ deadline: '2026-11-30', photos: pictures, value: 500 });
    h.clock.set('2026-12-01T00:00:00+08:00');
    const late = await h.as('resident-zhao')('wishes', 'postWish', form({ deadline: '2026-11-30' }), requestId());
    expect(refusal(late)).toMatchObject({ code: 'VALIDATION', fields: { deadline: '截止日期不能早于今天' } });
  });

  test('a post needs a request id; the same request id answers the first wish, a new one makes another', async () => {
    const none = await h.as('resident-zhao')('wishes', 'postWish', form());
    expect(refusal(none)).toMatchObject({ code: 'VALIDATION' });
    expect(await wishCount()).toBe(0);
    const id = requestId();
    const first = await h.okAs('resident-zhao')('wishes', 'postWish', form(), id);
    const retried = await h.okAs('resident-zhao')('wishes', 'postWish', form({ title: '重试时改了标题' }), id);
    expect(retried._id).toBe(first._id);
    expect(retried.title).toBe('想要一台收音机');
    // Another resident using the same request id posts their own wish.
    const other = await h.okAs('resident-sun')('wishes', 'postWish', form(), id);
    expect(other._id).not.toBe(first._id);
    expect(await wishCount()).toBe(2);
  });
});

describe('reviewing', () => {
  test('approve puts the wish on the wall and tells the resident', async () => {
    const wish = await post();
    const approved = await approve(wish._id);
    expect(approved.status).toBe('open');
    expect(approved.timeline.map((e) => [e.from, e.to, e.byName])).toEqual([
      [null, 'pending_review', '赵秀兰'],
      ['pending_review', 'open', '李红梅'],
    ]);
    const wall = await h.okAs('member-zhang')('wishes', 'wishWall', {});
    expect(wall.items.map((w) => w._id)).toEqual([wish._id]);
    expect(await messagesTo(h.userId('resident-zhao'), 'wish_approved')).toHaveLength(1);
    expect((await h.okAs('staff-li')('wishes', 'reviewQueue', {})).items).toEqual([]);
  });

  test('reject needs a reason; the reason is kept for the resident and staff; nobody else sees the wish', async () => {
    const wish = await post();
    const bare = await h.as('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: false });
    expect(refusal(bare)).toEqual({ code: 'VALIDATION', message: '请填写不通过的原因', fields: { reason: '请填写不通过的原因' } });
    expect((await stored(wish._id)).status).toBe('pending_review');

    const rejected = await h.okAs('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: false, reason: '价值超出微心愿范围，请联系社区' });
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '价值超出微心愿范围，请联系社区' });
    expect(rejected.timeline[1]).toMatchObject({ from: 'pending_review', to: 'rejected', note: '价值超出微心愿范围，请联系社区' });
    const own = await h.okAs('resident-zhao')('wishes', 'getWish', { wishId: wish._id });
    expect(own.rejectReason).toBe('价值超出微心愿范围，请联系社区');
    expect(refusal(await h.as('resident-sun')('wishes', 'getWish', { wishId: wish._id }))?.code).toBe('NOT_FOUND');
    expect(await messagesTo(h.userId('resident-zhao'), 'wish_rejected')).toEqual([expect.objectContaining({ body: expect.stringContaining('价值超出微心愿范围') })]);
  });

  test('only staff of the same community review, once', async () => {
    const wish = await post();
    for (const key of ['member-zhang', 'resident-sun', 'resident-zhao'] as const) {
      expect(refusal(await h.as(key)('wishes', 'reviewWish', { wishId: wish._id, approve: true }))).toEqual({ code: 'FORBIDDEN', message: '您的身份无权进行此操作' });
    }
    expect(refusal(await h.as('staff-other')('wishes', 'reviewWish', { wishId: wish._id, approve: true }))).toEqual({ code: 'FORBIDDEN', message: '无权访问其他社区的数据' });
    expect((await stored(wish._id)).status).toBe('pending_review');
    await approve(wish._id);
    expect(refusal(await h.as('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: false, reason: '重复审核' }))?.code).toBe('CONFLICT');
    expect((await stored(wish._id)).status).toBe('open');
  });

  test('a wish whose deadline passed while it waited cannot be approved', async () => {
    const wish = await post({ deadline: '2026-11-25' });
    h.clock.set('2026-11-26T08:00:00+08:00');
    const answer = await h.as('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: true });
    expect(refusal(answer)).toEqual({ code: 'CONFLICT', message: '该心愿已过截止日期，不能通过审核' });
    expect((await stored(wish._id)).status).toBe('pending_review');
  });
});

describe('claim → fulfil → confirm', () => {
  test('the whole loop: one claimer, proof, confirmation, 15 points paid to the claimer; the poster is told twice', async () => {
    const wishId = await openWish();
    const claimed = await claim(wishId);
    expect(claimed).toMatchObject({ status: 'claimed', claimerId: h.userId('member-zhang'), claimerName: '张建国', claimedAt: h.clock.now() });
    // The claimer arranges the delivery by phone, but the name stays masked for them.
    expect(claimed).toMatchObject({ beneficiaryName: '赵**', beneficiaryPhone: '13800000021', can: { release: true, fulfil: true, claim: false } });
    expect(await counterOf(h.userId('member-zhang'))).toBe(1);
    expect(await messagesTo(h.userId('resident-zhao'), 'wish_claimed')).toEqual([expect.objectContaining({ refType: 'wish', refId: wishId, body: expect.stringContaining('张建国') })]);

    h.clock.advance(3 * 24 * 60 * 60 * 1000);
    const fulfilled = await fulfil(wishId);
    expect(fulfilled).toMatchObject({ status: 'fulfilled', fulfilNote: '收音机已送到老人家中并教会使用', fulfilledAt: h.clock.now(), beneficiaryPhone: null });
    expect(fulfilled.fulfilPhotos).toHaveLength(1);
    expect(await counterOf(h.userId('member-zhang'))).toBe(0);
    expect(await messagesTo(h.userId('resident-zhao'), 'wish_fulfilled')).toHaveLength(1);
    // Nothing is paid before the beneficiary confirms.
    expect(await h.store.count('points_ledger', { refId: wishId })).toBe(0);

    const asOwner = await h.okAs('resident-zhao')('wishes', 'getWish', { wishId });
    expect(asOwner.can).toMatchObject({ confirm: true, withdraw: false });
    const confirmed = await confirm(wishId);
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmedAt: h.clock.now() });
    expect(confirmed.timeline.map((e) => e.to)).toEqual(['pending_review', 'open', 'claimed', 'fulfilled', 'confirmed']);

    const ledger = await h.store.find<LedgerEntry>('points_ledger', { memberId: h.userId('member-zhang') });
    expect(ledger).toEqual([expect.objectContaining({ delta: 15, reason: 'wish_confirmed', refId: wishId, communityId: 'c_jiariruyuan' })]);
    expect(await pointsTotalOf(h, h.userId('member-zhang'))).toBe(15);
    const points = await h.okAs('member-zhang')('points', 'myPoints', {});
    expect(points.total).toBe(15);
  });

  test('staff may confirm for the beneficiary; another resident and the claimer may not', async () => {
    const wishId = await openWish();
    await claim(wishId);
    await fulfil(wishId);
    expect(refusal(await h.as('resident-sun')('wishes', 'confirmWish', { wishId }))).toEqual({ code: 'FORBIDDEN', message: '只有心愿本人或社区工作者可以确认圆梦' });
    expect(refusal(await h.as('member-zhang')('wishes', 'confirmWish', { wishId }))?.code).toBe('FORBIDDEN');
    expect(refusal(await h.as('staff-other')('wishes', 'confirmWish', { wishId }))?.code).toBe('FORBIDDEN');
    expect((await stored(wishId)).status).toBe('fulfilled');
    const confirmed = await h.okAs('staff-li')('wishes', 'confirmWish', { wishId });
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.timeline.at(-1)).toMatchObject({ byName: '李红梅', from: 'fulfilled', to: 'confirmed' });
  });

  test('a community may pay a different amount for a confirmed wish', async () => {
    await h.store.updateById('communities', 'c_jiariruyuan', { pointRules: { wishConfirmed: 20 } });
    const wishId = await openWish();
    await claim(wishId);
    await fulfil(wishId);
    await confirm(wishId);
    expect(await pointsTotalOf(h, h.userId('member-zhang'))).toBe(20);
  });

  test('who may claim: members only, of the same community, never their own wish', async () => {
    const wishId = await openWish();
    for (const key of ['resident-sun', 'staff-li'] as const) {
      expect(refusal(await h.as(key)('wishes', 'claimWish', { wishId }))).toEqual({ code: 'FORBIDDEN', message: '您的身份无权进行此操作' });
    }
    const outsider = 'wx-member-of-wenhuali';
    await h.store.insert('users', {
      _id: userIdFor(outsider),
      openid: outsider,
      communityId: OTHER_COMMUNITY._id,
      name: '外社区党员',
      phone: '13900000999',
      building: '1号楼',
      room: '101',
      role: 'member',
      elderly: false,
      memberStatus: 'approved',
      skills: [],
      history: [],
      createdAt: h.clock.now(),
      updatedAt: h.clock.now(),
    } satisfies UserDoc);
    expect(refusal(await h.asOpenid(outsider)('wishes', 'claimWish', { wishId }))).toEqual({ code: 'FORBIDDEN', message: '无权访问其他社区的数据' });

    const own = await h.okAs('member-liu')('wishes', 'postWish', form({ beneficiaryType: 'other', title: '想学智能手机' }), requestId());
    await approve(own._id);
    expect(refusal(await h.as('member-liu')('wishes', 'claimWish', { wishId: own._id }))).toEqual({ code: 'FORBIDDEN', message: '不能认领自己的心愿' });
    expect((await stored(wishId)).status).toBe('open');
    expect((await stored(own._id)).status).toBe('open');
  });

  test('a claimed wish refuses a second claimer with a clear message; the claimer retrying keeps their claim', async () => {
    const wishId = await openWish();
    await claim(wishId);
    expect(refusal(await h.as('member-liu')('wishes', 'claimWish', { wishId }))).toEqual({ code: 'CONFLICT', message: '该心愿已被认领' });
    const again = await claim(wishId);
    expect(again.claimerId).toBe(h.userId('member-zhang'));
    expect(again.timeline.filter((e) => e.to === 'claimed')).toHaveLength(1);
    expect(await counterOf(h.userId('member-zhang'))).toBe(1);
    expect(await messagesTo(h.userId('resident-zhao'), 'wish_claimed')).toHaveLength(1);
  });

  test('an open wish past its deadline cannot be claimed even before the timer expires it', async () => {
    const wishId = await openWish({ deadline: '2026-11-24' });
    h.clock.set('2026-11-25T00:00:01+08:00');
    expect(refusal(await h.as('member-zhang')('wishes', 'claimWish', { wishId }))).toEqual({ code: 'CONFLICT', message: '该心愿已过截止日期' });
    expect(await counterOf(h.userId('member-zhang'))).toBe(0);
  });

  test('release: only the claimer, with a reason kept in the timeline; the wish reopens and the slot returns', async () => {
    const wishId = await openWish();
    await claim(wishId);
    expect(refusal(await h.as('member-liu')('wishes', 'releaseClaim', { wishId, reason: '想替他放弃' }))).toEqual({ code: 'FORBIDDEN', message: '只有认领该心愿的党员可以操作' });
    const noReason = await h.as('member-zhang')('wishes', 'releaseClaim', { wishId, reason: ' ' });
    expect(refusal(noReason)).toMatchObject({ code: 'VALIDATION', fields: { reason: '请填写释放原因' } });
    expect((await stored(wishId)).status).toBe('claimed');

    const released = await h.okAs('member-zhang')('wishes', 'releaseClaim', { wishId, reason: '临时出差，无法按时完成' });
    expect(released).toMatchObject({ status: 'open', claimerId: null, claimerName: null, claimedAt: null });
    expect(released.timeline.at(-1)).toMatchObject({ byName: '张建国', from: 'claimed', to: 'open', note: '释放原因：临时出差，无法按时完成' });
    expect(await counterOf(h.userId('member-zhang'))).toBe(0);
    expect(refusal(await h.as('member-zhang')('wishes', 'releaseClaim', { wishId, reason: '再放一次' }))).toEqual({ code: 'CONFLICT', message: '该心愿还未被认领' });

    const reclaimed = await h.okAs('member-liu')('wishes', 'claimWish', { wishId });
    expect(reclaimed.claimerName).toBe('刘芳');
  });

  test('fulfil: only the claimer, with a note and at least one uploaded proof photo', async () => {
    const wishId = await openWish();
    await claim(wishId);
    const proof = await photo();
    expect(refusal(await h.as('member-liu')('wishes', 'fulfilWish', { wishId, note: '冒领', photos: [proof] }))?.code).toBe('FORBIDDEN');
    const noPhoto = await h.as('member-zhang')('wishes', 'fulfilWish', { wishId, note: '已送达', photos: [] });
    expect(refusal(noPhoto)).toMatchObject({ code: 'VALIDATION', fields: { photos: '请上传至少一张圆梦照片' } });
    const noNote = await h.as('member-zhang')('wishes', 'fulfilWish', { wishId, note: '', photos: [proof] });
    expect(refusal(noNote)).toMatchObject({ code: 'VALIDATION', fields: { note: '请填写圆梦说明' } });
    const fake = await h.as('member-zhang')('wishes', 'fulfilWish', { wishId, note: '已送达', photos: [proof, 'local://fakefake.jpg'] });
    expect(refusal(fake)).toMatchObject({ code: 'VALIDATION', fields: { 'photos.1': '图片不存在或已失效，请重新上传' } });
    const doc = await stored(wishId);
    expect(doc).toMatchObject({ status: 'claimed', fulfilNote: '', fulfilPhotos: [] });
    expect(await counterOf(h.userId('member-zhang'))).toBe(1);
  });

  test('withdraw: the poster or staff, only before anyone claims it', async () => {
    const pending = await post();
    expect(refusal(await h.as('resident-sun')('wishes', 'withdrawWish', { wishId: pending._id }))).toEqual({ code: 'FORBIDDEN', message: '只有发布人可以撤回心愿' });
    expect(refusal(await h.as('staff-other')('wishes', 'withdrawWish', { wishId: pending._id }))?.code).toBe('FORBIDDEN');
    const withdrawn = await h.okAs('resident-zhao')('wishes', 'withdrawWish', { wishId: pending._id, reason: '家里人已经买了' });
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.timeline.at(-1)).toMatchObject({ from: 'pending_review', to: 'withdrawn', note: '家里人已经买了' });

    const open = await openWish();
    expect((await h.okAs('staff-li')('wishes', 'withdrawWish', { wishId: open })).status).toBe('withdrawn');
    expect(refusal(await h.as('member-zhang')('wishes', 'claimWish', { wishId: open }))).toEqual({ code: 'CONFLICT', message: '该心愿已撤回' });

    const taken = await openWish();
    await claim(taken);
    expect(refusal(await h.as('resident-zhao')('wishes', 'withdrawWish', { wishId: taken }))).toEqual({ code: 'CONFLICT', message: '该心愿已被认领，不能撤回' });
    expect((await stored(taken)).status).toBe('claimed');
    // Records are never deleted: all three are still stored.
    expect(await wishCount()).toBe(3);
  });
});

describe('every transition from every state', () => {
  const STATES: WishStatus[] = ['pending_review', 'open', 'rejected', 'claimed', 'fulfilled', 'confirmed', 'withdrawn', 'expired'];

  /** Drives a fresh wish to `state` through the real actions (and the timer for `expired`). */
  const reach = async (state: WishStatus): Promise<string> => {
    const wish = await post({ deadline: '2026-11-30' });
    if (state === 'pending_review') return wish._id;
    if (state === 'rejected') {
      await h.okAs('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: false, reason: '信息不全' });
      return wish._id;
    }
    if (state === 'withdrawn') {
      await h.okAs('resident-zhao')('wishes', 'withdrawWish', { wishId: wish._id });
      return wish._id;
    }
    await approve(wish._id);
    if (state === 'expired') {
      h.clock.set('2026-12-01T00:00:00+08:00');
      expect(await expireJob.run(h.app.ports)).toBe(1);
    }
    if (state === 'open' || state === 'expired') return wish._id;
    await claim(wish._id);
    if (state === 'claimed') return wish._id;
    await fulfil(wish._id);
    if (state === 'fulfilled') return wish._id;
    await confirm(wish._id);
    return wish._id;
  };

  /** Each step as the person entitled to take it, so that only the state decides. */
  const STEPS = {
    reviewWish: (wishId: string) => h.as('staff-li')('wishes', 'reviewWish', { wishId, approve: true }),
    claimWish: (wishId: string) => h.as('member-liu')('wishes', 'claimWish', { wishId }),
    releaseClaim: (wishId: string) => h.as('member-zhang')('wishes', 'releaseClaim', { wishId, reason: '临时有事' }),
    fulfilWish: async (wishId: string) => h.as('member-zhang')('wishes', 'fulfilWish', { wishId, note: '已完成', photos: [await photo()] }),
    confirmWish: (wishId: string) => h.as('resident-zhao')('wishes', 'confirmWish', { wishId }),
    withdrawWish: (wishId: string) => h.as('resident-zhao')('wishes', 'withdrawWish', { wishId }),
  };
  const ALLOWED: Record<keyof typeof STEPS, WishStatus[]> = {
    reviewWish: ['pending_review'],
    claimWish: ['open'],
    releaseClaim: ['claimed'],
    fulfilWish: ['claimed'],
    // Confirming a confirmed wish again answers it unchanged (a double tap), paying nothing more.
    confirmWish: ['fulfilled', 'confirmed'],
    withdrawWish: ['pending_review', 'open'],
  };

  test.each(STATES.flatMap((state) => (Object.keys(STEPS) as Array<keyof typeof STEPS>).map((step) => [state, step] as const)))(
    'from %s, %s',
    async (state, step) => {
      const wishId = await reach(state);
      const before = await stored(wishId);
      const answer = await STEPS[step](wishId);
      if (ALLOWED[step].includes(state)) {
        expect(answer.ok).toBe(true);
      } else {
        expect(refusal(answer)).toEqual({ code: 'CONFLICT', message: expect.stringMatching(/^该心愿|^心愿尚未圆梦/) });
        expect(await stored(wishId)).toEqual(before);
      }
    },
  );
});

describe('the wish wall', () => {
  const zhao = '赵秀兰';

  test('the beneficiary is masked for everyone but the beneficiary, the poster and staff; no phone for the public', async () => {
    const wishId = await openWish();
    const wallFor = async (key: 'member-liu' | 'resident-sun' | 'resident-zhao' | 'staff-li') =>
      (await h.okAs(key)('wishes', 'wishWall', {})).items[0];
    expect(await wallFor('member-liu')).toMatchObject({ beneficiaryName: '赵**', beneficiaryPhone: null, mine: false });
    expect(await wallFor('resident-sun')).toMatchObject({ beneficiaryName: '赵**', beneficiaryPhone: null });
    expect(await wallFor('resident-zhao')).toMatchObject({ beneficiaryName: zhao, beneficiaryPhone: '13800000021', mine: true });
    expect(await wallFor('staff-li')).toMatchObject({ beneficiaryName: zhao, beneficiaryPhone: '13800000021', mine: false });

    const detail = await h.okAs('resident-sun')('wishes', 'getWish', { wishId });
    expect(detail.beneficiaryName).toBe('赵**');
    // The beneficiary's own timeline events do not give the name away either.
    expect(detail.timeline[0]).toMatchObject({ byName: '赵**', to: 'pending_review' });
    expect(JSON.stringify(detail)).not.toContain(zhao);
    expect(JSON.stringify(detail)).not.toContain('13800000021');
  });

  test('a proxy wish hides the staff poster from the public but not the staff name on the timeline', async () => {
    const wish = await h.okAs('staff-li')('wishes', 'postWish', form({ onBehalfOf: h.userId('resident-zhao') }), requestId());
    await approve(wish._id);
    const seen = await h.okAs('member-zhang')('wishes', 'getWish', { wishId: wish._id });
    expect(seen).toMatchObject({ proxy: true, postedByName: null, beneficiaryName: '赵**' });
    expect(seen.timeline[0]).toMatchObject({ byName: '李红梅', note: '社区代发布' });
    // Both the resident and the staff member who posted for them hear about the claim.
    await claim(wish._id);
    expect(await messagesTo(h.userId('resident-zhao'), 'wish_claimed')).toHaveLength(1);
    expect(await messagesTo(h.userId('staff-li'), 'wish_claimed')).toHaveLength(1);
  });

  test('filters by beneficiary type, kind and state, pages with a cursor, and counts open and fulfilled wishes', async () => {
    const ids: string[] = [];
    for (const [i, [beneficiaryType, kind]] of ([
      ['elderly', 'material'],
      ['child', 'material'],
      ['child', 'companion'],
      ['hardship', 'service'],
      ['disabled', 'companion'],
    ] as const).entries()) {
      h.clock.advance(60_000);
      ids.push(await openWish({ beneficiaryType, kind, title: `心愿${i + 1}` }));
    }
    const as = h.okAs('member-chen');
    expect((await as('wishes', 'wishWall', { beneficiaryType: 'child' })).items.map((w) => w.title)).toEqual(['心愿3', '心愿2']);
    expect((await as('wishes', 'wishWall', { kind: 'companion' })).items.map((w) => w.title)).toEqual(['心愿5', '心愿3']);
    expect((await as('wishes', 'wishWall', { beneficiaryType: 'child', kind: 'companion' })).items.map((w) => w.title)).toEqual(['心愿3']);

    const first = await as('wishes', 'wishWall', { pageSize: 2 });
    expect(first.items.map((w) => w.title)).toEqual(['心愿5', '心愿4']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await as('wishes', 'wishWall', { pageSize: 2, cursor: first.nextCursor! });
    expect(second.items.map((w) => w.title)).toEqual(['心愿3', '心愿2']);
    const last = await as('wishes', 'wishWall', { pageSize: 2, cursor: second.nextCursor! });
    expect(last.items.map((w) => w.title)).toEqual(['心愿1']);
    expect(last.nextCursor).toBeNull();
    expect(first.counts).toEqual({ open: 5, fulfilled: 0 });

    await claim(ids[0]);
    const claimedWall = await as('wishes', 'wishWall', { status: 'claimed' });
    expect(claimedWall.items.map((w) => w.title)).toEqual(['心愿1']);
    expect(claimedWall.counts).toEqual({ open: 4, fulfilled: 0 });
    await fulfil(ids[0]);
    await confirm(ids[0]);
    const after = await as('wishes', 'wishWall', {});
    expect(after.counts).toEqual({ open: 4, fulfilled: 1 });
    expect(after.items).toHaveLength(4);
    expect((await as('wishes', 'wishWall', { status: 'confirmed' })).items.map((w) => w.title)).toEqual(['心愿1']);

    // Fulfilled-but-unconfirmed wishes count too: 累计圆梦 counts what came true.
    await claim(ids[1]);
    await fulfil(ids[1]);
    expect((await as('wishes', 'wishWall', {})).counts).toEqual({ open: 3, fulfilled: 2 });
  });

  test('states that are not public cannot be asked for; other communities see nothing', async () => {
    await openWish();
    await post();
    const bad = await h.as('member-zhang')('wishes', 'wishWall', { status: 'pending_review' as never });
    expect(refusal(bad)?.code).toBe('VALIDATION');
    const other = await h.okAs('staff-other')('wishes', 'wishWall', {});
    expect(other).toEqual({ items: [], nextCursor: null, counts: { open: 0, fulfilled: 0 } });
    const wishId = (await h.okAs('member-zhang')('wishes', 'wishWall', {})).items[0]._id;
    expect(refusal(await h.as('staff-other')('wishes', 'getWish', { wishId }))).toEqual({ code: 'FORBIDDEN', message: '无权访问其他社区的数据' });
    expect((await h.okAs('staff-other')('wishes', 'reviewQueue', {})).items).toEqual([]);
  });

  test('my claims lists what a member holds and held; residents have no claims list', async () => {
    const a = await openWish({ title: '甲' });
    const b = await openWish({ title: '乙' });
    await claim(a);
    h.clock.advance(1000);
    await claim(b);
    await fulfil(a);
    const all = await h.okAs('member-zhang')('wishes', 'myClaims', {});
    expect(all.items.map((w) => [w.title, w.status])).toEqual([
      ['乙', 'claimed'],
      ['甲', 'fulfilled'],
    ]);
    const active = await h.okAs('member-zhang')('wishes', 'myClaims', { status: 'claimed' });
    expect(active.items.map((w) => w.title)).toEqual(['乙']);
    expect((await h.okAs('member-liu')('wishes', 'myClaims', {})).items).toEqual([]);
    expect(refusal(await h.as('resident-sun')('wishes', 'myClaims', {}))?.code).toBe('FORBIDDEN');
  });
});
