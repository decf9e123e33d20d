import { ERROR_CODES } from '../../types/errors';
import { openHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

const snapshotItems = () => h.store.find('service_items', {}, { limit: 1000, orderBy: [['_id', 'asc']] });

describe('the function shell refuses bad requests with stable codes and changes nothing', () => {
  const staff = 'demo-staff-li';

  test.each([
    ['not an object', 'nope'],
    ['no action', { data: {} }],
    ['action of the wrong type', { action: 42 }],
    ['data that is not an object', { action: 'listMenu', data: 'x' }],
    ['a request id too short', { action: 'listMenu', data: {}, requestId: 'x' }],
  ])('malformed event (%s) → VALIDATION', async (_label, event) => {
    const answer = await h.raw('orders', event, staff);
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION' }) });
    if (!answer.ok) expect(answer.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('unknown action → NOT_FOUND naming the action', async () => {
    const answer = await h.raw('orders', { action: 'dropTables', data: {} }, staff);
    expect(answer).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '未知的操作：dropTables' } });
  });

  test('an action inherited from Object.prototype is unknown, not run', async () => {
    const answer = await h.raw('orders', { action: 'constructor', data: {} }, staff);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('NOT_FOUND');
  });

  test('no platform identity → UNAUTHENTICATED', async () => {
    const answer = await h.raw('orders', { action: 'listMenu', data: {} }, null);
    expect(answer).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/身份/) } });
  });

  test('identity in the request body is ignored: the platform identity decides', async () => {
    const before = await snapshotItems();
    const answer = await h.raw(
      'orders',
      { action: 'createItem', data: { openid: staff, categoryId: 'x', title: '越权', description: '越权', skills: [], durationMinutes: 30, monthlyQuota: null } },
      'demo-resident-sun',
    );
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('FORBIDDEN');
    expect(await snapshotItems()).toEqual(before);
  });

  test('an identified but unregistered user → FORBIDDEN asking to register', async () => {
    const answer = await h.raw('orders', { action: 'listMenu', data: {} }, 'wx-stranger');
    expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '请先完成注册' } });
  });

  test('wrong role → FORBIDDEN and nothing is written', async () => {
    const before = await snapshotItems();
    const categories = await h.okAs('staff-li')('orders', 'listCategories', {});
    const answer = await h.as('resident-sun')('orders', 'createItem', {
      categoryId: categories.items[0]._id,
      title: '居民自建服务',
      description: '不应出现',
      skills: [],
      durationMinutes: 30,
      monthlyQuota: null,
    });
    expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '您的身份无权进行此操作' } });
    expect(await snapshotItems()).toEqual(before);
  });

  test('another community → FORBIDDEN and nothing is written', async () => {
    const menu = await h.okAs('resident-sun')('orders', 'listMenu', {});
    const item = menu.sections[0].items[0];
    const answer = await h.as('staff-other')('orders', 'setItemStatus', { itemId: item._id, status: 'paused' });
    expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '无权访问其他社区的数据' } });
    const after = await h.okAs('staff-li')('orders', 'getItem', { itemId: item._id });
    expect(after.status).toBe('published');
  });

  test('invalid input → VALIDATION with Chinese per-field messages and no write', async () => {
    const before = await snapshotItems();
    const answer = await h.as('staff-li')('orders', 'createItem', {
      categoryId: '',
      title: '   ',
      description: 'x'.repeat(301),
      skills: ['会飞' as never],
      durationMinutes: 5,
      monthlyQuota: 0,
    });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('VALIDATION');
    expect(answer.error.fields).toEqual(
      expect.objectContaining({
        title: '请填写服务名称',
        description: '服务说明不超过300个字',
        durationMinutes: '预计时长（分钟）不能小于10',
        monthlyQuota: '每月名额不能小于1',
      }),
    );
    expect(Object.keys(answer.error.fields ?? {})).toEqual(expect.arrayContaining(['categoryId', 'skills.0']));
    expect(await snapshotItems()).toEqual(before);
  });

  test('every code a client may meet is in the fixed list', () => {
    expect(ERROR_CODES).toEqual(['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'FULL', 'QUOTA', 'LIMIT', 'RATE_LIMITED', 'INTERNAL']);
  });

  test('outputs never carry the openid', async () => {
    const me = await h.okAs('resident-sun')('users', 'me', {});
    expect(JSON.stringify(me)).not.toContain('demo-resident-sun');
    const users = await h.okAs('staff-li')('users', 'listUsers', {});
    expect(JSON.stringify(users)).not.toContain('openid');
  });
});
