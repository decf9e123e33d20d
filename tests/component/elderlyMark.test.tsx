import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { resetTaroMock, router } from './mocks/taro';
import type { UserSummary } from '../../types/users';
import { call } from '../../src/services';
import { readElderlyMode, seedElderlyMode, startElderlyMode, writeElderlyMode } from '../../src/lib/elderlyMode';
import MembersPage from '../../src/packages/staff/pages/members/index';

jest.mock('../../src/services', () => ({
  ...jest.requireActual('../../src/services'),
  call: jest.fn(),
}));

const mockedCall = call as jest.MockedFunction<typeof call>;

beforeEach(() => {
  resetTaroMock();
  mockedCall.mockReset();
});

describe('长辈模式 follows the staff’s elderly mark until the person chooses', () => {
  it('opens in 长辈模式 for a marked resident, the first time', () => {
    seedElderlyMode(true);
    expect(readElderlyMode()).toBe(true);
  });

  it('turns on when staff mark someone who has been using the app unmarked, and off when unmarked', () => {
    seedElderlyMode(false);
    expect(readElderlyMode()).toBe(false);
    seedElderlyMode(false);
    expect(readElderlyMode()).toBe(false);
    seedElderlyMode(true);
    expect(readElderlyMode()).toBe(true);
    seedElderlyMode(false);
    expect(readElderlyMode()).toBe(false);
  });

  it('keeps the person’s own choice over any mark', () => {
    seedElderlyMode(true);
    writeElderlyMode(false);
    seedElderlyMode(true);
    expect(readElderlyMode()).toBe(false);
    // Marked, unmarked and marked again: still their choice.
    seedElderlyMode(false);
    seedElderlyMode(true);
    expect(readElderlyMode()).toBe(false);
  });

  it('starts from the profile when someone else signs in on the device', () => {
    writeElderlyMode(false);
    startElderlyMode(true);
    expect(readElderlyMode()).toBe(true);
    seedElderlyMode(true);
    expect(readElderlyMode()).toBe(true);
  });
});

const resident = (over: Partial<UserSummary>): UserSummary => ({
  _id: 'u_zhao',
  name: '赵秀兰',
  phone: '13800000021',
  building: '1号楼',
  room: '1单元101',
  role: 'resident',
  elderly: false,
  memberStatus: 'none',
  skills: [],
  ...over,
});

describe('长辈标记 on the staff members page', () => {
  it('marks a resident as elderly after asking, with users.setElderly', async () => {
    router.params = { tab: 'elderly' };
    mockedCall.mockImplementation(((fn: string, action: string, input: { elderly?: boolean }) => {
      if (action === 'listUsers') return Promise.resolve({ items: [resident({})], nextCursor: null });
      if (action === 'setElderly') return Promise.resolve(resident({ elderly: input.elderly ?? false }));
      return Promise.reject(new Error(`unexpected call ${fn}.${action}`));
    }) as typeof call);
    render(<MembersPage />);
    fireEvent.click(await screen.findByRole('button', { name: '标记长辈' }));
    // Asked first: nothing is sent before the confirmation.
    expect(mockedCall.mock.calls.some(([, action]) => action === 'setElderly')).toBe(false);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/确认将赵秀兰标记为长辈/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '确认标记' }));
    });
    await waitFor(() => expect(mockedCall).toHaveBeenCalledWith('users', 'setElderly', { userId: 'u_zhao', elderly: true }));
    await screen.findByRole('button', { name: '取消标记' });
    expect(screen.getByText('长辈')).toBeTruthy();
  });
});
