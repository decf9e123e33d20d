import { useCallback, useEffect, useState } from 'react';
import type { MenuOutput } from '../../../types/menu';
import { call } from '../../services';

export type MenuState =
  | { status: 'loading' }
  | { status: 'ready'; sections: MenuOutput['sections'] }
  | { status: 'error'; error: unknown };

/** The whole published menu in one call; the 常规/特色 switch filters it locally. */
export const useMenu = () => {
  const [state, setState] = useState<MenuState>({ status: 'loading' });

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setState({ status: 'loading' });
    try {
      const { sections } = await call('orders', 'listMenu', {});
      setState({ status: 'ready', sections });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return { state, load };
};
