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

/** 首页, resident and member panels: 活动菜单 (a tab), 我的报名. */
export const ResidentActivityEntries = () => (
  <>
    <Entry title="活动菜单" desc="四点半课堂、中医夜市、义诊…" onClick={() => void Taro.switchTab({ url: ROUTES.activities })} />
    <Entry title="我的报名" desc="签到码、候补、评价活动" onClick={go(ROUTES.mySignups)} />
  </>
);

/** 首页, staff panel: 活动菜单管理. */
export const StaffActivityEntries = () => (
  <Entry title="活动菜单管理" desc="发布每月活动、报名名单、签到" onClick={go(ROUTES.staffActivityMenus)} />
);

/** 我的: 我的报名. */
export const MineActivityLinks = () => (
  <CellGroup title="社区活动">
    <Cell title="我的报名" description="签到码、候补进度、活动评价" clickable onClick={go(ROUTES.mySignups)} />
  </CellGroup>
);
