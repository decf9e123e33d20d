/**
 * The pure rules of micro-wishes: who may see what of a wish, and what a viewer may do next.
 * The actions enforce the same rules against the store; pages use `abilitiesOf` to show buttons.
 */
import { AUTO_RELEASE_DAYS, WALL_STATUSES, type WishAbilities, type WishStatus } from '../../../types/wishes';
import type { Role } from '../../../types/users';
import { DAY_MS } from '../time';

export type Viewer = { userId: string; role: Role };

type WishParties = {
  residentId: string;
  postedBy: string;
  claimerId: string | null;
  status: WishStatus;
  deadline: string;
};

export { maskName } from '../runtime/privacy';

export const isStaffRole = (role: Role): boolean => role === 'staff' || role === 'admin';

/** The beneficiary or whoever filled the form for them. */
export const isOwner = (viewer: Viewer, wish: WishParties): boolean =>
  viewer.userId === wish.residentId || viewer.userId === wish.postedBy;

/** Sees the beneficiary's full name, the rejection reason, and wishes not on the wall. */
export const isPrivileged = (viewer: Viewer, wish: WishParties): boolean => isStaffRole(viewer.role) || isOwner(viewer, wish);

const onWall = (status: WishStatus): boolean => (WALL_STATUSES as readonly WishStatus[]).includes(status);

/** Wishes under review, rejected or withdrawn stay between the poster and staff; expired ones too. */
export const isVisibleTo = (viewer: Viewer, wish: WishParties): boolean => onWall(wish.status) || isPrivileged(viewer, wish);

/** A wish may be claimed through the last day of its deadline (Asia/Shanghai). */
export const isPastDeadline = (deadline: string, today: string): boolean => deadline < today;

/** States the poster may still withdraw from: nobody has claimed the wish yet. */
export const WITHDRAWABLE: readonly WishStatus[] = ['pending_review', 'open'];

/** A claim not fulfilled by then goes back to the wall. */
export const autoReleaseCutoff = (now: number): number => now - AUTO_RELEASE_DAYS * DAY_MS;

export const abilitiesOf = (viewer: Viewer, wish: WishParties, today: string): WishAbilities => {
  const claimer = wish.claimerId !== null && wish.claimerId === viewer.userId;
  return {
    claim: viewer.role === 'member' && wish.status === 'open' && !isPastDeadline(wish.deadline, today) && viewer.userId !== wish.residentId,
    release: wish.status === 'claimed' && claimer,
    fulfil: wish.status === 'claimed' && claimer,
    confirm: wish.status === 'fulfilled' && (viewer.userId === wish.residentId || isStaffRole(viewer.role)),
    withdraw: WITHDRAWABLE.includes(wish.status) && (isOwner(viewer, wish) || isStaffRole(viewer.role)),
    review: viewer.role === 'staff' && wish.status === 'pending_review',
  };
};
