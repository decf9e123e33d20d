import { z } from './zod';
import { Cursor, Id, Phone, Timestamp, text, optionalText } from './common';
import { ROLES, MEMBER_STATUSES, SKILLS } from './constants/users';
export * from './constants/users';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const MemberStatus = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof MemberStatus>;

export const Skill = z.enum(SKILLS);
export type Skill = z.infer<typeof Skill>;

export const Community = z.object({
  _id: Id,
  name: z.string(),
  street: z.string(),
  createdAt: Timestamp,
});
export type Community = z.infer<typeof Community>;

/** What a user sees of themself. */
export const UserProfile = z.object({
  _id: Id,
  communityId: Id,
  communityName: z.string(),
  name: z.string(),
  phone: z.string(),
  building: z.string(),
  room: z.string(),
  role: Role,
  elderly: z.boolean(),
  memberStatus: MemberStatus,
  branch: z.optional(z.string()),
  skills: z.array(Skill),
  rejectReason: z.optional(z.string()),
  createdAt: Timestamp,
});
export type UserProfile = z.infer<typeof UserProfile>;

/** What staff see of a resident or member: full phone, no openid. */
export const UserSummary = z.object({
  _id: Id,
  name: z.string(),
  phone: z.string(),
  building: z.string(),
  room: z.string(),
  role: Role,
  elderly: z.boolean(),
  memberStatus: MemberStatus,
  branch: z.optional(z.string()),
  skills: z.array(Skill),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const RegisterInput = z.object({
  communityId: Id,
  name: text('姓名', 20),
  phone: Phone,
  building: text('楼栋', 20),
  room: text('门牌号', 20),
});
export type RegisterInput = z.infer<typeof RegisterInput>;

export const UpdateProfileInput = z.object({
  name: z.optional(text('姓名', 20)),
  phone: z.optional(Phone),
  building: z.optional(text('楼栋', 20)),
  room: z.optional(text('门牌号', 20)),
});
export type UpdateProfileInput = z.infer<typeof UpdateProfileInput>;

export const ApplyMemberInput = z.object({
  branch: text('所在党支部或工作单位', 40),
  skills: z.array(Skill).check(z.minLength(1, '请至少选择一项技能'), z.maxLength(6, '技能最多选6项')),
  intro: optionalText('个人说明', 200),
});
export type ApplyMemberInput = z.infer<typeof ApplyMemberInput>;

export const ReviewMemberInput = z.object({
  userId: Id,
  approve: z.boolean(),
  reason: optionalText('原因', 100),
});
export type ReviewMemberInput = z.infer<typeof ReviewMemberInput>;

export const ListUsersInput = z.object({
  role: z.optional(Role),
  memberStatus: z.optional(MemberStatus),
  skill: z.optional(Skill),
  /** A name or part of it, the last four digits of the phone, or the building. */
  keyword: optionalText('关键词', 20),
  cursor: z.optional(Cursor),
  pageSize: z.optional(z.number().check(z.int(), z.gte(1), z.lte(50, '每页最多50条'))),
});
export type ListUsersInput = z.infer<typeof ListUsersInput>;

export const MeOutput = z.object({
  user: z.nullable(UserProfile),
});
export type MeOutput = z.infer<typeof MeOutput>;

export const CommunityOption = z.object({ _id: Id, name: z.string(), street: z.string() });
export type CommunityOption = z.infer<typeof CommunityOption>;

/**
 * What waits for the caller, as counts for the home tiles (null: not for this role). Staff:
 * 待派单 orders, 待审核 wishes, pending member applications. Members: their 我的任务
 * (assigned/serving), the 任务大厅 (submitted orders in the community), their open claims.
 * Everyone: unread messages.
 */
export const HomeBadges = z.object({
  dispatch: z.nullable(z.number()),
  wishReview: z.nullable(z.number()),
  memberReview: z.nullable(z.number()),
  myTasks: z.nullable(z.number()),
  taskHall: z.nullable(z.number()),
  myClaims: z.nullable(z.number()),
  unreadMessages: z.number(),
});
export type HomeBadges = z.infer<typeof HomeBadges>;
