import type { UserProfile, UserSummary } from '../../../types/users';
import type { Ports } from '../ports';
import type { UserDoc } from './userDoc';

export type CommunityDoc = {
  _id: string;
  name: string;
  street: string;
  createdAt: number;
};

export const toProfile = (user: UserDoc, community: CommunityDoc | null): UserProfile => ({
  ...user,
  communityName: community?.name ?? '',
});

export const toSummary = (user: UserDoc): UserSummary => user;

/** A street admin belongs to no community: nothing to read. */
export const communityOf = (ports: Ports, communityId: string): Promise<CommunityDoc | null> =>
  communityId ? ports.store.get<CommunityDoc>('communities', communityId) : Promise.resolve(null);

export const profileOf = async (ports: Ports, user: UserDoc) => toProfile(user, await communityOf(ports, user.communityId));
