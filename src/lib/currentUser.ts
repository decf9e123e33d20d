import { useDidShow } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import type { UserProfile } from '../../types/users';
import { call } from '../services';
import { seedElderlyMode } from './elderlyMode';

export type CurrentUserState =
  | { status: 'loading' }
  | { status: 'ready'; user: UserProfile | null }
  | { status: 'error'; error: unknown };

/**
 * The last answer of users.me, shared by all pages so switching tabs does not flash a spinner;
 * each page still refreshes it when shown, since roles change (a member application approved).
 */
let cached: UserProfile | null | undefined;

/** After login, logout or registration the cached identity is someone else's. */
export const forgetCurrentUser = (): void => {
  cached = undefined;
};

export const rememberCurrentUser = (user: UserProfile | null): void => {
  cached = user;
};

/** Staff or the street admin: those who act for residents and look after what others post. */
export const isStaffUser = (state: CurrentUserState): boolean =>
  state.status === 'ready' && (state.user?.role === 'staff' || state.user?.role === 'admin');

export const useCurrentUser = (): { state: CurrentUserState; reload: () => Promise<void> } => {
  const [state, setState] = useState<CurrentUserState>(() =>
    cached === undefined ? { status: 'loading' } : { status: 'ready', user: cached },
  );
  const inFlight = useRef(false);

  const reload = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    if (cached === undefined) setState({ status: 'loading' });
    try {
      const { user } = await call('users', 'me', {});
      cached = user;
      if (user) seedElderlyMode(user.elderly);
      setState({ status: 'ready', user });
    } catch (error) {
      setState({ status: 'error', error });
    } finally {
      inFlight.current = false;
    }
  }, []);

  useDidShow(() => {
    void reload();
  });

  return { state, reload };
};
