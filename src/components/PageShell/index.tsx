import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useElderlyMode } from '../../lib/elderlyMode';
import { needsLogin } from '../../services';
import { ROUTES } from '../../lib/routes';

export interface PageShellProps {
  children: ReactNode;
  /** The login page itself opts out; every other page needs a session in the browser. */
  requireLogin?: boolean;
  className?: string;
}

/**
 * The root of every page: carries the 长辈模式 class (so type and touch targets scale from one
 * place) and, in the browser, sends a visitor without a session to the demo login.
 */
export const PageShell = ({ children, requireLogin = true, className }: PageShellProps) => {
  const [elderly] = useElderlyMode();
  useDidShow(() => {
    if (requireLogin && needsLogin()) void Taro.reLaunch({ url: ROUTES.login });
  });
  const classes = ['page', elderly ? 'page--elderly' : '', className ?? ''].filter(Boolean).join(' ');
  return <View className={classes}>{children}</View>;
};
