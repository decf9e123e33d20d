import type { CollectionSpec } from '../store/port';
import { CLAIM_COUNTERS, WISHES } from './wishDocs';

/** The wishes domain's collections and the indexes its queries and timed jobs use. */
export const WISH_COLLECTIONS: CollectionSpec[] = [
  {
    name: WISHES,
    indexes: [
      // The wall, its counts and the review queue.
      { name: 'wishes_community_status', fields: [['communityId', 'asc'], ['status', 'asc'], ['createdAt', 'desc'], ['_id', 'desc']] },
      // myWishes: the beneficiary's wishes and the ones a staff member posted.
      { name: 'wishes_resident_created', fields: [['residentId', 'asc'], ['createdAt', 'desc'], ['_id', 'desc']] },
      { name: 'wishes_poster_created', fields: [['postedBy', 'asc'], ['createdAt', 'desc'], ['_id', 'desc']] },
      // myClaims.
      { name: 'wishes_claimer_claimed', fields: [['claimerId', 'asc'], ['claimedAt', 'desc'], ['_id', 'desc']] },
      // wishes.expire and wishes.autoRelease.
      { name: 'wishes_status_deadline', fields: [['status', 'asc'], ['deadline', 'asc']] },
      { name: 'wishes_status_claimed', fields: [['status', 'asc'], ['claimedAt', 'asc']] },
      // The reconciler: wishes fulfilled, and confirmed, in the last days.
      { name: 'wishes_fulfilled', fields: [['fulfilledAt', 'asc']] },
      { name: 'wishes_status_confirmed', fields: [['status', 'asc'], ['confirmedAt', 'asc']] },
      // The monthly aggregates' reconciler: wishes changed in the last days.
      { name: 'wishes_updated', fields: [['updatedAt', 'asc']] },
    ],
  },
  // Read and written by _id; the reconciler finds the counters holding claims.
  { name: CLAIM_COUNTERS, indexes: [{ name: 'claim_counters_count', fields: [['count', 'asc']] }] },
];
