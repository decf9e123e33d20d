import { ORDER_STATUSES, type OrderStatus } from '../../types/orders';
import { openHarness, type DemoKey, type Harness } from '../support/harness';
import { PNG, itemByTitle, orderForm, orderIn, requestId } from '../support/orderFixtures';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

describe('点菜 → 派单 → 送菜 → 评菜', () => {
  test('the whole loop, with the timeline both sides see and the points the member earns', async () => {
    const item = await itemByTitle(h, '小家电维修');
    const order = await h.okAs('resident-sun')('orders', 'createOrder', orderForm(item._id), requestId());
    expect(order).toMatchObject({ status: 'submitted', itemTitle: '小家电维修', residentName: '孙丽', proxy: false, address: '2号楼2单元402' });

    const board = await h.okAs('staff-li')('orders', 'dispatchBoard', {});
    expect(board.toDispatch.map((o) => o._id)).toContain(order._id);

    await h.okAs('staff-li')('orders', 'dispatchOrder', { orderId: order._id, memberId: h.userId('member-zhang') });
    const task = await h.okAs('member-zhang')('orders', 'getOrder', { orderId: order._id });
    expect(task).toMatchObject({ status: 'assigned', phone: '13800000022', address: '2号楼2单元402' });

    await h.okAs('member-zhang')('orders', 'startOrder', { orderId: order._id });
    const photo = h.app.files.save(PNG, 'image/png');
    await h.okAs('member-zhang')('orders', 'completeOrder', { orderId: order._id, summary: '已修好', photos: [photo] });
    const rated = await h.okAs('resident-sun')('orders', 'rateOrder', { orderId: order._id, stars: 5, tags: ['准时', '专业'], comment: '张师傅很专业' });

    expect(rated.status).toBe('rated');
    expect(rated.photos).toEqual([photo]);
    expect(rated.rating).toMatchObject({ stars: 5, tags: ['准时', '专业'], comment: '张师傅很专业', auto: false });
    expect(rated.timeline.map((e) => [e.from, e.to, e.byName])).toEqual([
      [null, 'submitted', '孙丽'],
      ['submitted', 'assigned', '李红梅'],
      ['assigned', 'serving', '张建国'],
      ['serving', 'completed', '张建国'],
      ['completed', 'rated', '孙丽'],
    ]);
    const seenByMember = await h.okAs('member-zhang')('orders', 'getOrder', { orderId: order._id });
    expect(seenByMember.timeline).toEqual(rated.timeline);

    const points = await h.okAs('member-zhang')('points', 'myPoints', {});
    expect(points.total).toBe(15);
    expect(points.entries.map((e) => [e.reason, e.delta])).toEqual(expect.arrayContaining([['order_completed', 10], ['order_rating', 5]]));

    const messages = await h.okAs('resident-sun')('users', 'listMessages', {});
    expect(messages.items.map((m) => m.kind)).toEqual(expect.arrayContaining(['order_accepted', 'order_completed']));
  });

  test('a member with the skill grabs from the task hall; one without it neither sees nor grabs it', async () => {
    const order = await orderIn(h, 'submitted');
    const hallZhang = await h.okAs('member-zhang')('orders', 'taskHall', {});
    const hallLiu = await h.okAs('member-liu')('orders', 'taskHall', {});
    expect(hallZhang.items.map((o) => o._id)).toContain(order._id);
    expect(hallLiu.items.map((o) => o._id)).not.toContain(order._id);
    const refused = await h.as('member-liu')('orders', 'grabOrder', { orderId: order._id });
    expect(refused).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '您的技能与该服务不匹配' } });
    const grabbed = await h.okAs('member-zhang')('orders', 'grabOrder', { orderId: order._id });
    expect(grabbed).toMatchObject({ status: 'assigned', assigneeName: '张建国' });
  });

  test('privacy: the hall shows a masked phone and no address; only the assignee sees them, and only while serving', async () => {
    const order = await orderIn(h, 'submitted');
    const hall = (await h.okAs('member-zhang')('orders', 'taskHall', {})).items.find((o) => o._id === order._id)!;
    expect(hall).toMatchObject({ phone: '138****0022', address: null });

    await h.okAs('member-zhang')('orders', 'grabOrder', { orderId: order._id });
    expect(await h.okAs('member-zhang')('orders', 'getOrder', { orderId: order._id })).toMatchObject({ phone: '13800000022', address: '2号楼2单元402' });
    const other = await h.as('member-chen')('orders', 'getOrder', { orderId: order._id });
    expect(other.ok || other.error.code).toBe('FORBIDDEN');

    await h.okAs('member-zhang')('orders', 'startOrder', { orderId: order._id });
    await h.okAs('member-zhang')('orders', 'completeOrder', { orderId: order._id, summary: '完成', photos: [] });
    expect(await h.okAs('member-zhang')('orders', 'getOrder', { orderId: order._id })).toMatchObject({ phone: '138****0022', address: null });
    expect(await h.okAs('resident-sun')('orders', 'getOrder', { orderId: order._id })).toMatchObject({ phone: '13800000022' });
  });

  test('a member declines: the order goes back to 待派单 with the reason in the timeline', async () => {
    const order = await orderIn(h, 'assigned');
    const back = await h.okAs('member-zhang')('orders', 'declineOrder', { orderId: order._id, reason: '本周出差' });
    expect(back).toMatchObject({ status: 'submitted', assigneeId: null });
    expect(back.timeline.at(-1)).toMatchObject({ from: 'assigned', to: 'submitted', note: '退回：本周出差' });
    const noReason = await h.as('member-zhang')('orders', 'declineOrder', { orderId: order._id, reason: '' });
    expect(noReason.ok || noReason.error.code).toBe('VALIDATION');
  });

  test('代点单: staff order for an elderly resident, recorded as proxy; staff may rate it', async () => {
    const item = await itemByTitle(h, '上门陪伴');
    const order = await h.okAs('staff-li')('orders', 'createOrder', orderForm(item._id, { onBehalfOf: h.userId('resident-zhao'), phone: '13800000021', address: '1号楼1单元101' }), requestId());
    expect(order).toMatchObject({ proxy: true, residentName: '赵秀兰', status: 'submitted' });
    expect(order.timeline[0]).toMatchObject({ byName: '李红梅', note: '社区代点单' });
    const mine = await h.okAs('resident-zhao')('orders', 'listMyOrders', {});
    expect(mine.items.map((o) => o._id)).toEqual([order._id]);

    await h.okAs('staff-li')('orders', 'dispatchOrder', { orderId: order._id, memberId: h.userId('member-liu') });
    await h.okAs('member-liu')('orders', 'startOrder', { orderId: order._id });
    await h.okAs('member-liu')('orders', 'completeOrder', { orderId: order._id, summary: '陪老人聊天两小时', photos: [] });
    const rated = await h.okAs('staff-li')('orders', 'rateOrder', { orderId: order._id, stars: 4, tags: ['耐心'] });
    expect(rated.rating?.stars).toBe(4);
    expect((await h.okAs('member-liu')('points', 'myPoints', {})).total).toBe(13);
  });

  test('staff must say why they cancel; residents cannot cancel once service started', async () => {
    const serving = await orderIn(h, 'serving');
    const byResident = await h.as('resident-sun')('orders', 'cancelOrder', { orderId: serving._id });
    expect(byResident).toEqual({ ok: false, error: { code: 'CONFLICT', message: '订单当前为“服务中”，不能取消' } });
    const noReason = await h.as('staff-li')('orders', 'cancelOrder', { orderId: serving._id });
    expect(noReason.ok || noReason.error.code).toBe('VALIDATION');
    const cancelled = await h.okAs('staff-li')('orders', 'cancelOrder', { orderId: serving._id, reason: '居民临时外出' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '居民临时外出' });
    const told = await h.okAs('member-zhang')('users', 'listMessages', {});
    expect(told.items.map((m) => m.kind)).toContain('order_cancelled');
  });

  test('photos must really have been uploaded', async () => {
    const order = await orderIn(h, 'serving');
    const answer = await h.as('member-zhang')('orders', 'completeOrder', { orderId: order._id, summary: '完成', photos: ['local://deadbeef.png'] });
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', fields: { 'photos.0': '图片不存在或已失效，请重新上传' } }) });
    expect((await h.okAs('member-zhang')('orders', 'getOrder', { orderId: order._id })).status).toBe('serving');
  });
});

