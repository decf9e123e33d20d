import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroMock } from './mocks/taro';
import { MonthlyReview } from '../../types/reports';
import { ApiCallError, call } from '../../src/services';
import MonthlyReviewPage from '../../src/packages/reports-staff/pages/review/index';

jest.mock('../../src/services', () => ({
  ...jest.requireActual('../../src/services'),
  call: jest.fn(),
}));

const mockedCall = call as jest.MockedFunction<typeof call>;
const taro = Taro as unknown as Record<string, unknown> & { showToast: jest.Mock };

/** The sections this page does not show yet (wishes, activities, members, the trend), empty. */
const OTHER_SECTIONS = {
  wishes: { posted: 0, approved: 0, rejected: 0, claimed: 0, released: 0, fulfilled: 0, confirmed: 0, withdrawn: 0, expired: 0, medianDaysToFulfil: null, byBeneficiary: [] },
  activities: { sessions: 0, places: 0, signups: 0, fillRate: null, waitlist: 0, checkedIn: 0, noShows: 0, attendanceRate: null, volunteers: 0, ratings: 0, averageRating: null, categories: [] },
  members: { points: 0, hours: 0, members: 0, activeMembers: 0, stars: [] },
  trend: [],
};
const UNMET = { lowRatings: 1, cancelled: 2, overdue: 2, quotaRefused: 0 };

/** Validated against the contract, so the fixture cannot drift from what the server sends. */
const REVIEW = MonthlyReview.parse({
  month: '2026-11',
  ...OTHER_SECTIONS,
  totals: {
    orders: 12,
    completed: 9,
    completionRate: 0.75,
    medianMinutesToDispatch: 95,
    medianMinutesToComplete: 1440,
    averageRating: 4.25,
    ratings: 8,
    ...UNMET,
  },
  byStatus: { submitted: 1, rated: 8, cancelled: 2, completed: 1 },
  categories: [
    { categoryName: '家电维修', kind: 'regular', total: 7, byStatus: { rated: 5 }, completed: 6, averageRating: 4.5, lowRatings: 1, cancelled: 0, overdue: 2, quotaRefused: 0 },
    { categoryName: '法律咨询', kind: 'featured', total: 5, byStatus: { rated: 3 }, completed: 3, averageRating: null, lowRatings: 0, cancelled: 0, overdue: 0, quotaRefused: 0 },
  ],
  lowRatings: [{ orderId: 'o9', itemTitle: '小家电维修', residentName: '孙丽', assigneeName: '张建国', stars: 2, comment: '迟到了半小时' }],
  topMembers: [{ memberId: 'u_zhang', name: '张建国', completed: 5, points: 62, hours: 6.5, stars: 2 }],
});

const NULLS = MonthlyReview.parse({
  ...REVIEW,
  totals: { orders: 3, completed: 0, completionRate: null, medianMinutesToDispatch: null, medianMinutesToComplete: null, averageRating: null, ratings: 0, lowRatings: 0, cancelled: 0, overdue: 0, quotaRefused: 0 },
  categories: [{ ...REVIEW.categories[1], averageRating: null }],
  lowRatings: [],
  topMembers: [],
});

const EXPORT = { fileName: '月度复盘-2026-11.xlsx', base64: Buffer.from('PK\u0003\u0004 workbook').toString('base64') };

let review: MonthlyReview = REVIEW;
const answer = (fn: string, action: string) => {
  if (fn === 'reports' && action === 'monthlyReview') return Promise.resolve(review);
  if (fn === 'reports' && action === 'exportMonthlyReview') return Promise.resolve(EXPORT);
  return Promise.reject(new Error(`unexpected ${fn}.${action}`));
};

const tapId = async (id: string) => {
  await act(async () => {
    fireEvent.click(document.querySelector(`#${id}`)!);
  });
};

const press = async (name: string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
};

const open = async () => {
  render(<MonthlyReviewPage />);
  await screen.findByText('订单数');
};

