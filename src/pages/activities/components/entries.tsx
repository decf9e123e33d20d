import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { goTo } from '../../../components';
import { ROUTES } from '../../../lib/routes';

/** 我的: 我的报名. */
export const MineActivityLinks = () => (
  <CellGroup title="社区活动">
    <Cell title="我的报名" description="签到码、候补进度、活动评价" clickable onClick={goTo(ROUTES.mySignups)} />
  </CellGroup>
);
