import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { EntryTile, goTo } from '../../../components';
import { ROUTES } from '../../../lib/routes';

/** 首页, resident panel: 心愿墙 (a tab), 发布心愿, 我的心愿. */
export const ResidentWishEntries = () => (
  <>
    <EntryTile title="心愿墙" desc="看看邻里的微心愿" onClick={() => void Taro.switchTab({ url: ROUTES.wishWall })} />
    <EntryTile title="发布心愿" desc="小物品、上门服务、陪伴" onClick={goTo(ROUTES.wishPost)} />
    <EntryTile title="我的心愿" desc="审核、认领、圆梦进度" onClick={goTo(ROUTES.myWishes)} />
  </>
);

/** 首页, member panel: 我的认领. */
export const MemberWishEntries = () => <EntryTile title="我的认领" desc="认领的心愿与圆梦进度" onClick={goTo(ROUTES.memberClaims)} />;

/** 首页, staff panel: 心愿审核, 代发心愿. */
export const StaffWishEntries = () => (
  <>
    <EntryTile title="心愿审核" desc="审核居民发布的微心愿" onClick={goTo(ROUTES.staffWishReview)} />
    <EntryTile title="代发心愿" desc="为长辈等居民发布心愿" onClick={goTo(ROUTES.staffWishProxy)} />
  </>
);

/** 我的: 我的心愿. */
export const MineWishLinks = () => (
  <CellGroup title="微心愿">
    <Cell title="我的心愿" clickable onClick={goTo(ROUTES.myWishes)} />
  </CellGroup>
);
