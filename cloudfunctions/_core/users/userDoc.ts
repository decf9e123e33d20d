import type { MemberStatus, Role, Skill } from '../../../types/users';
import { stableId } from '../runtime/ids';

/** A user as stored. `openid` never leaves the functions: output schemas drop it. */
export type UserDoc = {
  _id: string;
  openid: string;
  communityId: string;
  name: string;
  phone: string;
  building: string;
  room: string;
  role: Role;
  elderly: boolean;
  memberStatus: MemberStatus;
  branch?: string;
  intro?: string;
  skills: Skill[];
  rejectReason?: string;
  history: AuditEvent[];
  /** What staff may type to find this person (searchKeysOf): kept with the fields it comes from. */
  searchKeys?: string[];
  createdAt: number;
  updatedAt: number;
}

/** One state change, kept on the record it changed. */
export type AuditEvent = {
  at: number;
  by: string;
  from: string | null;
  to: string;
  note?: string;
}

/** One WeChat identity, one user: registering twice finds the same document. */
export const userIdFor = (openid: string): string => stableId('u', openid);

/**
 * The words that find a person in the staff pickers: every part of the name (a name is 2–4
 * characters, so this is a handful), the last four digits and the whole phone, the building as
 * typed and its number alone. Stored on the user, so that the search is one indexed query.
 */
export const searchKeysOf = (u: Pick<UserDoc, 'name' | 'phone' | 'building'>): string[] => {
  const name = Array.from(u.name.trim());
  const parts = new Set<string>();
  for (let i = 0; i < name.length; i++) for (let j = i + 1; j <= Math.min(name.length, i + 6); j++) parts.add(name.slice(i, j).join(''));
  parts.add(u.phone.slice(-4));
  parts.add(u.phone);
  const building = u.building.trim();
  parts.add(building);
  const number = /\d+/.exec(building)?.[0];
  if (number) parts.add(number);
  return [...parts].filter(Boolean);
};
