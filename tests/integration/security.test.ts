/**
 * Content security through the real handlers: text a user writes for others is checked before it
 * is stored (a refused text answers VALIDATION naming the field and changes nothing), and a photo
 * WeChat reports risky (or staff hide) disappears from every view that showed it. Locally the
 * checks are the deterministic stand-in (_adapters/local/localSecurity.ts).
 */
import { RISKY_IMAGE_MARKER } from '../../cloudfunctions/_adapters/local/localSecurity';
import { MEDIA_CHECKS, mediaCheckIdOf, receiveMediaVerdict, submitMediaChecks, type MediaCheckDoc } from '../../cloudfunctions/_core/security/mediaChecks';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { RECONCILE_GRACE_MS } from '../../cloudfunctions/_core/scheduler/reconcileWindow';
import { RECONCILE_JOBS, runJobs } from '../../cloudfunctions/_core/scheduler/runJobs';
import { crashingStore } from '../support/crashingStore';
import { invariantViolations } from '../support/invariants';
import { openHarness, type Harness } from '../support/harness';
import { itemByTitle, orderForm, orderIn, PNG, requestId } from '../support/orderFixtures';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

/** Every collection but the rate windows (a refused request gives its count back, leaving the empty window). */
const snapshot = async () => {
  const all: Record<string, unknown[]> = {};
  for (const { name } of COLLECTIONS) if (name !== 'rate_windows') all[name] = await h.store.find(name, {}, { orderBy: [['_id', 'asc']], limit: 1000 });
  return JSON.stringify(all);
};

const RISKY_PNG = Buffer.concat([PNG, Buffer.from(RISKY_IMAGE_MARKER)]);
const wishForm = { beneficiaryType: 'elderly' as const, kind: 'material' as const, title: '收音机', content: '想听戏。', value: 80, deadline: '2026-12-31' };

describe('text others will read', () => {
  test('a refused text answers VALIDATION in Chinese, names the field, and changes nothing', async () => {
    const item = await itemByTitle(h, '小家电维修');
    const completed = await orderIn(h, 'completed');
    const serving = await orderIn(h, 'serving', 'resident-zhou');
    const before = await snapshot();
    const refusals = [
      [await h.as('resident-zhao')('wishes', 'postWish', { ...wishForm, content: '想找人一起赌博' }, requestId()), 'content'],
      [await h.as('resident-zhao')('wishes', 'postWish', { ...wishForm, title: '代开发票' }, requestId()), 'title'],
      [await h.as('resident-sun')('orders', 'createOrder', orderForm(item._id, { note: '顺便带点毒品' }), requestId()), 'note'],
      [await h.as('resident-sun')('orders', 'rateOrder', { orderId: completed._id, stars: 1, tags: [], comment: '违禁测试' }), 'comment'],
      [await h.as('member-zhang')('orders', 'completeOrder', { orderId: serving._id, summary: '违禁测试', photos: [] }), 'summary'],
      [await h.asOpenid('wx-newcomer')('users', 'register', { communityId: 'c_jiariruyuan', name: '赌博', phone: '13900000009', building: '9号楼', room: '101' }), 'name'],
    ] as const;
    for (const [answer, field] of refusals) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { [field]: expect.stringContaining('不宜发布') } } });
      if (!answer.ok) expect(answer.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await snapshot()).toBe(before);
  });

  test('the same text, clean, goes through; access is checked before the text', async () => {
    expect((await h.as('resident-zhao')('wishes', 'postWish', wishForm, requestId())).ok).toBe(true);
    // A stranger is told they are not registered, not what is wrong with their text.
    const stranger = await h.asOpenid('wx-stranger')('wishes', 'postWish', { ...wishForm, content: '赌博' }, requestId());
    expect(stranger).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('when the check cannot run, nothing is published and the client may retry', async () => {
    const checkText = h.app.ports.security.checkText;
    h.app.ports.security.checkText = async () => {
      throw new Error('WeChat is unreachable');
    };
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const before = await snapshot();
      const answer = await h.as('resident-zhao')('wishes', 'postWish', wishForm, requestId());
      expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '内容安全检查暂时不可用，请稍后重试' } });
      expect(await snapshot()).toBe(before);
    } finally {
      h.app.ports.security.checkText = checkText;
      error.mockRestore();
    }
  });
});

