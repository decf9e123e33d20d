import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { ROUTES } from '../../lib/routes';

export type TabKey = 'home' | 'menu' | 'wishes' | 'activities' | 'mine';

const TABS: ReadonlyArray<{ key: TabKey; text: string; url: string }> = [
  { key: 'home', text: '首页', url: ROUTES.home },
  { key: 'menu', text: '服务', url: ROUTES.menu },
  { key: 'wishes', text: '心愿', url: ROUTES.wishWall },
  { key: 'activities', text: '活动', url: ROUTES.activities },
  { key: 'mine', text: '我的', url: ROUTES.mine },
];

/** The tab bar's own icon files (scripts/make-tab-icons.mjs): already in the main package, no code to ship. */
const iconOf = (key: TabKey, on: boolean) => `/assets/tabbar/${key}${on ? '-active' : ''}.png`;

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
        <Image className="elder-tabbar__icon" src={iconOf(tab.key, tab.key === current)} />
        <Text className="elder-tabbar__text">{tab.text}</Text>
      </View>
    ))}
  </View>
);
