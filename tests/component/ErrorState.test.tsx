import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroMock } from './mocks/taro';
import { ErrorState } from '../../src/components';
import { ApiCallError, getToken, setToken } from '../../src/services';

const originalEnv = process.env.TARO_ENV;

beforeEach(() => resetTaroMock());
afterEach(() => {
  process.env.TARO_ENV = originalEnv;
});

describe('ErrorState', () => {
  it('shows the server’s Chinese message and retries on request', () => {
    const onRetry = jest.fn();
    render(<ErrorState error={new ApiCallError({ code: 'CONFLICT', message: '服务状态已变化，请刷新后重试' })} onRetry={onRetry} />);
    expect(screen.getByText('服务状态已变化，请刷新后重试')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('does not show a JavaScript error’s text to residents', () => {
    render(<ErrorState error={new TypeError('Cannot read properties of undefined')} onRetry={jest.fn()} />);
    expect(screen.getByText('网络异常，请稍后重试')).toBeTruthy();
    expect(screen.queryByText(/Cannot read/)).toBeNull();
  });

  it('offers the caller’s way forward', () => {
    const onAction = jest.fn();
    render(<ErrorState error={new ApiCallError({ code: 'FORBIDDEN', message: '没有权限进行此操作' })} onRetry={jest.fn()} actionText="返回首页" onAction={onAction} />);
    fireEvent.click(screen.getByRole('button', { name: '返回首页' }));
    expect(onAction).toHaveBeenCalledTimes(1);
  });

  it('invites an unregistered visitor to register instead of reporting a failure (issue 13 bug 5)', () => {
    render(<ErrorState error={new ApiCallError({ code: 'FORBIDDEN', message: '请先完成注册' })} onRetry={jest.fn()} />);
    expect(screen.queryByText('加载失败')).toBeNull();
    expect(screen.queryByText('重新加载')).toBeNull();
    expect(screen.getByText('欢迎来到邻里服务')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '立即注册' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/me/pages/register/index' });
  });

  it('in the browser, sends an unauthenticated visitor back to the demo login', () => {
    process.env.TARO_ENV = 'h5';
    setToken('stale.token');
    render(<ErrorState error={new ApiCallError({ code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' })} onRetry={jest.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: '重新登录' }));
    expect(getToken()).toBeNull();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('in WeChat, has no login page to offer', () => {
    process.env.TARO_ENV = 'weapp';
    render(<ErrorState error={new ApiCallError({ code: 'UNAUTHENTICATED', message: '未能识别您的身份，请重新进入小程序' })} onRetry={jest.fn()} />);
    expect(screen.queryByRole('button', { name: '重新登录' })).toBeNull();
  });
});
