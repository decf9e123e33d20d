/**
 * The activities vocabulary without zod: states, labels and limits that pages show. The weapp main
 * package imports these from here so that it does not carry zod; ../activities.ts re-exports them.
 */

export const ACTIVITY_CATEGORIES = [
  'public_class',
  'after_school',
  'tcm_night',
  'summer_camp',
  'health_clinic',
  'culture_sports',
  'other',
] as const;

export const ACTIVITY_CATEGORY_LABELS: Record<ActivityCategory, string> = {
  public_class: '公益课堂',
  after_school: '四点半课堂',
  tcm_night: '中医夜市',
  summer_camp: '夏令营',
  health_clinic: '健康义诊',
  culture_sports: '文体活动',
  other: '其他',
};

export const ACTIVITY_MENU_STATUSES = ['draft', 'published'] as const;

export const ACTIVITY_MENU_STATUS_LABELS: Record<ActivityMenuStatus, string> = { draft: '草稿', published: '已发布' };

export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'checked_in', 'no_show'] as const;

export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
  checked_in: '已签到',
  no_show: '未到场',
};

export const ATTENDEE_RELATIONS = ['self', 'child', 'parent', 'spouse', 'other'] as const;

export const ATTENDEE_RELATION_LABELS: Record<AttendeeRelation, string> = {
  self: '本人',
  child: '子女',
  parent: '父母',
  spouse: '配偶',
  other: '其他',
};

/** Where an activity stands for sign-ups at the moment of the answer. */
export const SIGNUP_PHASES = ['not_open', 'open', 'closed', 'ended'] as const;

export const SIGNUP_PHASE_LABELS: Record<SignupPhase, string> = {
  not_open: '未开始报名',
  open: '报名中',
  closed: '报名已截止',
  ended: '已结束',
};

/** 1 = Monday … 7 = Sunday, as Chinese calendars count. */
export const WEEKDAY_LABELS: Record<number, string> = {
  1: '星期一',
  2: '星期二',
  3: '星期三',
  4: '星期四',
  5: '星期五',
  6: '星期六',
  7: '星期日',
};

/** Check-in opens this long before the start and closes at the end. */
export const CHECKIN_OPENS_BEFORE_MS = 30 * 60 * 1000;

export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];
export type ActivityMenuStatus = (typeof ACTIVITY_MENU_STATUSES)[number];
export type AttendeeRelation = (typeof ATTENDEE_RELATIONS)[number];
export type SignupPhase = (typeof SIGNUP_PHASES)[number];
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];
