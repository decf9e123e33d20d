/**
 * @tarojs/taro for jsdom: storage in memory, navigation and toasts recorded, page hooks run once on
 * mount (a page "shows" when it mounts). Tests reset it with `resetTaroMock()`.
 */
import { useEffect } from 'react';

const storage = new Map<string, unknown>();

type Listener = (...args: unknown[]) => void;
const listeners = new Map<string, Set<Listener>>();

export const eventCenter = {
  on(name: string, listener: Listener) {
    if (!listeners.has(name)) listeners.set(name, new Set());
    listeners.get(name)!.add(listener);
  },
  off(name: string, listener: Listener) {
    listeners.get(name)?.delete(listener);
  },
  trigger(name: string, ...args: unknown[]) {
    for (const listener of listeners.get(name) ?? []) listener(...args);
  },
};

export const router = { params: {} as Record<string, string> };

const resolved = () => jest.fn(() => Promise.resolve({ errMsg: 'ok' }));

const Taro = {
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
  eventCenter,
  navigateTo: resolved(),
  redirectTo: resolved(),
  switchTab: resolved(),
  reLaunch: resolved(),
  showToast: resolved(),
  stopPullDownRefresh: jest.fn(),
  setNavigationBarTitle: resolved(),
  showTabBar: resolved(),
  hideTabBar: resolved(),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false, errMsg: 'ok' })),
  navigateBack: resolved(),
  cloud: undefined as undefined | { init: jest.Mock; callFunction: jest.Mock },
};

export const resetTaroMock = () => {
  storage.clear();
  listeners.clear();
  router.params = {};
  Taro.cloud = undefined;
  for (const value of Object.values(Taro)) {
    if (typeof value === 'function' && 'mockClear' in value) (value as jest.Mock).mockClear();
  }
};

export const useDidShow = (callback: () => void) => {
  useEffect(callback, []);
};

export const usePullDownRefresh = (_callback: () => void) => undefined;

export const useRouter = () => router;

export default Taro;
