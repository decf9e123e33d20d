import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { goTo } from '../../../components';
import { ROUTES } from '../../../lib/routes';

/** 我的: 我的心愿. */
export const MineWishLinks = () => (
  <CellGroup title="微心愿">
    <Cell title="我的心愿" clickable onClick={goTo(ROUTES.myWishes)} />
  </CellGroup>
);
