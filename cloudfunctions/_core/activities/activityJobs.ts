import type { Job } from '../scheduler/job';

/** Timed rules of the `activities` domain. */
export const ACTIVITY_JOBS: Job[] = [];
