import type { Store } from './store/port';

/** Injected so that every time rule can be tested with a fixed or advancing clock. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Photos uploaded by the client (cloud storage in WeChat, the data directory locally). */
export interface Files {
  exists(fileId: string): Promise<boolean>;
}

/** Everything a use-case may touch outside its own memory. */
export interface Ports {
  store: Store;
  clock: Clock;
  files: Files;
  /** A new unique id; deterministic ids (idempotency, uniqueness) are derived with `stableId`. */
  newId(): string;
}
