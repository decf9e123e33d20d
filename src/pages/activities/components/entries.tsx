import Taro from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { EntryTile, goTo } from '../../../components';
import { ROUTES } from '../../../lib/routes';

/** 首页, resident and member panels: 活动菜单 (a tab), 我的报名. */
export const ResidentActivityEntries = () => (
  <>
    <EntryTile title="活动菜单" desc="四点半课堂、中医夜市、义诊…" onClick={() => void Taro.switchTab({ url: ROUTES.activities })} />
    <EntryTile title="我的报名" desc="签到码、候补、评价活动" onClick={goTo(ROUTES.mySignups)} />
  </>
);

/** 首页, staff panel: 活动菜单管理. */
export const StaffActivityEntries = () => (
  <EntryTile title="活动菜单管理" desc="发布每月活动、报名名单、签到" onClick={goTo(ROUTES.staffActivityMenus)} />
);

/** 我的: 我的报名. */
export const MineActivityLinks = () => (
  <CellGroup title="社区活动">
    <Cell title="我的报名" description="签到码、候补进度、活动评价" clickable onClick={goTo(ROUTES.mySignups)} />
  </CellGroup>
);
