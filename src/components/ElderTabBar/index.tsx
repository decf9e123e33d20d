import Taro from '@tarojs/taro';
import { Heart, HeartF, Home, HomeF, Notice, NoticeF, Service, User, UserF } from '@nutui/icons-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ROUTES } from '../../lib/routes';

export type TabKey = 'home' | 'menu' | 'wishes' | 'activities' | 'mine';

const TABS: ReadonlyArray<{ key: TabKey; text: string; url: string; icon: (on: boolean) => ReactNode }> = [
  { key: 'home', text: '首页', url: ROUTES.home, icon: (on) => (on ? <HomeF size={30} /> : <Home size={30} />) },
  { key: 'menu', text: '服务', url: ROUTES.menu, icon: () => <Service size={30} /> },
  { key: 'wishes', text: '心愿', url: ROUTES.wishWall, icon: (on) => (on ? <HeartF size={30} /> : <Heart size={30} />) },
  { key: 'activities', text: '活动', url: ROUTES.activities, icon: (on) => (on ? <NoticeF size={30} /> : <Notice size={30} />) },
  { key: 'mine', text: '我的', url: ROUTES.mine, icon: (on) => (on ? <UserF size={30} /> : <User size={30} />) },
];

/**
 * 长辈模式's tab bar: WeChat's own cannot grow its 10 px labels, so in elder mode the tab pages
 * hide it and draw this one, with 20 px labels and 60 px targets, going to the same tabs.
 */
export const ElderTabBar = ({ current }: { current: TabKey }) => (
  <View className="elder-tabbar">
    {TABS.map((tab) => (
      <View
        key={tab.key}
        id={`elder-tab-${tab.key}`}
        className={`elder-tabbar__item${tab.key === current ? ' elder-tabbar__item--on' : ''}`}
        onClick={tab.key === current ? undefined : () => void Taro.switchTab({ url: tab.url })}
      >
        {tab.icon(tab.key === current)}
        <Text className="elder-tabbar__text">{tab.text}</Text>
      </View>
    ))}
  </View>
);
