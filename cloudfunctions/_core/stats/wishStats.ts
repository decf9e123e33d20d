/**
 * What wishes count in the monthly aggregates: each step of a wish in the month it happened
 * (posted, approved, rejected, claimed, released, fulfilled, confirmed, withdrawn, expired), in
 * all and per beneficiary type, and the time from posting to fulfilment. Pure.
 */
import type { WishDoc } from '../wishes/wishDocs';
import { holdKey } from '../store/holds';
import { MINUTE_MS, monthOf } from '../time';
import { durationDeltas } from './durations';
import type { StatEvent } from './statsDocs';

type WishFacts = Pick<WishDoc, '_id' | 'communityId' | 'beneficiaryType' | 'createdAt' | 'timeline'>;

/** The step a timeline event is: its new state, except a claim given back (`released`). */
export const wishStep = (from: string | null, to: string): string => (from === 'claimed' && to === 'open' ? 'released' : to === 'pending_review' ? 'posted' : to);

const eventAt = (wish: WishFacts, index: number): StatEvent => {
  const event = wish.timeline[index];
  const step = wishStep(event.from, event.to);
  const deltas: Record<string, number> = { [`to.${step}`]: 1, [`bt.${wish.beneficiaryType}.${step}`]: 1 };
  if (event.to === 'fulfilled') Object.assign(deltas, durationDeltas('fulfil', (event.at - wish.createdAt) / MINUTE_MS));
  return {
    section: 'wishes',
    communityId: wish.communityId,
    month: monthOf(event.at),
    ref: wish._id,
    s: 'wish',
    key: `${holdKey(wish._id)}_${index}`,
    deltas,
    at: event.at,
  };
};

/** The event of the wish's latest change. */
export const latestWishEvent = (wish: WishFacts): StatEvent => eventAt(wish, wish.timeline.length - 1);

/** Every event the wish implies, as it stands. */
export const wishEvents = (wish: WishFacts): StatEvent[] => wish.timeline.map((_, index) => eventAt(wish, index));