type Move = { name: string; actor: DemoKey; allowed: OrderStatus[]; run: (h: Harness, orderId: string) => ReturnType<Harness['raw']> };

const moves: Move[] = [
  { name: 'dispatch', actor: 'staff-li', allowed: ['submitted'], run: (h, orderId) => h.as('staff-li')('orders', 'dispatchOrder', { orderId, memberId: h.userId('member-zhang') }) },
  { name: 'grab', actor: 'member-zhang', allowed: ['submitted'], run: (h, orderId) => h.as('member-zhang')('orders', 'grabOrder', { orderId }) },
  { name: 'decline', actor: 'member-zhang', allowed: ['assigned'], run: (h, orderId) => h.as('member-zhang')('orders', 'declineOrder', { orderId, reason: '有事' }) },
  { name: 'start', actor: 'member-zhang', allowed: ['assigned'], run: (h, orderId) => h.as('member-zhang')('orders', 'startOrder', { orderId }) },
  { name: 'complete', actor: 'member-zhang', allowed: ['serving'], run: (h, orderId) => h.as('member-zhang')('orders', 'completeOrder', { orderId, summary: '好了', photos: [] }) },
  { name: 'rate', actor: 'resident-sun', allowed: ['completed'], run: (h, orderId) => h.as('resident-sun')('orders', 'rateOrder', { orderId, stars: 3, tags: [] }) },
  { name: 'cancel by resident', actor: 'resident-sun', allowed: ['submitted', 'assigned'], run: (h, orderId) => h.as('resident-sun')('orders', 'cancelOrder', { orderId }) },
  { name: 'cancel by staff', actor: 'staff-li', allowed: ['submitted', 'assigned', 'serving'], run: (h, orderId) => h.as('staff-li')('orders', 'cancelOrder', { orderId, reason: '重复下单' }) },
];

