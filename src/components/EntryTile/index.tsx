import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** A tap that opens a page (not a tab). */
export const goTo = (url: string) => () => void Taro.navigateTo({ url });

export interface EntryTileProps {
  title: string;
  desc: string;
  onClick: () => void;
  /** A NutUI icon (size 24), drawn on a tinted square. */
  icon?: ReactNode;
  /** What waits there (待派单 3); nothing is shown for 0 or unknown. */
  badge?: number | null;
}

/** A tile on the home page's panels: an icon, a title, one line on what it is for, and what waits. */
export const EntryTile = ({ title, desc, onClick, icon, badge }: EntryTileProps) => (
  <View className="entry" onClick={onClick}>
    {icon ? <View className="entry__icon">{icon}</View> : null}
    <View className="entry__body">
      <Text className="entry__title">{title}</Text>
      <Text className="entry__desc">{desc}</Text>
    </View>
    {badge ? <Text className="entry__badge">{badge > 99 ? '99+' : badge}</Text> : null}
  </View>
);
