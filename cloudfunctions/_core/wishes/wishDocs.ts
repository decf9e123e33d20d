import type { BeneficiaryType, WishKind, WishStatus } from '../../../types/wishes';
import type { TimelineEvent } from '../runtime/timeline';

export const WISHES = 'wishes';
export const CLAIM_COUNTERS = 'wish_claim_counters';

export type WishEventDoc = TimelineEvent<WishStatus>;

/**
 * A wish as stored. `residentId` is the beneficiary (the resident it is for); `postedBy` is who
 * filled the form: the resident themself, or staff posting for them (`proxy`).
 */
export type WishDoc = {
  _id: string;
  communityId: string;
  residentId: string;
  residentName: string;
  residentPhone: string;
  postedBy: string;
  postedByName: string;
  proxy: boolean;
  requestId: string;
  beneficiaryType: BeneficiaryType;
  kind: WishKind;
  title: string;
  content: string;
  value: number;
  photos: string[];
  deadline: string;
  status: WishStatus;
  rejectReason: string;
  reviewedBy: string | null;
  reviewedAt: number | null;
  claimerId: string | null;
  claimerName: string | null;
  claimedAt: number | null;
  fulfilNote: string;
  fulfilPhotos: string[];
  fulfilledAt: number | null;
  confirmedAt: number | null;
  timeline: WishEventDoc[];
  createdAt: number;
  updatedAt: number;
};

/**
 * How many wishes a member holds in `claimed`, kept beside the wishes so that the limit can be
 * checked and moved in the same transaction as the wish (a query cannot run in a transaction).
 * `_id` is the member's user id.
 */
export type ClaimCounterDoc = {
  _id: string;
  communityId: string;
  active: number;
  updatedAt: number;
};
