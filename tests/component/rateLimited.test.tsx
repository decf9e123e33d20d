import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroMock, router } from './mocks/taro';
import { ApiCallError, call, messageOf } from '../../src/services';
import RegisterPage from '../../src/packages/me/pages/register/index';

jest.mock('../../src/services', () => ({
  ...jest.requireActual('../../src/services'),
  call: jest.fn(),
}));

const mockedCall = call as jest.MockedFunction<typeof call>;

/** What the users function answers a person who has entered codes too often (runtime/rateLimits.ts). */
const TOO_OFTEN = new ApiCallError({
  code: 'RATE_LIMITED',
  message: '输入邀请码或初始化码太频繁了：每小时最多10次，请37分钟后再试',
  retryAfterSeconds: 37 * 60,
});

beforeEach(() => {
  resetTaroMock();
  mockedCall.mockReset();
  router.params = {};
});

describe('RATE_LIMITED', () => {
  it('is shown in the function’s words, wait included', () => {
    expect(messageOf(TOO_OFTEN)).toBe('输入邀请码或初始化码太频繁了：每小时最多10次，请37分钟后再试');
  });

  it('gets the wait from retryAfterSeconds when the words leave it out', () => {
    expect(messageOf(new ApiCallError({ code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试', retryAfterSeconds: 3 * 3600 + 5 * 60 }))).toBe('操作太频繁，请3小时5分钟后再试');
    expect(messageOf(new ApiCallError({ code: 'RATE_LIMITED', message: '下单太频繁了', retryAfterSeconds: 20 }))).toBe('下单太频繁了，请1分钟后再试');
    // Without a wait there is nothing to add.
    expect(messageOf(new ApiCallError({ code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' }))).toBe('操作太频繁，请稍后再试');
  });

  it('stays on the invitation form above the button, not only in a toast', async () => {
    router.params = { mode: 'invite', registered: '1' };
    mockedCall.mockImplementation(((fn: string, action: string) => {
      if (action === 'listCommunities') return Promise.resolve({ items: [] });
      if (action === 'setupStatus') return Promise.resolve({ configured: true, done: true });
      if (action === 'redeemStaffInvite') return Promise.reject(TOO_OFTEN);
      return Promise.reject(new Error(`unexpected call ${fn}.${action}`));
    }) as typeof call);
    render(<RegisterPage />);
    fireEvent.change(await screen.findByPlaceholderText('10位字母数字，如 K7PM2Q9XAB'), { target: { value: 'K7PM2Q9XAB' } });
    fireEvent.click(screen.getByRole('button', { name: '加入社区' }));

    const refusal = await screen.findByText('输入邀请码或初始化码太频繁了：每小时最多10次，请37分钟后再试');
    expect(refusal.closest('.access-refusal')).not.toBeNull();
    expect(mockedCall).toHaveBeenCalledWith('users', 'redeemStaffInvite', { code: 'K7PM2Q9XAB' });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '输入邀请码或初始化码太频繁了：每小时最多10次，请37分钟后再试', icon: 'none' });
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });
});
