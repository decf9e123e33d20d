import { useCallback, useState } from 'react';
import type { ActionOutput } from '../../../types/api';
import { call } from '../../services';

export type ActivityAnswer = ActionOutput<'activities', 'getActivity'>;
export type ActivityState = { status: 'loading' } | { status: 'ready'; data: ActivityAnswer } | { status: 'error'; error: unknown };

/** One activity with the caller's own sign-up and the length of its waitlist. */
export const useActivity = (activityId: string) => {
  const [state, setState] = useState<ActivityState>({ status: 'loading' });

  const load = useCallback(
    async (quiet = false) => {
      if (!quiet) setState({ status: 'loading' });
      try {
        setState({ status: 'ready', data: await call('activities', 'getActivity', { activityId }) });
      } catch (error) {
        setState({ status: 'error', error });
      }
    },
    [activityId],
  );

  return { state, setState, load };
};
