/**
 * 心愿墙 and 心愿详情 as WeChat would run them: the built mini-program, its cloud calls answered the
 * way the `wishes` function answers (inputs and outputs checked against the contracts in types/).
 */
import { API } from '../../types/api';
import type { Envelope } from '../../types/errors';
import { MeOutput, type UserProfile } from '../../types/users';
import { WishDetail, type WishView } from '../../types/wishes';
import { bootMiniProgram, type CloudCall, type MiniProgram } from './miniProgram';

const T0 = 1_767_225_600_000; // 2026-01-01 08:00 in Shanghai
const NONE = { claim: false, release: false, fulfil: false, confirm: false, withdraw: false, review: false };

const wish = (id: string, overrides: Partial<WishView>): WishView => ({
  _id: id,
  communityId: 'c_jiariruyuan',
  beneficiaryType: 'elderly',
  kind: 'material',
  title: '心愿',
  content: '心愿内容',
  value: 50,
  photos: [],
  deadline: '2099-12-31',
  status: 'open',
  beneficiaryName: '王**',
  beneficiaryPhone: null,
  proxy: false,
  postedByName: null,
  claimerId: null,
  claimerName: null,
  claimedAt: null,
  fulfilNote: '',
  fulfilPhotos: [],
  fulfilledAt: null,
  confirmedAt: null,
  rejectReason: '',
  mine: false,
  can: NONE,
  createdAt: T0,
  updatedAt: T0,
  ...overrides,
});

/** The wall as the server holds it; the fake filters it the way wishWall does. */
const WISHES: WishView[] = [
  wish('w_radio', { title: '想要一台收音机', beneficiaryName: '王**', value: 120, deadline: '2099-03-15', can: { ...NONE, claim: true } }),
  wish('w_books', { title: '想要一套课外书', beneficiaryType: 'child', kind: 'material', beneficiaryName: '李**', value: 80 }),
  wish('w_walk', { title: '周末有人陪着散步', kind: 'companion', beneficiaryName: '赵**', value: 0 }),
  wish('w_fan', {
    title: '修好家里的电风扇',
    kind: 'service',
    beneficiaryName: '周**',
    status: 'fulfilled',
    claimerId: 'u_zhang',
    claimerName: '张建国',
    claimedAt: T0 + 1000,
    fulfilNote: '已修好',
    fulfilPhotos: ['cloud://env.photos/fan.jpg'],
    fulfilledAt: T0 + 2000,
  }),
];
const COUNTS = { open: 3, fulfilled: 37 };

/** 刘芳's claims: two in progress (of 3 slots), one fulfilled. */
const CLAIMED_BY_LIU = { claimerId: 'u_liu', claimerName: '刘芳', claimedAt: T0 + 1000 };
const CLAIMS: WishView[] = [
  wish('c_1', { title: '想要一副老花镜', status: 'claimed', ...CLAIMED_BY_LIU, beneficiaryPhone: '13800000021', can: { ...NONE, release: true, fulfil: true } }),
  wish('c_2', { title: '陪老人去医院复查', kind: 'companion', status: 'claimed', ...CLAIMED_BY_LIU, can: { ...NONE, release: true, fulfil: true } }),
  wish('c_3', { title: '修好台灯', kind: 'service', status: 'fulfilled', ...CLAIMED_BY_LIU, fulfilNote: '已修好', fulfilPhotos: ['cloud://env.photos/lamp.jpg'], fulfilledAt: T0 + 5000 }),
];

/** The staff review queue: staff see the full name and phone. */
const QUEUE: WishView[] = [
  wish('q_1', { title: '想要一床厚棉被', status: 'pending_review', beneficiaryName: '赵秀兰', beneficiaryPhone: '13800000021', proxy: true, postedByName: '李红梅', can: { ...NONE, review: true, withdraw: true } }),
];

const profile = (overrides: Partial<UserProfile>): UserProfile => ({
  _id: 'u_liu',
  communityId: 'c_jiariruyuan',
  communityName: '假日润园社区',
  name: '刘芳',
  phone: '13800000012',
  building: '5号楼',
  room: '1单元502',
  role: 'member',
  elderly: false,
  memberStatus: 'approved',
  skills: ['医疗健康'],
  createdAt: T0,
  ...overrides,
});

const ok = (data: unknown): Envelope<unknown> => ({ ok: true, data });
const refuse = (code: 'NOT_FOUND' | 'VALIDATION', message: string): Envelope<unknown> => ({ ok: false, error: { code, message } });

let detail: WishDetail;
/** Who users.me says is calling: 刘芳 (a member) unless a test signs in as staff. */
let me: UserProfile = profile({});

