import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useEffect, type ReactNode } from 'react';
import { useElderlyMode } from '../../lib/elderlyMode';
import { loadSubscribeTemplates, needsLogin } from '../../services';
import { ROUTES } from '../../lib/routes';
import { ElderTabBar, type TabKey } from '../ElderTabBar';

export interface PageShellProps {
  children: ReactNode;
  /** The login page itself opts out; every other page needs a session in the browser. */
  requireLogin?: boolean;
  className?: string;
  /** On a tab page: which tab, so 长辈模式 can draw its large tab bar in place of WeChat's. */
  tab?: TabKey;
}

/** WeChat's tab bar cannot grow its labels: in 长辈模式 the tab pages hide it and draw ElderTabBar. */
const showNativeTabBar = (show: boolean) => {
  const done = () => undefined;
  if (show) void Taro.showTabBar({ animation: false }).catch(done);
  else void Taro.hideTabBar({ animation: false }).catch(done);
};

/**
 * The root of every page: carries the 长辈模式 class (so type and touch targets scale from one
 * place) and, in the browser, sends a visitor without a session to the demo login.
 */
export const PageShell = ({ children, requireLogin = true, className, tab }: PageShellProps) => {
  const [elderly] = useElderlyMode();
  useDidShow(() => {
    if (requireLogin && needsLogin()) void Taro.reLaunch({ url: ROUTES.login });
    // The template ids must be at hand when a tap asks consent (an await before the ask loses the
    // tap): read once per launch, as soon as there is an identity to read them with.
    else if (!needsLogin()) void loadSubscribeTemplates();
    if (tab) showNativeTabBar(!elderly);
  });
  useEffect(() => {
    if (tab) showNativeTabBar(!elderly);
  }, [tab, elderly]);
  useEffect(() => {
    // h5: the navigation bar lives outside the page; it grows with 长辈模式 through this class.
    if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') document.body.classList.toggle('linli-elderly', elderly);
  }, [elderly]);
  const classes = ['page', elderly ? 'page--elderly' : '', tab && elderly ? 'page--with-elder-tabbar' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View className={classes}>
      {children}
      {tab && elderly ? <ElderTabBar current={tab} /> : null}
    </View>
  );
};
