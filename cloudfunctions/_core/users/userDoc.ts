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
