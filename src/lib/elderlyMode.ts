import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

/** 长辈模式 is a per-device choice: stored locally and announced so open pages restyle at once. */
const STORAGE_KEY = 'linli.elderlyMode';
const CHANGED = 'linli:elderlyModeChanged';

export const readElderlyMode = (): boolean => Taro.getStorageSync(STORAGE_KEY) === true;

export const writeElderlyMode = (on: boolean): void => {
  Taro.setStorageSync(STORAGE_KEY, on);
  Taro.eventCenter.trigger(CHANGED, on);
};

/** Seeds the switch from the profile the first time, so 赵秀兰's account opens in 长辈模式. */
export const seedElderlyMode = (fromProfile: boolean): void => {
  const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
  if (stored === true || stored === false) return;
  writeElderlyMode(fromProfile);
};

export const useElderlyMode = (): [boolean, (on: boolean) => void] => {
  const [on, setOn] = useState(readElderlyMode);
  useEffect(() => {
    const listener = (value: boolean) => setOn(value);
    Taro.eventCenter.on(CHANGED, listener);
    return () => {
      Taro.eventCenter.off(CHANGED, listener);
    };
  }, []);
  return [on, writeElderlyMode];
};