describe('photos others will see', () => {
  test('a photo reported risky disappears from the order wherever it shows; a clean one stays', async () => {
    const order = await orderIn(h, 'serving');
    const clean = h.app.files.save(PNG, 'image/png');
    const risky = h.app.files.save(RISKY_PNG, 'image/png');
    await h.okAs('member-zhang')('orders', 'completeOrder', { orderId: order._id, summary: '已修好', photos: [clean, risky] });
    expect(await h.store.count(MEDIA_CHECKS, { refId: order._id, status: 'pending' })).toBe(2);
    // Pending: still shown (WeChat answers within 30 minutes).
    expect((await h.okAs('resident-sun')('orders', 'getOrder', { orderId: order._id })).photos).toEqual([clean, risky]);

    expect(await submitMediaChecks.run(h.app.ports)).toBe(2);
    expect(await h.deliverMediaVerdicts()).toBe(2);
    for (const viewer of ['resident-sun', 'member-zhang', 'staff-li'] as const) {
      expect((await h.okAs(viewer)('orders', 'getOrder', { orderId: order._id })).photos).toEqual([clean]);
    }
    const myOrders = await h.okAs('resident-sun')('orders', 'listMyOrders', {});
    expect(myOrders.items.find((o) => o._id === order._id)?.photos).toEqual([clean]);
    const checks = await h.store.find<MediaCheckDoc>(MEDIA_CHECKS, { refId: order._id }, { limit: 10 });
    expect(checks.map((c) => [c.fileId, c.status, c.applied]).sort()).toEqual([[clean, 'pass', false], [risky, 'risky', true]].sort());
  });

  test('a wish’s own photos and its proof of fulfilment are checked alike', async () => {
    const photo = h.app.files.save(RISKY_PNG, 'image/png');
    const wish = await h.okAs('resident-zhao')('wishes', 'postWish', { ...wishForm, photos: [photo] }, requestId());
    await h.okAs('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: true });
    await h.okAs('member-liu')('wishes', 'claimWish', { wishId: wish._id });
    const proof = h.app.files.save(RISKY_PNG, 'image/png');
    await h.okAs('member-liu')('wishes', 'fulfilWish', { wishId: wish._id, note: '已送到', photos: [proof] });
    await submitMediaChecks.run(h.app.ports);
    await h.deliverMediaVerdicts();
    const seen = await h.okAs('resident-sun')('wishes', 'getWish', { wishId: wish._id });
    expect(seen.photos).toEqual([]);
    expect(seen.fulfilPhotos).toEqual([]);
    const wall = await h.okAs('resident-sun')('wishes', 'wishWall', { status: 'fulfilled' });
    expect(wall.items.find((w) => w._id === wish._id)?.photos).toEqual([]);
  });

  test('two copies of the timer submit each photo once; a verdict for a trace id never submitted changes nothing', async () => {
    const order = await orderIn(h, 'completed');
    const submit = jest.spyOn(h.app.ports.security, 'submitImage');
    const [a, b] = await Promise.all([submitMediaChecks.run(h.app.ports), submitMediaChecks.run(h.app.ports)]);
    expect(a + b).toBe(1);
    expect(submit).toHaveBeenCalledTimes(1);
    expect(await receiveMediaVerdict(h.app.ports, { Event: 'wxa_media_check', trace_id: 'made-up', result: { suggest: 'risky', label: 20002 } })).toBe(0);
    expect((await h.okAs('resident-sun')('orders', 'getOrder', { orderId: order._id })).photos).toHaveLength(1);
    // The real verdict, delivered twice (WeChat retries pushes), settles the check once.
    const [verdict] = (h.app.security as unknown as { takeVerdicts(): Parameters<typeof receiveMediaVerdict>[1][] }).takeVerdicts();
    expect(await receiveMediaVerdict(h.app.ports, verdict)).toBe(1);
    expect(await receiveMediaVerdict(h.app.ports, verdict)).toBe(0);
  });

  test('a verdict whose push dies after recording it (before the photo is hidden) is applied by the reconciler', async () => {
    const order = await orderIn(h, 'serving');
    const risky = h.app.files.save(RISKY_PNG, 'image/png');
    await h.okAs('member-zhang')('orders', 'completeOrder', { orderId: order._id, summary: '已修好', photos: [risky] });
    await submitMediaChecks.run(h.app.ports);
    const [verdict] = (h.app.security as unknown as { takeVerdicts(): Parameters<typeof receiveMediaVerdict>[1][] }).takeVerdicts();
    const crashing = crashingStore(h.store, 1);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(receiveMediaVerdict({ ...h.app.ports, store: crashing.store }, verdict)).rejects.toThrow('the function died here');
    } finally {
      error.mockRestore();
    }
    expect((await invariantViolations(h.store)).join('\n')).toContain('a risky photo still shown');
    h.clock.advance(RECONCILE_GRACE_MS + 60_000);
    await runJobs(h.app.ports, RECONCILE_JOBS);
    expect(await invariantViolations(h.store)).toEqual([]);
    expect((await h.okAs('resident-sun')('orders', 'getOrder', { orderId: order._id })).photos).toEqual([]);
  });

  test('staff hide a photo in their community by hand; another community’s staff may not', async () => {
    const order = await orderIn(h, 'completed');
    const [photo] = order.photos;
    const other = await h.as('staff-other')('admin', 'hidePhoto', { refType: 'order', refId: order._id, fileId: photo, reason: '居民投诉' });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const resident = await h.as('resident-sun')('admin', 'hidePhoto', { refType: 'order', refId: order._id, fileId: photo, reason: '居民投诉' });
    expect(resident).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await h.as('staff-li')('admin', 'hidePhoto', { refType: 'order', refId: order._id, fileId: photo, reason: '居民投诉' })).ok).toBe(true);
    expect((await h.okAs('resident-sun')('orders', 'getOrder', { orderId: order._id })).photos).toEqual([]);
    const check = await h.store.get<MediaCheckDoc>(MEDIA_CHECKS, mediaCheckIdOf('order', order._id, photo));
    expect(check).toMatchObject({ status: 'risky', applied: true, manual: { by: h.userId('staff-li'), reason: '居民投诉' } });
    // Hiding it again answers the same; a photo that never showed is NOT_FOUND.
    expect((await h.as('staff-li')('admin', 'hidePhoto', { refType: 'order', refId: order._id, fileId: photo, reason: '居民投诉' })).ok).toBe(true);
    const never = await h.as('staff-li')('admin', 'hidePhoto', { refType: 'order', refId: order._id, fileId: 'local://abcdef.png', reason: '居民投诉' });
    expect(never).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('staff hide a wish’s proof of fulfilment by hand; its own photos stay', async () => {
    const own = h.app.files.save(PNG, 'image/png');
    const wish = await h.okAs('resident-zhao')('wishes', 'postWish', { ...wishForm, photos: [own] }, requestId());
    await h.okAs('staff-li')('wishes', 'reviewWish', { wishId: wish._id, approve: true });
    await h.okAs('member-liu')('wishes', 'claimWish', { wishId: wish._id });
    // Another picture than the wish's own (files are stored by their content).
    const proof = h.app.files.save(Buffer.concat([PNG, Buffer.from('doorplate')]), 'image/png');
    await h.okAs('member-liu')('wishes', 'fulfilWish', { wishId: wish._id, note: '已送到', photos: [proof] });
    expect((await h.as('staff-li')('admin', 'hidePhoto', { refType: 'wish', refId: wish._id, fileId: proof, reason: '照片拍到了门牌号' })).ok).toBe(true);
    const seen = await h.okAs('resident-sun')('wishes', 'getWish', { wishId: wish._id });
    expect([seen.photos, seen.fulfilPhotos]).toEqual([[own], []]);
    expect(await invariantViolations(h.store)).toEqual([]);
  });
});
