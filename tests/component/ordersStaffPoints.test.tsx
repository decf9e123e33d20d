import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { resetTaroMock } from './mocks/taro';
import type { LeaderboardOutput, MyPointsOutput } from '../../types/points';
import { ApiCallError, call } from '../../src/services';
import StaffPointsPage from '../../src/packages/orders-staff/pages/points/index';

jest.mock('../../src/services', () => ({
  ...jest.requireActual('../../src/services'),
  call: jest.fn(),
}));

const mockedCall = call as jest.MockedFunction<typeof call>;

const BOARD: LeaderboardOutput = {
  period: 'year',
  key: '2026',
  closed: false,
  rows: [
    { rank: 1, memberId: 'u_zhang', name: '张建国', branch: '第一党支部', points: 15, stars: 1 },
    { rank: 2, memberId: 'u_chen', name: '陈明', branch: '律师事务所党支部', points: 8, stars: 1 },
  ],
};
const LEDGER: MyPointsOutput = {
  total: 15,
  yearPoints: 15,
  year: 2026,
  stars: 1,
  toNextStar: 15,
  entries: [{ _id: 'e1', delta: 10, reason: 'order_completed', refId: 'o1', at: Date.parse('2026-11-20T10:00:00+08:00'), note: '小家电维修' }],
  nextCursor: null,
};

const answer = (fn: string, action: string) => {
  if (fn === 'points' && action === 'leaderboard') return Promise.resolve(BOARD);
  if (fn === 'points' && action === 'memberPoints') return Promise.resolve(LEDGER);
  return Promise.reject(new Error(`unexpected ${fn}.${action}`));
};

const adjustCalls = () => mockedCall.mock.calls.filter(([, action]) => action === 'adjustPoints');
const type = (placeholder: string, value: string) => fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
const press = async (name: string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
};

const openMember = async () => {
  render(<StaffPointsPage />);
  await screen.findByText('1. 张建国');
  await act(async () => {
    fireEvent.click(screen.getByText('1. 张建国'));
  });
  await screen.findByText('张建国 的积分');
  await screen.findByText('完成服务订单');
};

beforeEach(() => {
  resetTaroMock();
  mockedCall.mockReset();
  mockedCall.mockImplementation(((fn: string, action: string) => answer(fn, action)) as never);
});

describe('党员积分 (staff)', () => {
  it('lists members by this year’s points and opens one member’s ledger', async () => {
    await openMember();
    expect(screen.getByText('累计 15 分 · 2026年 15 分 · ★')).toBeTruthy();
    expect(screen.getByText('2026年积分')).toBeTruthy();
    expect(mockedCall).toHaveBeenCalledWith('points', 'memberPoints', { memberId: 'u_zhang' });
  });

  it.each([
    ['', '调整原因', '请填写调整分值'],
    ['0', '调整原因', '调整分值不能为0'],
    ['150', '调整原因', '单次调整不超过100分'],
    ['5', '', '请填写调整原因'],
  ])('delta %p with reason %p shows “%s” and sends nothing', async (delta, reason, message) => {
    await openMember();
    type('如：5 或 -5', delta);
    type('如：组织楼道清理活动', reason);
    await press('调整积分');
    expect(screen.getByText(message)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(adjustCalls()).toHaveLength(0);
  });

  it('asks first, then adjusts once; a retry after a failure reuses the request id', async () => {
    await openMember();
    type('如：5 或 -5', '-5');
    type('如：组织楼道清理活动', '未按约定上门');
    await press('调整积分');
    expect(screen.getByRole('dialog').textContent).toContain('为张建国扣 5 分，原因：未按约定上门');

    mockedCall.mockImplementationOnce((() => Promise.reject(new ApiCallError({ code: 'INTERNAL', message: '网络异常，请检查网络后重试' }))) as never);
    await press('确认调整');
    await press('调整积分');
    await press('确认调整');

    await waitFor(() => expect(adjustCalls()).toHaveLength(2));
    const [first, second] = adjustCalls();
    expect(first[2]).toEqual({ memberId: 'u_zhang', delta: -5, reason: '未按约定上门' });
    expect(first[3]?.requestId).toBeTruthy();
    expect(second[3]?.requestId).toBe(first[3]?.requestId);
  });
});
