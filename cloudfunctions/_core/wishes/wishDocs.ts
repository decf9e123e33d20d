import type { BeneficiaryType, WishKind, WishStatus } from '../../../types/wishes';
import type { TimelineEvent } from '../runtime/timeline';
import type { HoldsDoc } from '../store/holds';

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
  /** The client request id of the last change: its retry answers the wish as it is. */
  lastRequestId?: string | null;
  timeline: WishEventDoc[];
  createdAt: number;
  updatedAt: number;
};

/**
 * How many wishes a member holds in `claimed`, with the wishes they are held for (see
 * store/holds.ts). `_id` is the member's user id.
 */
export type ClaimCounterDoc = HoldsDoc & { communityId: string };
