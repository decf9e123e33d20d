/**
 * The 服务菜单 page as WeChat would run it: the built mini-program, its cloud call answered the way
 * the `orders` function answers (an envelope checked against the MenuOutput contract).
 */
import { MenuOutput, type ServiceItem } from '../../types/menu';
import type { Envelope } from '../../types/errors';
import { bootMiniProgram, type MiniProgram } from './miniProgram';

const item = (id: string, categoryId: string, categoryName: string, kind: 'regular' | 'featured', title: string, extra: Partial<ServiceItem> = {}): ServiceItem => ({
  _id: id,
  communityId: 'c_jiariruyuan',
  categoryId,
  categoryName,
  categoryKind: kind,
  title,
  description: `${title}的服务说明`,
  skills: [],
  durationMinutes: 60,
  monthlyQuota: null,
  status: 'published',
  createdAt: 1_767_225_600_000,
  updatedAt: 1_767_225_600_000,
  ...extra,
});

const category = (id: string, name: string, kind: 'regular' | 'featured', sort: number) => ({ _id: id, communityId: 'c_jiariruyuan', name, kind, sort });

const MENU = MenuOutput.parse({
  sections: [
    {
      category: category('cat_repair', '家电维修', 'regular', 1),
      items: [
        item('i_small', 'cat_repair', '家电维修', 'regular', '小家电维修', { skills: ['家电维修'] }),
        item('i_water', 'cat_repair', '家电维修', 'regular', '水电小修', { skills: ['水电维修'], monthlyQuota: 30, quotaLeft: 4 }),
        item('i_full', 'cat_repair', '家电维修', 'regular', '空调清洗', { monthlyQuota: 10, quotaLeft: 0 }),
      ],
    },
    { category: category('cat_law', '法律咨询', 'regular', 2), items: [item('i_law', 'cat_law', '法律咨询', 'regular', '法律咨询服务', { durationMinutes: 90 })] },
    {
      category: category('cat_class', '四点半课堂', 'featured', 8),
      items: [item('i_homework', 'cat_class', '四点半课堂', 'featured', '作业辅导', { skills: ['教育辅导'], durationMinutes: 120, monthlyQuota: 20 })],
    },
  ],
});

const ok = (data: unknown): Envelope<unknown> => ({ ok: true, data });

let mp: MiniProgram;

beforeAll(() => {
  mp = bootMiniProgram((call) =>
    call.name === 'orders' && call.data.action === 'listMenu' ? ok(MENU) : { ok: false, error: { code: 'NOT_FOUND', message: `未知的操作：${call.data.action}` } },
  );
});

describe('服务菜单 in the built mini-program', () => {
  it('asks the orders function for the menu and shows the regular services by category', async () => {
    const page = await mp.open('pages/menu/index');

    expect(mp.calls).toContainEqual({ name: 'orders', data: { action: 'listMenu', data: {} } });
    const text = page.text();
    expect(text).toContain('常规服务');
    expect(text).toContain('家电维修');
    expect(text).toContain('小家电维修');
    expect(text).toContain('1小时 · 家电维修');
    expect(text).toContain('水电小修');
    // Issue 13 bug 7: the places left this month, and a used-up quota, show on the menu.
    expect(text).toContain('本月剩余 4 个名额');
    expect(text).toContain('本月名额已用完');
    expect(text).toContain('法律咨询服务');
    expect(text).toContain('1小时30分钟');
    expect(text).not.toContain('作业辅导');
    page.close();
  });

  it('switches to 特色服务 when its tab is tapped', async () => {
    const page = await mp.open('pages/menu/index');

    await page.tapText('特色服务');

    const text = page.text();
    expect(text).toContain('四点半课堂');
    expect(text).toContain('作业辅导');
    expect(text).toContain('每月20个名额');
    expect(text).not.toContain('小家电维修');

    await page.tapId('tab-regular');
    expect(page.text()).toContain('小家电维修');
    expect(page.text()).not.toContain('作业辅导');
    page.close();
  });

  it('says what to do when the menu of a kind is empty', async () => {
    mp.answer(() => ok({ sections: MENU.sections.filter((s) => s.category.kind === 'regular') }));
    const page = await mp.open('pages/menu/index');
    await page.tapText('特色服务');
    expect(page.text()).toContain('暂无特色服务');
    expect(page.text()).toContain('下拉可刷新');
    page.close();
  });

  it('invites an unregistered visitor to register rather than reporting 加载失败 (issue 13 bug 5)', async () => {
    mp.answer(() => ({ ok: false, error: { code: 'FORBIDDEN', message: '请先完成注册' } }));
    const page = await mp.open('pages/menu/index');
    expect(page.text()).toContain('欢迎来到邻里服务');
    expect(page.text()).not.toContain('加载失败');
    await page.tapText('立即注册');
    expect(mp.navigations).toContainEqual({ api: 'navigateTo', url: '/packages/me/pages/register/index' });
    page.close();
  });

  it('shows the server’s refusal and recovers on retry', async () => {
    mp.answer(() => ({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } }));
    const page = await mp.open('pages/menu/index');
    expect(page.text()).toContain('加载失败');
    expect(page.text()).toContain('系统繁忙，请稍后再试');

    mp.answer(() => ok(MENU));
    await page.tapText('重新加载');
    expect(page.text()).toContain('小家电维修');
    expect(page.text()).not.toContain('加载失败');
    page.close();
  });
});
