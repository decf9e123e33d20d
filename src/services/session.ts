import Taro from '@tarojs/taro';

/**
 * The local-mode (h5) session: a bearer token from `POST /api/dev/login`. In WeChat the platform
 * identifies the caller, so nothing is stored there.
 */
const TOKEN_KEY = 'linli.session.token';

export const getToken = (): string | null => {
  const token: unknown = Taro.getStorageSync(TOKEN_KEY);
  return typeof token === 'string' && token.length > 0 ? token : null;
};

export const setToken = (token: string): void => {
  Taro.setStorageSync(TOKEN_KEY, token);
};

export const clearToken = (): void => {
  Taro.removeStorageSync(TOKEN_KEY);
};

/** Only h5 needs a login step; WeChat always knows who is calling. */
export const needsLogin = (): boolean => process.env.TARO_ENV === 'h5' && getToken() === null;
