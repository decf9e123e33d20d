/**
 * Round trips per action, counted at the Store port on the usual path of every action (support/
 * actionTour.ts): each store call is tens of milliseconds in the cloud. A mutation makes at most
 * 3 calls one after another, a read at most 2, the read of the caller's own user record included.
 * `npm run bench` prints the same figures with the totals.
 */
import type { Store } from '../../cloudfunctions/_core/store/port';
import { TOUR } from '../support/actionTour';
import { countingStore, type Counting } from '../support/countingStore';
import { openHarness } from '../support/harness';

const LIMIT = { write: 3, read: 2 } as const;

test('every action, on its usual path, waits for at most 3 round trips one after another (2 for reads)', async () => {
  const over: string[] = [];
  const figures: string[] = [];
  for (const stop of TOUR) {
    let counting!: Counting;
    const h = await openHarness({ interleave: false, wrap: (s: Store) => (counting = countingStore(s)).store });
    try {
      const call = await stop.setup(h);
      counting.reset();
      const answer = await call();
      if (!answer.ok) throw new Error(`${stop.name}: ${answer.error.code} ${answer.error.message}`);
      const { total, sequential } = counting.figures;
      figures.push(`${stop.name} ${sequential}/${total}`);
      if (sequential > LIMIT[stop.kind]) over.push(`${stop.name} (${stop.kind}): ${sequential} one after another, ${total} in all`);
    } finally {
      await h.close();
    }
  }
  console.log(`[round trips ${TOUR.length} actions] ${figures.join(', ')}`);
  expect(over).toEqual([]);
});
