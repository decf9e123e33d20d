import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

/**
 * 长辈模式 is a per-device setting: stored locally and announced so open pages restyle at once. It
 * follows the profile's `elderly` mark (set by staff) until the person chooses for themself with
 * the switch or the offer; from then on their choice wins.
 */
const STORAGE_KEY = 'linli.elderlyMode';
/** Set once the person has chosen by hand. */
const MANUAL_KEY = 'linli.elderlyMode.manual';
/** The profile's mark as last seen, so that a new mark from staff is noticed. */
const PROFILE_KEY = 'linli.elderlyMode.profile';
const CHANGED = 'linli:elderlyModeChanged';

export const readElderlyMode = (): boolean => Taro.getStorageSync(STORAGE_KEY) === true;

const apply = (on: boolean): void => {
  Taro.setStorageSync(STORAGE_KEY, on);
  Taro.eventCenter.trigger(CHANGED, on);
};

/** The person's own choice (the switch in 我的, the offer on the home page): it wins from now on. */
export const writeElderlyMode = (on: boolean): void => {
  Taro.setStorageSync(MANUAL_KEY, true);
  apply(on);
};

/**
 * Follows the profile's mark (每次 users.me): the first time it sets the mode when nothing is
 * stored, and later whenever staff change the mark — unless the person has chosen by hand.
 */
export const seedElderlyMode = (fromProfile: boolean): void => {
  if (Taro.getStorageSync(MANUAL_KEY) === true) return;
  const last: unknown = Taro.getStorageSync(PROFILE_KEY);
  if (last !== fromProfile) Taro.setStorageSync(PROFILE_KEY, fromProfile);
  const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
  const unset = stored !== true && stored !== false;
  const markChanged = (last === true || last === false) && last !== fromProfile;
  if (unset || markChanged) apply(fromProfile);
};

/** Someone else signs in on this device (the local demo login): start from their profile's mark. */
export const startElderlyMode = (fromProfile: boolean): void => {
  Taro.removeStorageSync(MANUAL_KEY);
  Taro.setStorageSync(PROFILE_KEY, fromProfile);
  apply(fromProfile);
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

/** WeChat's 关怀模式 sets the font scale to about 1.4; from there on 长辈模式 is offered. */
export const LARGE_FONT_SCALE = 1.4;
/** h5 only: simulates WeChat's font setting (`?fontScale=1.4`, or this storage key) for tests and demos. */
const FONT_SCALE_KEY = 'linli.fontScale';
const OFFER_ANSWERED_KEY = 'linli.elderlyOfferAnswered';

/** The user's font scale in WeChat (`getAppBaseInfo().fontSizeScaleFactor`); 1 when unknown. */
export const fontScaleFactor = (): number => {
  if (process.env.TARO_ENV === 'h5') {
    const fromQuery = /[?&]fontScale=([\d.]+)/.exec(typeof window === 'undefined' ? '' : window.location.href);
    if (fromQuery) Taro.setStorageSync(FONT_SCALE_KEY, Number(fromQuery[1]));
    const stored = Number(Taro.getStorageSync(FONT_SCALE_KEY));
    return Number.isFinite(stored) && stored > 0 ? stored : 1;
  }
  try {
    const info = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number } | undefined;
    return info?.fontSizeScaleFactor ?? 1;
  } catch {
    return 1;
  }
};

/**
 * Whether to offer 长辈模式: the font is large, the mode is off, and the person has not answered
 * the offer before. `answer` records the answer (switching the mode on when accepted).
 */
export const useElderlyOffer = (): { offered: boolean; answer: (accept: boolean) => void } => {
  const [elderly, setElderly] = useElderlyMode();
  const [answered, setAnswered] = useState(() => Taro.getStorageSync(OFFER_ANSWERED_KEY) === true);
  const offered = !elderly && !answered && fontScaleFactor() >= LARGE_FONT_SCALE;
  const answer = (accept: boolean) => {
    Taro.setStorageSync(OFFER_ANSWERED_KEY, true);
    setAnswered(true);
    if (accept) setElderly(true);
  };
  return { offered, answer };
};
