import type { MenuOutput } from '../../../types/menu';
import type { Remote } from '../../lib/useRemote';
import { useRemote } from '../../lib/useRemote';
import { call } from '../../services';

export type MenuState = Remote<MenuOutput['sections']>;

/** The whole published menu in one call; the 常规/特色 switch filters it locally. */
export const useMenu = () => {
  const { state, load } = useRemote(async () => (await call('orders', 'listMenu', {})).sections, []);
  return { state, load };
};
