import { DAY_MS, MINUTE_MS } from '../time';

/**
 * The reconciler leaves alone what is younger than this: the request that wrote it may still be
 * on its way to its next write (a round trip is tens of milliseconds; a function times out in
 * seconds), and completing it then would race the request itself.
 */
export const RECONCILE_GRACE_MS = 5 * MINUTE_MS;

/**
 * How far back it looks for work a crash left half-done. The timer runs every 10 minutes, so
 * anything left half-done is seen many times over before it leaves the window.
 */
export const RECONCILE_WINDOW_MS = 2 * DAY_MS;

/** [from, to): what is old enough to be settled and young enough to be looked at. */
export const settledRange = (now: number) => ({ from: now - RECONCILE_WINDOW_MS, to: now - RECONCILE_GRACE_MS });
