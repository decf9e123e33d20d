import type { ActionOutput } from '../../../types/api';
import { call } from '../../services';
import { useRemote, type Remote } from '../../lib/useRemote';

export type ActivityAnswer = ActionOutput<'activities', 'getActivity'>;
export type ActivityState = Remote<ActivityAnswer>;

/** One activity with the caller's own sign-up and the length of its waitlist (loaded by the page, in useDidShow). */
export const useActivity = (activityId: string) => {
  const { state, setState, load } = useRemote(() => call('activities', 'getActivity', { activityId }), [activityId], { auto: false });
  return { state, setState, load };
};
