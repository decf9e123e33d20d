import type { Store } from './store/port';

/** Injected so that every time rule can be tested with a fixed or advancing clock. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Everything a use-case may touch outside its own memory. */
export interface Ports {
  store: Store;
  clock: Clock;
  /** A new unique id; deterministic ids (idempotency, uniqueness) are derived with `stableId`. */
  newId(): string;
}
