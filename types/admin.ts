/** The street admin's actions (communities, staff, the cross-community dashboard) and photo moderation. */
import { z } from './zod';
import { action } from './action';
import { Id, MonthString, OkOutput, Timestamp, text } from './common';
import { FileId } from './files';
import { Role, UserSummary } from './users';

export const CreateCommunityInput = z.object({
  name: text('社区名称', 30),
  street: text('所属街道', 30),
});
export type CreateCommunityInput = z.infer<typeof CreateCommunityInput>;

export const CommunityView = z.object({ _id: Id, name: z.string(), street: z.string(), createdAt: Timestamp });
export type CommunityView = z.infer<typeof CommunityView>;

/** Appoint a registered user as staff of a community (they move to it). */
export const AppointStaffInput = z.object({ userId: Id, communityId: Id });
export type AppointStaffInput = z.infer<typeof AppointStaffInput>;

export const RemoveStaffInput = z.object({ userId: Id, reason: text('原因', 100) });
export type RemoveStaffInput = z.infer<typeof RemoveStaffInput>;

export const CreateInviteInput = z.object({ communityId: Id });
export type CreateInviteInput = z.infer<typeof CreateInviteInput>;

/** A staff invitation: the code is shown once, to the admin who made it. */
export const StaffInviteView = z.object({
  code: z.string(),
  communityId: Id,
  communityName: z.string(),
  expiresAt: Timestamp,
});
export type StaffInviteView = z.infer<typeof StaffInviteView>;

export const ListStaffInput = z.object({ communityId: z.optional(Id) });
export type ListStaffInput = z.infer<typeof ListStaffInput>;

export const StaffMember = z.object({
  _id: Id,
  name: z.string(),
  phone: z.string(),
  role: Role,
  communityId: Id,
  communityName: z.string(),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const DashboardInput = z.object({ month: MonthString });
export type DashboardInput = z.infer<typeof DashboardInput>;

/** One community's month, from counts kept or indexed as the records were written. */
export const DashboardFigures = z.object({
  orders: z.number(),
  completed: z.number(),
  /** completed ÷ finished (completed, rated or cancelled); null when nothing finished. */
  completionRate: z.nullable(z.number()),
  ratings: z.number(),
  averageRating: z.nullable(z.number()),
  wishesFulfilled: z.number(),
  /** Sign-ups checked in, and confirmed ones that did not come, for activities that month. */
  attended: z.number(),
  noShows: z.number(),
  attendanceRate: z.nullable(z.number()),
  /** Members who earned points that month. */
  activeMembers: z.number(),
});
export type DashboardFigures = z.infer<typeof DashboardFigures>;

export const DashboardOutput = z.object({
  month: z.string(),
  communities: z.array(z.extend(DashboardFigures, { communityId: Id, communityName: z.string(), street: z.string() })),
  totals: DashboardFigures,
});
export type DashboardOutput = z.infer<typeof DashboardOutput>;

export const HidePhotoInput = z.object({
  refType: z.enum(['order', 'wish']),
  refId: Id,
  fileId: FileId,
  reason: text('隐藏原因', 100),
});
export type HidePhotoInput = z.infer<typeof HidePhotoInput>;

export const ADMIN_API = {
  createCommunity: action(CreateCommunityInput, CommunityView),
  appointStaff: action(AppointStaffInput, UserSummary),
  removeStaff: action(RemoveStaffInput, UserSummary),
  createStaffInvite: action(CreateInviteInput, StaffInviteView),
  listStaff: action(ListStaffInput, z.object({ items: z.array(StaffMember) })),
  dashboard: action(DashboardInput, DashboardOutput),
  hidePhoto: action(HidePhotoInput, OkOutput),
} as const;
