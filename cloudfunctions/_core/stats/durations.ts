/**
 * Durations kept as a histogram of minutes, so that a month's median is read from one document:
 * each bucket holds the durations below its bound (the last one everything beyond), and the
 * median is interpolated inside the bucket that holds it.
 */
import type { Counts } from './statsDocs';
import { countOf } from './statsDocs';

/** Upper bounds in minutes: 1 min, 5 min, 15 min, 30 min, 1 h, 2 h, 4 h, 8 h, 12 h, 1 d, 2 d, 3 d, 7 d, 14 d, 30 d. */
export const BUCKET_BOUNDS = [1, 5, 15, 30, 60, 120, 240, 480, 720, 1440, 2880, 4320, 10080, 20160, 43200] as const;

export const bucketOf = (minutes: number): number => {
  const i = BUCKET_BOUNDS.findIndex((bound) => minutes < bound);
  return i === -1 ? BUCKET_BOUNDS.length : i;
};

/** The increments that count one duration under `prefix` (`dispatch` → dispatch.n, dispatch.sum, dispatch.h.b3). */
export const durationDeltas = (prefix: string, minutes: number): Record<string, number> => {
  const m = Math.max(0, Math.round(minutes));
  return { [`${prefix}.n`]: 1, [`${prefix}.sum`]: m, [`${prefix}.h.b${bucketOf(m)}`]: 1 };
};

/** The median of the durations counted under `prefix`, in minutes; null when there are none. */
export const medianOf = (counts: Counts | undefined, prefix: string): number | null => {
  const buckets = Array.from({ length: BUCKET_BOUNDS.length + 1 }, (_, i) => countOf(counts, `${prefix}.h.b${i}`));
  const n = buckets.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const half = n / 2;
  let before = 0;
  for (const [i, inBucket] of buckets.entries()) {
    if (inBucket > 0 && before + inBucket >= half) {
      const low = i === 0 ? 0 : BUCKET_BOUNDS[i - 1];
      if (i === BUCKET_BOUNDS.length) return low;
      const high = BUCKET_BOUNDS[i];
      return Math.round(low + ((half - before) / inBucket) * (high - low));
    }
    before += inBucket;
  }
  return null;
};

/** The mean of the durations counted under `prefix`, in minutes; null when there are none. */
export const meanOf = (counts: Counts | undefined, prefix: string): number | null => {
  const n = countOf(counts, `${prefix}.n`);
  return n === 0 ? null : Math.round(countOf(counts, `${prefix}.sum`) / n);
};
