import type { Ports } from '../ports';

/**
 * A timed rule. `run` must be idempotent and safe to run in two copies at once (the platform
 * retries failed timer invocations): every change it makes is a guarded, conditional update.
 * It answers how many records it changed.
 */
export interface Job {
  name: string;
  run(ports: Ports): Promise<number>;
}
