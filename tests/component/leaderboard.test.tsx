import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { resetTaroMock } from './mocks/taro';
import { call } from '../../src/services';
import LeaderboardPage, { shiftPeriodDate } from '../../src/packages/me/pages/leaderboard/index';

jest.mock('../../src/services', () => ({ ...jest.requireActual('../../src/services'), call: jest.fn() }));
const mockedCall = call as jest.MockedFunction<typeof call>;

const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

beforeEach(() => {
  resetTaroMock();
  mockedCall.mockReset();
  mockedCall.mockImplementation(((fn: string, action: string, data: { period: string; date?: string }) => {
    if (fn === 'users' && action === 'me') return Promise.resolve({ user: null });
    if (fn === 'points' && action === 'leaderboard') {
      const day = data.date ?? shanghaiToday();
      return Promise.resolve({
        period: data.period,
        key: day.slice(0, 7),
        closed: data.date !== undefined,
        rows: [{ rank: 1, memberId: 'u_zhang', name: '张建国', branch: '第一党支部', points: data.date ? 40 : 15, stars: 2 }],
      });
    }
    return Promise.reject(new Error(`unexpected ${fn}.${action}`));
  }) as typeof call);
});

const boardCalls = () => mockedCall.mock.calls.filter(([, action]) => action === 'leaderboard').map(([, , data]) => data);

describe('先锋榜 periods (issue 13: closed periods viewable)', () => {
  it('shifts a date by whole periods', () => {
    expect(shiftPeriodDate('2026-11-25', 'month', -1)).toBe('2026-10-01');
    expect(shiftPeriodDate('2026-01-10', 'month', -1)).toBe('2025-12-01');
    expect(shiftPeriodDate('2026-11-25', 'quarter', -1)).toBe('2026-08-01');
    expect(shiftPeriodDate('2026-11-25', 'year', -1)).toBe('2025-11-01');
  });

  it('opens the live board, then last month’s closed board, and not beyond this month', async () => {
    render(<LeaderboardPage />);
    expect(await screen.findByText('实时')).toBeTruthy();
    expect(document.querySelector('#month-next')!.className).toContain('month-switch__arrow--disabled');

    await act(async () => {
      fireEvent.click(document.querySelector('#month-prev')!);
    });
    expect(await screen.findByText('已结榜')).toBeTruthy();
    expect(screen.getByText('40')).toBeTruthy();
    const previous = shiftPeriodDate(shanghaiToday(), 'month', -1);
    await waitFor(() => expect(boardCalls()).toEqual([{ period: 'month' }, { period: 'month', date: previous }]));

    await act(async () => {
      fireEvent.click(document.querySelector('#month-next')!);
    });
    expect(await screen.findByText('实时')).toBeTruthy();
  });
});
