import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { ROUTES } from '../../../lib/routes';

const go = (url: string) => () => void Taro.navigateTo({ url });

/** The same tile as the home page's own entries. */
const Entry = ({ title, desc, onClick }: { title: string; desc: string; onClick: () => void }) => (
  <View className="entry" onClick={onClick}>
    <Text className="entry__title">{title}</Text>
    <Text className="entry__desc">{desc}</Text>
  </View>
);

/** 首页, resident panel: 心愿墙 (a tab), 发布心愿, 我的心愿. */
export const ResidentWishEntries = () => (
  <>
    <Entry title="心愿墙" desc="看看邻里的微心愿" onClick={() => void Taro.switchTab({ url: ROUTES.wishWall })} />
    <Entry title="发布心愿" desc="小物品、上门服务、陪伴" onClick={go(ROUTES.wishPost)} />
    <Entry title="我的心愿" desc="审核、认领、圆梦进度" onClick={go(ROUTES.myWishes)} />
  </>
);

/** 首页, member panel: 我的认领. */
export const MemberWishEntries = () => <Entry title="我的认领" desc="认领的心愿与圆梦进度" onClick={go(ROUTES.memberClaims)} />;

/** 首页, staff panel: 心愿审核, 代发心愿. */
export const StaffWishEntries = () => (
  <>
    <Entry title="心愿审核" desc="审核居民发布的微心愿" onClick={go(ROUTES.staffWishReview)} />
    <Entry title="代发心愿" desc="为长辈等居民发布心愿" onClick={go(ROUTES.staffWishProxy)} />
  </>
);

/** 我的: 我的心愿. */
export const MineWishLinks = () => (
  <CellGroup title="微心愿">
    <Cell title="我的心愿" clickable onClick={go(ROUTES.myWishes)} />
  </CellGroup>
);
