import { BLOCK_DAYS, NO_SHOWS_TO_BLOCK, NO_SHOW_WINDOW_DAYS } from '../../../types/activities';
import { DAY_MS } from '../time';

export interface BlockDecision {
  /** The latest no-show counted: later runs count only newer ones. */
  trigger: number;
  until: number;
  count: number;
}

/**
 * 3 no-shows within 90 days block new sign-ups for 30 days from the third. Each no-show counts
 * towards one block only (those up to `lastTriggerAt` are spent), so re-running decides nothing new.
 * Pure: the times are the activities' end times, so every run, and every copy, decides the same.
 */
export const decideBlock = (noShowTimes: readonly number[], lastTriggerAt: number, now: number): BlockDecision | null => {
  const fresh = noShowTimes.filter((t) => t > lastTriggerAt && t > now - NO_SHOW_WINDOW_DAYS * DAY_MS && t <= now).sort((a, b) => a - b);
  if (fresh.length < NO_SHOWS_TO_BLOCK) return null;
  const trigger = fresh[fresh.length - 1];
  return { trigger, until: trigger + BLOCK_DAYS * DAY_MS, count: fresh.length };
};
