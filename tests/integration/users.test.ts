import { addUsers, openHarness, type Harness } from '../support/harness';
import { DEMO_COMMUNITY } from '../../cloudfunctions/_local/demoData';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(() => h.close());

const newcomer = 'wx-newcomer-1';
const registration = { communityId: DEMO_COMMUNITY._id, name: '钱多多', phone: '13912345678', building: '9号楼', room: '1单元101' };

describe('users', () => {
  test('an unregistered identity sees no profile, then registers as a resident of the chosen community', async () => {
    expect(await h.okAsOpenid(newcomer)('users', 'me', {})).toEqual({ user: null });
    const communities = await h.okAsOpenid(newcomer)('users', 'listCommunities', {});
    expect(communities.items.map((c) => c.name)).toContain('假日润园社区');

    const profile = await h.okAsOpenid(newcomer)('users', 'register', registration);
    expect(profile).toMatchObject({ name: '钱多多', role: 'resident', memberStatus: 'none', communityName: '假日润园社区' });
    expect((await h.okAsOpenid(newcomer)('users', 'me', {})).user?._id).toBe(profile._id);
  });

  test('registering twice, even at once, makes one account', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => h.okAsOpenid(newcomer)('users', 'register', registration)));
    expect(new Set(answers.map((a) => a._id)).size).toBe(1);
    expect(await h.store.count('users', { phone: '13912345678' })).toBe(1);
  });

  test('registration validates phone and community', async () => {
    const bad = await h.asOpenid(newcomer)('users', 'register', { ...registration, phone: '12345' });
    expect(bad).toEqual({ ok: false, error: expect.objectContaining({ code: 'VALIDATION', fields: { phone: '请填写11位手机号' } }) });
    const nowhere = await h.asOpenid(newcomer)('users', 'register', { ...registration, communityId: 'c_nowhere' });
    expect(nowhere).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '所选社区不存在' } });
    expect(await h.okAsOpenid(newcomer)('users', 'me', {})).toEqual({ user: null });
  });

  test('updateProfile changes only the given fields', async () => {
    const updated = await h.okAs('resident-sun')('users', 'updateProfile', { building: '10号楼' });
    expect(updated).toMatchObject({ building: '10号楼', name: '孙丽', phone: '13800000022' });
  });

  test('双报到: a resident applies, staff approve, the resident becomes a member', async () => {
    const applied = await h.okAs('resident-zhou')('users', 'applyMember', { branch: '区教育局党支部', skills: ['教育辅导'] });
    expect(applied.memberStatus).toBe('pending');
    const again = await h.okAs('resident-zhou')('users', 'applyMember', { branch: '区教育局党支部', skills: ['教育辅导'] });
    expect(again.memberStatus).toBe('pending');

    const pending = await h.okAs('staff-li')('users', 'listUsers', { memberStatus: 'pending' });
    expect(pending.items.map((u) => u.name)).toEqual(['周强']);

    const approved = await h.okAs('staff-li')('users', 'reviewMember', { userId: h.userId('resident-zhou'), approve: true });
    expect(approved).toMatchObject({ role: 'member', memberStatus: 'approved', skills: ['教育辅导'] });

    const twice = await h.as('staff-li')('users', 'reviewMember', { userId: h.userId('resident-zhou'), approve: true });
    expect(twice).toEqual({ ok: false, error: { code: 'CONFLICT', message: '该申请已处理或未提交' } });
    const member = await h.as('resident-zhou')('users', 'applyMember', { branch: 'x', skills: ['文艺'] });
    expect(member.ok || member.error.code).toBe('CONFLICT');
  });

  test('rejecting needs a reason; the resident sees it and may apply again', async () => {
    await h.okAs('resident-wu')('users', 'applyMember', { branch: '某单位党支部', skills: ['保洁'] });
    const noReason = await h.as('staff-li')('users', 'reviewMember', { userId: h.userId('resident-wu'), approve: false });
    expect(noReason.ok || noReason.error.code).toBe('VALIDATION');
    await h.okAs('staff-li')('users', 'reviewMember', { userId: h.userId('resident-wu'), approve: false, reason: '请补充党组织关系证明' });
    const me = await h.okAs('resident-wu')('users', 'me', {});
    expect(me.user).toMatchObject({ memberStatus: 'rejected', rejectReason: '请补充党组织关系证明', role: 'resident' });
    const reapplied = await h.okAs('resident-wu')('users', 'applyMember', { branch: '某单位党支部', skills: ['保洁'] });
    expect(reapplied.memberStatus).toBe('pending');
  });

  test('staff of another community cannot review this community’s applicants', async () => {
    await h.okAs('resident-zheng')('users', 'applyMember', { branch: '某单位党支部', skills: ['文艺'] });
    const answer = await h.as('staff-other')('users', 'reviewMember', { userId: h.userId('resident-zheng'), approve: true });
    expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '无权访问其他社区的数据' } });
    const other = await h.okAs('staff-other')('users', 'listUsers', {});
    expect(other.items.map((u) => u.name)).toEqual(['马文（文化里社区）']);
  });

  test('residents and members cannot list or review users', async () => {
    for (const key of ['resident-sun', 'member-zhang'] as const) {
      const answer = await h.as(key)('users', 'listUsers', {});
      expect(answer.ok || answer.error.code).toBe('FORBIDDEN');
    }
  });
});

describe('finding people (the staff pickers)', () => {
  test('a resident registered after the first 600 is found by name, last four digits or building, and pages reach everyone', async () => {
    await addUsers(h, 600, { role: 'resident', prefix: 'many' });
    const late = await h.okAsOpenid('wx-newcomer')('users', 'register', { communityId: DEMO_COMMUNITY._id, name: '欧阳晓晴', phone: '13912345678', building: '18号楼', room: '3单元1801' });
    const find = async (keyword: string) => (await h.okAs('staff-li')('users', 'listUsers', { role: 'resident', keyword, pageSize: 50 })).items.map((u) => u.name);
    expect(await find('欧阳')).toEqual(['欧阳晓晴']);
    expect(await find('晓晴')).toEqual(['欧阳晓晴']);
    expect(await find('5678')).toEqual(['欧阳晓晴']);
    // One in twenty of the 600 lives in 18号楼 too.
    expect(await find('18号楼')).toHaveLength(31);
    expect(await find('18号楼')).toContain('欧阳晓晴');
    expect(await find('不存在的人')).toEqual([]);
    // Members are residents too: 代点单 may be for them.
    expect(await find('张建国')).toEqual(['张建国']);

    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await h.okAs('staff-li')('users', 'listUsers', { role: 'resident', pageSize: 50, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(50);
      for (const u of page.items) {
        expect(seen.has(u._id)).toBe(false);
        seen.add(u._id);
      }
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    // 600 added, 5 demo residents, 3 members, the newcomer: every one, once.
    expect(seen.size).toBe(609);
    expect(seen.has(late._id)).toBe(true);
    expect(pages).toBe(13);
  });

  test('editing the profile keeps the search in step', async () => {
    await h.okAs('resident-sun')('users', 'updateProfile', { name: '孙丽华', building: '12号楼' });
    const found = await h.okAs('staff-li')('users', 'listUsers', { keyword: '丽华' });
    expect(found.items.map((u) => [u.name, u.building])).toEqual([['孙丽华', '12号楼']]);
    expect((await h.okAs('staff-li')('users', 'listUsers', { keyword: '2号楼' })).items.map((u) => u.name)).not.toContain('孙丽华');
  });
});
