import { bucketOf, durationDeltas, medianOf, meanOf } from '../../cloudfunctions/_core/stats/durations';
import { addInto, type Counts } from '../../cloudfunctions/_core/stats/statsDocs';

const countsOf = (minutes: number[]): Counts => minutes.reduce((c, m) => addInto(c, durationDeltas('d', m)), {} as Counts);

test('durations are kept as a histogram; the median is read within a bucket’s bounds', () => {
  expect(bucketOf(0)).toBe(0);
  expect(bucketOf(1)).toBe(1);
  expect(bucketOf(100000)).toBe(15);
  expect(medianOf({}, 'd')).toBeNull();
  expect(medianOf(countsOf([0, 0, 0]), 'd')).toBeLessThanOrEqual(1);
  // 10, 20, 25 minutes: the true median 20 lies in [15, 30).
  const m = medianOf(countsOf([10, 20, 25]), 'd')!;
  expect(m).toBeGreaterThanOrEqual(15);
  expect(m).toBeLessThan(30);
  // Two days and more: within [2 d, 3 d).
  const days = medianOf(countsOf([2900, 3000, 4000, 60]), 'd')!;
  expect(days).toBeGreaterThanOrEqual(2880);
  expect(days).toBeLessThan(4320);
  expect(meanOf(countsOf([10, 20]), 'd')).toBe(15);
  // Beyond the last bound the median is that bound.
  expect(medianOf(countsOf([50000, 60000, 70000]), 'd')).toBe(43200);
});
