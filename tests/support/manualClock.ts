import type { Clock } from '../../cloudfunctions/_core/ports';

/** A clock the test moves by hand: time rules are tested without sleeping. */
export const manualClock = (start = Date.parse('2026-11-23T09:00:00+08:00')) => {
  let now = start;
  const clock: Clock & { set(at: number | string): void; advance(ms: number): void } = {
    now: () => now,
    set: (at) => {
      now = typeof at === 'string' ? Date.parse(at) : at;
    },
    advance: (ms) => {
      now += ms;
    },
  };
  return clock;
};

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
