import { ACTIVITY_JOBS } from '../activities/activityJobs';
import { reconcileSeats } from '../activities/seatReconcile';
import { reconcileMenus } from '../activities/carryForward';
import { ORDER_JOBS } from '../orders/orderJobs';
import { reconcileOrders } from '../orders/orderReconcile';
import { reconcilePoints } from '../points/pointsReconcile';
import { reconcileHours } from '../hours/hoursLedger';
import { reconcileStats } from '../stats/statsReconcile';
import type { Ports } from '../ports';
import { WISH_JOBS } from '../wishes/wishJobs';
import { reconcileWishes } from '../wishes/wishReconcile';
import type { Job } from './job';
import { reconcileAdmin } from '../admin/adminReconcile';
import { MEDIA_JOBS, reconcileMedia } from '../security/mediaChecks';

/**
 * What completes or undoes work a request left half-done. The ledgers come after the others (they
 * may pay), the monthly aggregates last (everything else may count into them).
 */
export const RECONCILE_JOBS: Job[] = [reconcileOrders, reconcileWishes, reconcileSeats, reconcileMenus, reconcileAdmin, reconcileMedia, reconcilePoints, reconcileHours, reconcileStats];

export const ALL_JOBS: Job[] = [...ORDER_JOBS, ...WISH_JOBS, ...ACTIVITY_JOBS, ...MEDIA_JOBS, ...RECONCILE_JOBS];

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
