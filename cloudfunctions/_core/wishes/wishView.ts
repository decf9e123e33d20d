import type { WishDetail, WishView } from '../../../types/wishes';
import { dateOf } from '../time';
import type { WishDoc } from './wishDocs';
import { abilitiesOf, isOwner, isPrivileged, maskName, type Viewer } from './wishRules';

/**
 * A wish as this viewer may see it. The output schema strips unknown fields, but it would pass a
 * full name or phone through: masking happens here, explicitly.
 */
export const toView = (wish: WishDoc, viewer: Viewer, now: number): WishView => {
  const privileged = isPrivileged(viewer, wish);
  const holdsClaim = wish.status === 'claimed' && wish.claimerId === viewer.userId;
  return {
    _id: wish._id,
    communityId: wish.communityId,
    beneficiaryType: wish.beneficiaryType,
    kind: wish.kind,
    title: wish.title,
    content: wish.content,
    value: wish.value,
    photos: wish.photos,
    deadline: wish.deadline,
    status: wish.status,
    beneficiaryName: privileged ? wish.residentName : maskName(wish.residentName),
    beneficiaryPhone: privileged || holdsClaim ? wish.residentPhone : null,
    proxy: wish.proxy,
    postedByName: wish.proxy && privileged ? wish.postedByName : null,
    claimerId: wish.claimerId,
    claimerName: wish.claimerName,
    claimedAt: wish.claimedAt,
    fulfilNote: wish.fulfilNote,
    fulfilPhotos: wish.fulfilPhotos,
    fulfilledAt: wish.fulfilledAt,
    confirmedAt: wish.confirmedAt,
    rejectReason: privileged ? wish.rejectReason : '',
    mine: isOwner(viewer, wish),
    can: abilitiesOf(viewer, wish, dateOf(now)),
    createdAt: wish.createdAt,
    updatedAt: wish.updatedAt,
  };
};

/** The view with its timeline; the beneficiary's own events carry the masked name for the public. */
export const toDetail = (wish: WishDoc, viewer: Viewer, now: number): WishDetail => {
  const view = toView(wish, viewer, now);
  const maskBeneficiary = !isPrivileged(viewer, wish);
  return {
    ...view,
    timeline: wish.timeline.map((event) => ({
      at: event.at,
      byName: maskBeneficiary && event.by === wish.residentId ? maskName(event.byName) : event.byName,
      from: event.from,
      to: event.to,
      note: event.note,
    })),
  };
};
