import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { ROUTES } from '../../lib/routes';

/**
 * What a WeChat user who has not registered sees wherever a page needs a community: an invitation,
 * not a failure (the server answers such a caller with FORBIDDEN “请先完成注册”).
 */
export const RegisterInvite = ({ what = '预约服务、发布心愿、报名活动' }: { what?: string }) => (
  <View className="state state--invite">
    <Text className="state__title">欢迎来到邻里服务</Text>
    <Text className="state__text">注册所在社区后，就能{what}。</Text>
    <View className="state__action">
      <Button type="primary" onClick={() => void Taro.navigateTo({ url: ROUTES.register })}>
        立即注册
      </Button>
    </View>
  </View>
);
