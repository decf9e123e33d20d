import type { ActivityMenuView } from '../../../../types/activities';
import { ErrorState, LoadingState, PageShell } from '../../../components';
import { ApiCallError } from '../../../services';
import { monthLabel } from '../../../pages/activities/lib/activityTime';

/** Loading the month's menu, for pages that add activities to it. */
export type MenuLoad = { status: 'loading' } | { status: 'ready'; menu: ActivityMenuView | null } | { status: 'error'; error: unknown };

/** The whole page while the month's menu is not there to add to: loading, failed, or not created yet. */
export const menuGate = (load: MenuLoad, month: string, retry: () => void) => {
  if (load.status === 'loading') {
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  }
  if (load.status === 'error' || !load.menu) {
    const error = load.status === 'error' ? load.error : new ApiCallError({ code: 'NOT_FOUND', message: `请先创建${monthLabel(month)}的菜单` });
    return (
      <PageShell>
        <ErrorState error={error} onRetry={retry} />
      </PageShell>
    );
  }
  return null;
};
