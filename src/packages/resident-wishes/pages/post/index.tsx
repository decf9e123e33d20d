import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../../components';
import { isStaffUser, useCurrentUser } from '../../../../lib/currentUser';
import { ROUTES } from '../../../../lib/routes';
import { WishForm } from '../../../../pages/wishes/components/WishForm';
import '../../../../pages/wishes/wishes.scss';

/** A resident (or member) posts a wish for themself; staff are sent to 代发心愿. */
const PostWishPage = () => {
  const { state } = useCurrentUser();
  const staff = isStaffUser(state);

  return (
    <PageShell>
      <View className="card">
        <View className="card__title">说出您的微心愿</View>
        <Text className="muted">一件小物品、一次上门服务、一段陪伴都可以。社区审核后展示在心愿墙，由党员志愿者认领圆梦。</Text>
      </View>
      {staff ? (
        <View className="card">
          <Text className="muted">社区工作者请为居民代发心愿。</Text>
          <View className="actions">
            <Button type="primary" block onClick={() => void Taro.redirectTo({ url: ROUTES.staffWishProxy })}>
              去代发心愿
            </Button>
          </View>
        </View>
      ) : (
        <WishForm onPosted={(wish) => void Taro.redirectTo({ url: ROUTES.wishDetail(wish._id) })} />
      )}
    </PageShell>
  );
};

export default PostWishPage;
