/**
 * The users vocabulary without zod: states, labels and limits that pages show. The weapp main
 * package imports these from here so that it does not carry zod; ../users.ts re-exports them.
 */

export const ROLES = ['resident', 'member', 'staff', 'admin'] as const;

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  member: '党员志愿者',
  staff: '社区工作者',
  admin: '街道管理员',
};

/** 双报到: a resident applies, staff approve. */
export const MEMBER_STATUSES = ['none', 'pending', 'approved', 'rejected'] as const;

export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  none: '未申请',
  pending: '审核中',
  approved: '已通过',
  rejected: '未通过',
};

/** Skills a member can declare and a service item can require. */
export const SKILLS = ['家电维修', '水电维修', '保洁', '陪伴照护', '调解', '跑腿代办', '医疗健康', '法律', '教育辅导', '文艺'] as const;

export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export type Role = (typeof ROLES)[number];
