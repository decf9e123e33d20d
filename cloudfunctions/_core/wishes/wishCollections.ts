import type { CollectionSpec } from '../store/port';
import { CLAIM_COUNTERS, WISHES } from './wishDocs';

/** The wishes domain's collections and the indexes its queries and timed jobs use. */
export const WISH_COLLECTIONS: CollectionSpec[] = [
  {
    name: WISHES,
    indexes: [
      // The wall, its counts and the review queue.
      { name: 'wishes_community_status', fields: [['communityId', 'asc'], ['status', 'asc'], ['createdAt', 'desc']] },
      // myWishes: the beneficiary's wishes and the ones a staff member posted.
      { name: 'wishes_resident_created', fields: [['residentId', 'asc'], ['createdAt', 'desc']] },
      { name: 'wishes_poster_created', fields: [['postedBy', 'asc'], ['createdAt', 'desc']] },
      // myClaims.
      { name: 'wishes_claimer_status', fields: [['claimerId', 'asc'], ['status', 'asc'], ['claimedAt', 'desc']] },
      // wishes.expire and wishes.autoRelease.
      { name: 'wishes_status_deadline', fields: [['status', 'asc'], ['deadline', 'asc']] },
      { name: 'wishes_status_claimed', fields: [['status', 'asc'], ['claimedAt', 'asc']] },
    ],
  },
  // Read and written by _id only.
  { name: CLAIM_COUNTERS, indexes: [] },
];
