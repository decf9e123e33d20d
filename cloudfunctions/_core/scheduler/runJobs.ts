import { ACTIVITY_JOBS } from '../activities/activityJobs';
import { ORDER_JOBS } from '../orders/orderJobs';
import type { Ports } from '../ports';
import { WISH_JOBS } from '../wishes/wishJobs';
import type { Job } from './job';

export const ALL_JOBS: Job[] = [...ORDER_JOBS, ...WISH_JOBS, ...ACTIVITY_JOBS];

/**
 * One tick of the timer: every job runs even if another fails, and the answer says what each did.
 */
export const runJobs = async (ports: Ports, jobs: Job[] = ALL_JOBS): Promise<Record<string, number | string>> => {
  const results: Record<string, number | string> = {};
  for (const job of jobs) {
    try {
      results[job.name] = await job.run(ports);
    } catch (e) {
      console.error(`[scheduler] ${job.name} failed`, e);
      results[job.name] = `failed: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  return results;
};