describe('every transition from every state', () => {
  test.each(moves.flatMap((move) => ORDER_STATUSES.map((state) => [move.name, state, move] as const)))(
    '%s from %s',
    async (_name, state, move) => {
      const order = await orderIn(h, state);
      const answer = await move.run(h, order._id);
      const after = await h.okAs('staff-li')('orders', 'getOrder', { orderId: order._id });
      if (move.allowed.includes(state)) {
        expect(answer.ok).toBe(true);
        expect(after.timeline).toHaveLength(order.timeline.length + 1);
      } else {
        expect(answer.ok || answer.error.code).toBe('CONFLICT');
        expect(after.status).toBe(state);
        expect(after.timeline).toHaveLength(order.timeline.length);
      }
    },
  );
});

describe('who may do what', () => {
  test('only staff dispatch; only the assignee starts and completes; only the orderer rates', async () => {
    const submitted = await orderIn(h, 'submitted');
    for (const key of ['resident-sun', 'member-zhang'] as const) {
      const answer = await h.as(key)('orders', 'dispatchOrder', { orderId: submitted._id, memberId: h.userId('member-zhang') });
      expect(answer.ok || answer.error.code).toBe('FORBIDDEN');
    }
    const assigned = await orderIn(h, 'assigned', 'resident-zhou');
    const notAssignee = await h.as('member-chen')('orders', 'startOrder', { orderId: assigned._id });
    expect(notAssignee).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '该订单不是派给您的' } });
    const completed = await orderIn(h, 'completed', 'resident-wu');
    const stranger = await h.as('resident-sun')('orders', 'rateOrder', { orderId: completed._id, stars: 1, tags: [] });
    expect(stranger).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '只有下单的居民可以评价' } });
    const notMine = await h.as('resident-sun')('orders', 'cancelOrder', { orderId: assigned._id });
    expect(notMine.ok || notMine.error.code).toBe('FORBIDDEN');
    const peek = await h.as('resident-sun')('orders', 'getOrder', { orderId: assigned._id });
    expect(peek.ok || peek.error.code).toBe('FORBIDDEN');
  });

  test('another community’s staff can neither see nor touch the order', async () => {
    const order = await orderIn(h, 'submitted');
    for (const answer of [
      await h.as('staff-other')('orders', 'getOrder', { orderId: order._id }),
      await h.as('staff-other')('orders', 'cancelOrder', { orderId: order._id, reason: '越权' }),
    ]) {
      expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '无权访问其他社区的数据' } });
    }
    const board = await h.okAs('staff-other')('orders', 'dispatchBoard', {});
    expect(board.counts.submitted).toBe(0);
  });

  test('a staff member cannot dispatch to a resident or to another community’s member', async () => {
    const order = await orderIn(h, 'submitted');
    const toResident = await h.as('staff-li')('orders', 'dispatchOrder', { orderId: order._id, memberId: h.userId('resident-zhou') });
    expect(toResident.ok || toResident.error.code).toBe('VALIDATION');
    const toOutsider = await h.as('staff-li')('orders', 'dispatchOrder', { orderId: order._id, memberId: h.userId('staff-other') });
    expect(toOutsider.ok || toOutsider.error.code).toBe('FORBIDDEN');
  });

  test('residents cannot order for someone else', async () => {
    const item = await itemByTitle(h, '小家电维修');
    const answer = await h.as('resident-sun')('orders', 'createOrder', orderForm(item._id, { onBehalfOf: h.userId('resident-zhao') }), requestId());
    expect(answer.ok || answer.error.code).toBe('FORBIDDEN');
  });
});