const answer = (call: CloudCall): Envelope<unknown> => {
  const { action, data } = call.data;
  if (call.name === 'users' && action === 'me') return ok(MeOutput.parse({ user: me }));
  if (call.name !== 'wishes') return refuse('NOT_FOUND', `未知的函数：${call.name}`);
  if (action === 'wishWall') {
    const parsed = API.wishes.wishWall.input.safeParse(data);
    if (!parsed.success) return refuse('VALIDATION', '请求格式不正确');
    const input = parsed.data;
    const items = WISHES.filter(
      (w) =>
        w.status === (input.status ?? 'open') &&
        (!input.beneficiaryType || w.beneficiaryType === input.beneficiaryType) &&
        (!input.kind || w.kind === input.kind),
    );
    return ok(API.wishes.wishWall.output.parse({ items, nextCursor: null, counts: COUNTS }));
  }
  if (action === 'getWish') {
    const parsed = API.wishes.getWish.input.safeParse(data);
    if (!parsed.success) return refuse('VALIDATION', '请求格式不正确');
    return ok(API.wishes.getWish.output.parse(detail));
  }
  if (action === 'myClaims') {
    const parsed = API.wishes.myClaims.input.safeParse(data);
    if (!parsed.success) return refuse('VALIDATION', '请求格式不正确');
    const items = CLAIMS.filter((w) => !parsed.data.status || w.status === parsed.data.status);
    return ok(API.wishes.myClaims.output.parse({ items, nextCursor: null }));
  }
  if (action === 'reviewQueue') {
    if (!API.wishes.reviewQueue.input.safeParse(data).success) return refuse('VALIDATION', '请求格式不正确');
    return ok(API.wishes.reviewQueue.output.parse({ items: QUEUE, nextCursor: null }));
  }
  return refuse('NOT_FOUND', `未知的操作：${action}`);
};

const wallCalls = (mp: MiniProgram) => mp.calls.filter((c) => c.name === 'wishes' && c.data.action === 'wishWall').map((c) => c.data.data);
const flat = (text: string) => text.replace(/\s+/g, '');

let mp: MiniProgram;

beforeAll(() => {
  mp = bootMiniProgram(answer);
});

beforeEach(() => {
  mp.calls.length = 0;
  mp.navigations.length = 0;
  me = profile({});
});

describe('心愿墙 in the built mini-program', () => {
  it('shows 累计圆梦 and 待认领 from the counts, and open wishes with masked beneficiaries', async () => {
    const page = await mp.open('pages/wishes/index');
    // The first page of the run also loads its chunks.
    await page.settle(400);

    expect(wallCalls(mp)).toEqual([{ status: 'open' }]);
    const text = flat(page.text());
    expect(text).toContain('累计圆梦37个');
    expect(text).toContain('待认领3个');
    expect(text).toContain('想要一台收音机');
    expect(text).toContain('王**');
    expect(text).toContain('李**');
    expect(text).toContain('约120元');
    // Issue 13 bug 12: a wish without a price (陪伴) shows none, rather than 约0元.
    expect(text).toContain('周末有人陪着散步');
    expect(text).not.toContain('约0元');
    expect(text).toContain('截止2099年3月15日');
    expect(text).toContain('发布心愿');
    // The fulfilled wish is not on the default (待认领) wall.
    expect(text).not.toContain('修好家里的电风扇');
    page.close();
  });

  it('asks again with the beneficiary type when a filter chip is tapped, and shows only those wishes', async () => {
    const page = await mp.open('pages/wishes/index');
    await page.tapText('儿童');
    await page.settle();

    expect(wallCalls(mp)).toContainEqual({ status: 'open', beneficiaryType: 'child' });
    const text = flat(page.text());
    expect(text).toContain('想要一套课外书');
    expect(text).not.toContain('想要一台收音机');
    expect(text).toContain('累计圆梦37个');

    await page.tapText('陪伴');
    await page.settle();
    expect(wallCalls(mp)).toContainEqual({ status: 'open', beneficiaryType: 'child', kind: 'companion' });
    expect(page.text()).toContain('暂无待认领的心愿');
    expect(page.text()).toContain('换个筛选条件');
    page.close();
  });

  it('switches to 已圆梦 wishes', async () => {
    const page = await mp.open('pages/wishes/index');
    await page.tapText('已圆梦');
    await page.settle();

    expect(wallCalls(mp)).toContainEqual({ status: 'fulfilled' });
    const text = flat(page.text());
    expect(text).toContain('修好家里的电风扇');
    expect(text).toContain('周**');
    expect(text).not.toContain('想要一台收音机');
    page.close();
  });

  it('offers 我来认领 only where `can.claim` says so, and opens a wish on tap', async () => {
    const page = await mp.open('pages/wishes/index');
    expect(page.text().match(/我来认领/g)).toHaveLength(1);

    await page.tapText('想要一台收音机');
    expect(mp.navigations).toContainEqual({ api: 'navigateTo', url: '/packages/resident-wishes/pages/detail/index?id=w_radio' });
    page.close();
  });
});

