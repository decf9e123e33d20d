import { Text, View } from '@tarojs/components';

export const LoadingState = ({ text = '正在加载…' }: { text?: string }) => (
  <View className="state state--loading">
    <View className="state__spinner" />
    <Text className="state__text">{text}</Text>
  </View>
);
