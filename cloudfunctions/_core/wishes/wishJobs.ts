import type { Job } from '../scheduler/job';

/** Timed rules of the `wishes` domain. */
export const WISH_JOBS: Job[] = [];
