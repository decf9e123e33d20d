import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';

/** A tap that opens a page (not a tab). */
export const goTo = (url: string) => () => void Taro.navigateTo({ url });

/** A tile on the home page's panels: a title and one line on what it is for. */
export const EntryTile = ({ title, desc, onClick }: { title: string; desc: string; onClick: () => void }) => (
  <View className="entry" onClick={onClick}>
    <Text className="entry__title">{title}</Text>
    <Text className="entry__desc">{desc}</Text>
  </View>
);