describe('bad input changes nothing', () => {
  test.each([
    ['a note over 200 characters', { note: '啊'.repeat(201) }, 'note', '备注不超过200个字'],
    ['a bad phone', { phone: '1380000' }, 'phone', '请填写11位手机号'],
    ['no address', { address: '  ' }, 'address', '请填写服务地址'],
    ['an unknown slot', { slot: 'midnight' }, 'slot', undefined],
    ['a date in the past', { date: '2026-11-01' }, 'date', '请选择今天起30天内的日期'],
    ['a date too far ahead', { date: '2027-03-01' }, 'date', '请选择今天起30天内的日期'],
    ['a malformed date', { date: '11/25' }, 'date', '预约日期格式应为 YYYY-MM-DD'],
  ])('%s → VALIDATION on %s', async (_label, overrides, field, message) => {
    const item = await itemByTitle(h, '小家电维修');
    const answer = await h.as('resident-sun')('orders', 'createOrder', orderForm(item._id, overrides) as never, requestId());
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('VALIDATION');
    expect(Object.keys(answer.error.fields ?? {})).toContain(field);
    if (message) expect(answer.error.fields?.[field]).toBe(message);
    expect(await h.store.count('orders', {})).toBe(0);
  });

  test('an order without a request id is refused', async () => {
    const item = await itemByTitle(h, '小家电维修');
    const answer = await h.as('resident-sun')('orders', 'createOrder', orderForm(item._id));
    expect(answer.ok || answer.error.code).toBe('VALIDATION');
    expect(await h.store.count('orders', {})).toBe(0);
  });

  test('a paused item cannot be ordered', async () => {
    const item = await itemByTitle(h, '小家电维修');
    await h.okAs('staff-li')('orders', 'setItemStatus', { itemId: item._id, status: 'paused' });
    const answer = await h.as('resident-sun')('orders', 'createOrder', orderForm(item._id), requestId());
    expect(answer).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '该服务已下架，暂不能预约' } });
  });
});

describe('limits', () => {
  test('a resident has at most 3 open orders; cancelling one frees a place', async () => {
    const orders = [];
    for (let i = 0; i < 3; i += 1) orders.push(await orderIn(h, 'submitted', 'resident-zheng', '楼道清扫'));
    const item = await itemByTitle(h, '楼道清扫');
    const fourth = await h.as('resident-zheng')('orders', 'createOrder', orderForm(item._id), requestId());
    expect(fourth).toEqual({ ok: false, error: { code: 'LIMIT', message: '您已有3个进行中的订单，完成或取消后再下单' } });
    await h.okAs('resident-zheng')('orders', 'cancelOrder', { orderId: orders[0]._id });
    expect((await h.as('resident-zheng')('orders', 'createOrder', orderForm(item._id), requestId())).ok).toBe(true);
  });

  test('a completed order no longer counts as open', async () => {
    await orderIn(h, 'completed', 'resident-wu');
    await orderIn(h, 'submitted', 'resident-wu');
    await orderIn(h, 'submitted', 'resident-wu');
    const third = await orderIn(h, 'submitted', 'resident-wu');
    expect(third.status).toBe('submitted');
  });
});