const reviewCalls = () => mockedCall.mock.calls.filter(([, action]) => action === 'monthlyReview').map(([, , data]) => data);
const originalEnv = process.env.TARO_ENV;
const originalCreate = URL.createObjectURL;
const originalRevoke = URL.revokeObjectURL;

beforeEach(() => {
  resetTaroMock();
  review = REVIEW;
  mockedCall.mockReset();
  mockedCall.mockImplementation(((fn: string, action: string) => answer(fn, action)) as never);
  // 2026-11-15 in Shanghai: November is the current month.
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-15T10:00:00+08:00'));
});

afterEach(() => {
  jest.restoreAllMocks();
  process.env.TARO_ENV = originalEnv;
  URL.createObjectURL = originalCreate;
  URL.revokeObjectURL = originalRevoke;
  delete taro.getFileSystemManager;
  delete taro.openDocument;
  delete taro.env;
});

describe('月度复盘 (staff)', () => {
  it('shows this month’s headline numbers, categories in server order, low ratings and top members', async () => {
    await open();
    expect(reviewCalls()).toEqual([{ month: '2026-11' }]);
    expect(screen.getByText('2026年11月')).toBeTruthy();
    expect(screen.getByText('12').className).toBe('review-stat__value');
    expect(screen.getByText('75%')).toBeTruthy();
    expect(screen.getByText('4.3★')).toBeTruthy();
    expect(screen.getByText('8 条评价')).toBeTruthy();
    expect(screen.getByText('1小时35分钟')).toBeTruthy();
    expect(screen.getByText('24小时')).toBeTruthy();
    expect(screen.getByText('待派单 1 · 待评价 1 · 已评价 8 · 已取消 2')).toBeTruthy();

    const titles = Array.from(document.querySelectorAll('.review-category .card__title > span:first-child')).map((n) => n.textContent);
    expect(titles).toEqual(['家电维修', '法律咨询']);
    expect(screen.getByText('评分 4.5★')).toBeTruthy();

    expect(screen.getByText('小家电维修')).toBeTruthy();
    expect(screen.getByText('居民 孙丽 · 服务党员 张建国')).toBeTruthy();
    expect(screen.getByText('★★☆☆☆')).toBeTruthy();
    expect(screen.getByText('迟到了半小时')).toBeTruthy();
    expect(document.querySelector('.review-service-stars')!.textContent).toBe('1. 张建国完成 5 单');
    expect(document.querySelector('.review-top-ten')!.textContent).toContain('1. 张建国62 分');
    // Not beyond the current month.
    expect(document.querySelector('#month-next')!.className).toContain('month-switch__arrow--disabled');
  });

  it('shows — where the month has nothing to measure', async () => {
    review = NULLS;
    await open();
    const values = Array.from(document.querySelectorAll('.review-headline .review-stat__value')).map((n) => n.textContent);
    expect(values).toEqual(['3', '—', '—', '—', '—']);
    expect(screen.getByText('评分 —')).toBeTruthy();
    expect(screen.getByText('本月没有低分评价')).toBeTruthy();
    expect(screen.getByText('本月还没有党员完成服务')).toBeTruthy();
  });

  it('highlights unmet demand only where there is some', async () => {
    await open();
    const overdue = screen.getByText('超时未派 2');
    expect(overdue.className).toContain('review-unmet__item--alert');
    expect(screen.getByText('未满足需求 2')).toBeTruthy();
    const calm = screen.getAllByText('已取消 0');
    expect(calm).toHaveLength(2);
    for (const node of calm) expect(node.className).not.toContain('--alert');
    for (const node of screen.getAllByText('名额不足 0')) expect(node.className).not.toContain('--alert');
  });

  it('ranks 服务之星 by service: a member with points from a staff adjustment alone is not first (issue 13, bug 11)', async () => {
    review = MonthlyReview.parse({
      ...REVIEW,
      // The contract ranks topMembers by points: 王芳 leads with an adjustment and 0 orders.
      topMembers: [
        { memberId: 'u_wang', name: '王芳', completed: 0, points: 80, hours: 0, stars: 2 },
        { memberId: 'u_li', name: '李强', completed: 2, points: 30, hours: 2, stars: 1 },
        { memberId: 'u_zhang', name: '张建国', completed: 5, points: 25, hours: 6.5, stars: 2 },
      ],
    });
    await open();
    const stars = Array.from(document.querySelectorAll('.review-service-stars .review-member')).map((n) => n.textContent);
    expect(stars).toEqual(['1. 张建国完成 5 单', '2. 李强完成 2 单']);
    // The points ranking is still shown, under its own name.
    const topTen = Array.from(document.querySelectorAll('.review-top-ten .review-top')).map((n) => n.textContent);
    expect(topTen[0]).toBe('1. 王芳80 分2星 · 完成 0 单 · 0 小时');
    expect(topTen).toHaveLength(3);
  });

  it('draws the 12-month trend as columns scaled to the largest month, this month highlighted, and the other sections', async () => {
    const months = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
    review = MonthlyReview.parse({
      ...REVIEW,
      trend: months.map((month, i) => ({
        month, orders: i === 5 ? 20 : 10, completed: 5, completionRate: 0.5, averageRating: 4, wishesPosted: 1, wishesFulfilled: i, sessions: 2, checkedIn: 10, attendanceRate: 0.8, points: 100, hours: 12,
      })),
      wishes: { ...OTHER_SECTIONS.wishes, posted: 4, claimed: 3, fulfilled: 2, confirmed: 1, medianDaysToFulfil: 3.5, byBeneficiary: [{ type: 'elderly', label: '老人', posted: 3, claimed: 2, fulfilled: 2, confirmed: 1 }] },
      activities: { ...OTHER_SECTIONS.activities, sessions: 3, places: 40, signups: 30, fillRate: 0.75, checkedIn: 24, noShows: 2, attendanceRate: 0.92, categories: [{ category: 'public_class', label: '公益课堂', sessions: 3, places: 40, signups: 30, waitlist: 4, checkedIn: 24 }] },
      members: { points: 320, hours: 41.5, members: 12, activeMembers: 9, stars: [{ stars: 1, members: 4 }, { stars: 2, members: 8 }] },
    });
    await open();
    const columns = Array.from(document.querySelectorAll('#chart-orders .chart-col'));
    expect(columns).toHaveLength(12);
    expect(columns.map((c) => c.querySelector('.chart-col__label')!.textContent)).toEqual(['12月', '1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月']);
    // The first column and January carry their year.
    expect(columns[0].querySelector('.chart-col__year')!.textContent).toBe('2025');
    expect(columns[1].querySelector('.chart-col__year')!.textContent).toBe('2026');
    const heights = columns.map((c) => (c.querySelector('.chart-col__bar') as HTMLElement).style.height);
    expect(heights[5]).toBe('100%');
    expect(heights[0]).toBe('50%');
    expect(columns[11].className).toContain('chart-col--now');
    expect(columns.filter((c) => c.className.includes('chart-col--now'))).toHaveLength(1);
    expect(document.querySelector('#chart-completion .chart__current')!.textContent).toBe('11月 50%');

    const categories = Array.from(document.querySelectorAll('#chart-categories .chart-stack'));
    expect(categories.map((c) => c.querySelector('.chart-stack__label')!.textContent)).toEqual(['家电维修', '法律咨询']);
    expect((categories[0].querySelector('.chart-stack__part--completed') as HTMLElement).style.width).toBe('85.7%');
    expect(categories[0].querySelector('.chart-stack__note')!.textContent).toBe('已完成6 · 进行中1 · 超时2');

    expect(document.querySelector('#chart-wish-steps')!.textContent).toContain('圆梦');
    expect(document.querySelector('#chart-beneficiary')!.textContent).toContain('老人');
    expect(screen.getByText('3.5天')).toBeTruthy();
    expect(document.querySelector('#chart-activity-categories .chart-bar__value')!.textContent).toBe('30/40');
    expect(screen.getByText('92%')).toBeTruthy();
    expect(screen.getByText('41.5小时')).toBeTruthy();
    expect(screen.getByText('9/12')).toBeTruthy();
    expect(Array.from(document.querySelectorAll('#chart-stars .chart-bar__label')).map((n) => n.textContent)).toEqual(['★', '★★']);
  });

  it('shows a month without orders when wishes or activities happened, and offers the export', async () => {
    review = MonthlyReview.parse({ ...NULLS, totals: { ...NULLS.totals, orders: 0 }, categories: [], wishes: { ...OTHER_SECTIONS.wishes, posted: 2 } });
    await act(async () => {
      render(<MonthlyReviewPage />);
    });
    await screen.findByText('新发布');
    expect(screen.getAllByText('本月没有服务订单').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: '导出 Excel' })).toBeTruthy();
  });

  it('switches to the previous month and back, never past this month', async () => {
    await open();
    await tapId('month-prev');
    await screen.findByText('2026年10月');
    await waitFor(() => expect(reviewCalls()).toEqual([{ month: '2026-11' }, { month: '2026-10' }]));
    expect(document.querySelector('#month-next')!.className).not.toContain('month-switch__arrow--disabled');
    await tapId('month-next');
    await screen.findByText('2026年11月');
    await waitFor(() => expect(reviewCalls()).toEqual([{ month: '2026-11' }, { month: '2026-10' }, { month: '2026-11' }]));
  });

  it('says what to do when the month has no orders, and offers no export', async () => {
    review = MonthlyReview.parse({ ...NULLS, totals: { ...NULLS.totals, orders: 0 }, categories: [] });
    render(<MonthlyReviewPage />);
    await screen.findByText('2026年11月还没有可复盘的数据');
    expect(screen.queryByRole('button', { name: '导出 Excel' })).toBeNull();
  });

  it('shows the error with a retry that loads again', async () => {
    mockedCall.mockImplementationOnce((() => Promise.reject(new ApiCallError({ code: 'NOT_FOUND', message: '未知的操作' }))) as never);
    render(<MonthlyReviewPage />);
    await screen.findByText('未知的操作');
    await press('重新加载');
    await screen.findByText('订单数');
    expect(reviewCalls()).toHaveLength(2);
  });

  it('exports in the browser as a Blob download named by the server', async () => {
    process.env.TARO_ENV = 'h5';
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:review');
    URL.createObjectURL = createObjectURL as never;
    URL.revokeObjectURL = jest.fn();
    const clicked: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    await open();
    await press('导出 Excel');

    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(mockedCall).toHaveBeenCalledWith('reports', 'exportMonthlyReview', { month: '2026-11' });
    expect(clicked[0].download).toBe('月度复盘-2026-11.xlsx');
    expect(clicked[0].href).toBe('blob:review');
    const blob = createObjectURL.mock.calls[0][0];
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(blob.size).toBe(Buffer.from(EXPORT.base64, 'base64').length);
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已导出', icon: 'success' });
  });

  it('exports in WeChat by writing the file and opening it', async () => {
    process.env.TARO_ENV = 'weapp';
    const writeFile = jest.fn((options: { success: () => void }) => options.success());
    taro.getFileSystemManager = () => ({ writeFile });
    taro.openDocument = jest.fn(() => Promise.resolve({ errMsg: 'ok' }));
    taro.env = { USER_DATA_PATH: 'wxfile://usr' };

    await open();
    await press('导出 Excel');

    await waitFor(() => expect(taro.openDocument).toHaveBeenCalled());
    expect(writeFile).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: 'wxfile://usr/月度复盘-2026-11.xlsx', data: EXPORT.base64, encoding: 'base64' }),
    );
    expect(taro.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://usr/月度复盘-2026-11.xlsx', fileType: 'xlsx', showMenu: true });
  });

  it('tells the staff member when the export fails', async () => {
    process.env.TARO_ENV = 'h5';
    await open();
    mockedCall.mockImplementationOnce((() => Promise.reject(new ApiCallError({ code: 'INTERNAL', message: '网络异常，请检查网络后重试' }))) as never);
    await press('导出 Excel');
    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith({ title: '网络异常，请检查网络后重试', icon: 'none' }));
    expect((screen.getByRole('button', { name: '导出 Excel' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