describe('心愿详情 in the built mini-program', () => {
  it('shows the timeline and exactly the actions `can` allows', async () => {
    detail = WishDetail.parse({
      ...WISHES[3],
      beneficiaryPhone: null,
      can: { ...NONE, confirm: true },
      timeline: [
        { at: T0, byName: '周**', from: null, to: 'pending_review', note: '' },
        { at: T0 + 100, byName: '李红梅', from: 'pending_review', to: 'open', note: '' },
        { at: T0 + 1000, byName: '张建国', from: 'open', to: 'claimed', note: '' },
        { at: T0 + 2000, byName: '张建国', from: 'claimed', to: 'fulfilled', note: '已修好' },
      ],
    });
    const page = await mp.open('packages/resident-wishes/pages/detail/index', { id: 'w_fan' });

    expect(mp.calls).toContainEqual({ name: 'wishes', data: { action: 'getWish', data: { wishId: 'w_fan' } } });
    const text = flat(page.text());
    expect(text).toContain('修好家里的电风扇');
    expect(text).toContain('周**');
    // Issue 13 bug 12: the account holder is the contact, the beneficiary is a type (not 周**（老人）).
    expect(text).toContain('心愿对象老人');
    expect(text).toContain('联系居民周**');
    expect(text).not.toContain('（老人）');
    expect(text).toContain('李红梅·审核通过');
    expect(text).toContain('张建国·认领心愿');
    expect(text).toContain('张建国·提交圆梦');
    expect(text).toContain('确认收到');
    expect(text).not.toContain('释放认领');
    expect(text).not.toContain('撤回心愿');
    // Hiding photos is for staff.
    expect(text).not.toContain('照片管理');

    await page.tapText('确认收到');
    expect(page.text()).toContain('不能撤销');
    page.close();
  });

  it('lets staff hide any photo shown, the fulfilment’s included, numbered as they appear', async () => {
    me = profile({ _id: 'u_li', name: '李红梅', role: 'staff', memberStatus: 'none', skills: [] });
    detail = WishDetail.parse({
      ...WISHES[3],
      photos: ['cloud://env.photos/fan-broken.jpg'],
      timeline: [{ at: T0, byName: '周**', from: null, to: 'pending_review', note: '' }],
    });
    const page = await mp.open('packages/resident-wishes/pages/detail/index', { id: 'w_fan' });
    await page.settle(400);

    const text = flat(page.text());
    expect(text).toContain('照片管理');
    expect(text).toContain('隐藏第1张照片');
    expect(text).toContain('隐藏第2张照片');
    expect(text).not.toContain('隐藏第3张照片');
    page.close();
  });
});

describe('the wish subpackages in the built mini-program', () => {
  it('我的认领 shows how many of the 3 claim slots are in use, and the claims by state', async () => {
    const page = await mp.open('packages/wishes-member/pages/claims/index');
    await page.settle(400);

    const claimCalls = mp.calls.filter((c) => c.data.action === 'myClaims').map((c) => c.data.data);
    expect(claimCalls).toContainEqual({ status: 'claimed' });
    const text = flat(page.text());
    expect(text).toContain('已用2/3');
    expect(text).toContain('想要一副老花镜');
    expect(text).toContain('陪老人去医院复查');
    expect(text).not.toContain('修好台灯');

    await page.tapText('已圆梦');
    await page.settle();
    expect(mp.calls.map((c) => c.data.data)).toContainEqual({ status: 'fulfilled' });
    expect(flat(page.text())).toContain('修好台灯');
    expect(flat(page.text())).toContain('已提交圆梦，等待心愿人确认');
    page.close();
  });

  it('心愿审核 lists the queue with the full name, 代发 and the approve / reject buttons', async () => {
    const page = await mp.open('packages/wishes-staff/pages/review/index');
    await page.settle(400);

    const text = flat(page.text());
    expect(text).toContain('想要一床厚棉被');
    expect(text).toContain('赵秀兰');
    expect(text).toContain('李红梅代发');
    expect(text).toContain('审核通过');
    expect(text).toContain('不通过');
    // Withdrawing is not what the queue is for, even though staff may.
    expect(text).not.toContain('撤回心愿');

    await page.tapText('不通过');
    expect(page.text()).toContain('不通过的原因');
    page.close();
  });
});
