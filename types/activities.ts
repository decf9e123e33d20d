/**
 * Contracts of the `activities` function: the monthly 党群服务菜单, its activities, sign-ups,
 * check-in and ratings. Times are epoch ms; forms send Shanghai calendar dates and clock times
 * (`2026-12-07`, `19:00`), which the function converts.
 */
import { z } from './zod';
import { action } from './action';
import { CalendarDate, ClockTime, Cursor, Id, MonthString, Timestamp, intIn, isRealDate, optionalText, text } from './common';
import { ACTIVITY_CATEGORIES, ACTIVITY_MENU_STATUSES, SIGNUP_STATUSES, ATTENDEE_RELATIONS, SIGNUP_PHASES } from './constants/activities';
export * from './constants/activities';

// ---- enums and labels ----

export const ActivityCategory = z.enum(ACTIVITY_CATEGORIES, { error: '请选择活动类别' });
export type ActivityCategory = z.infer<typeof ActivityCategory>;

export const ActivityMenuStatus = z.enum(ACTIVITY_MENU_STATUSES);
export type ActivityMenuStatus = z.infer<typeof ActivityMenuStatus>;

export const SignupStatus = z.enum(SIGNUP_STATUSES);
export type SignupStatus = z.infer<typeof SignupStatus>;

export const AttendeeRelation = z.enum(ATTENDEE_RELATIONS, { error: '请选择与本人关系' });
export type AttendeeRelation = z.infer<typeof AttendeeRelation>;

export const SignupPhase = z.enum(SIGNUP_PHASES);
export type SignupPhase = z.infer<typeof SignupPhase>;

// ---- rules both sides apply ----

export const MAX_ATTENDEES = 3;
/** No-shows within this many days … */
export const NO_SHOW_WINDOW_DAYS = 90;
/** … reaching this count … */
export const NO_SHOWS_TO_BLOCK = 3;
/** … block new sign-ups for this many days. */
export const BLOCK_DAYS = 30;
/** Dates a weekly series may span at most. */
export const MAX_SERIES_DATES = 31;

export { isRealDate };

/** A clock time on a form: 19:00. */
export const TimeString = ClockTime();

const optionalAge = (label: string) => z.optional(z.nullable(intIn(label, 0, 120)));

// ---- menus ----

export const ActivityMenuEvent = z.object({
  at: Timestamp,
  by: z.string(),
  byName: z.string(),
  from: z.nullable(ActivityMenuStatus),
  to: ActivityMenuStatus,
  note: z.string(),
});

export const ActivityMenuView = z.object({
  _id: Id,
  communityId: Id,
  month: z.string(),
  title: z.string(),
  status: ActivityMenuStatus,
  publishedAt: z.nullable(Timestamp),
  timeline: z.array(ActivityMenuEvent),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ActivityMenuView = z.infer<typeof ActivityMenuView>;

export const CreateMenuInput = z.object({
  month: MonthString,
  /** Default: 2026年12月党群服务菜单. */
  title: z.optional(text('菜单标题', 30)),
});
export type CreateMenuInput = z.infer<typeof CreateMenuInput>;

export const MenuIdInput = z.object({ menuId: Id });
export const MonthMenuInput = z.object({ month: z.optional(MonthString) });

// ---- activities ----

/**
 * The activity form. Dates and times are Shanghai wall-clock values as the pickers give them; an
 * activity spanning days (夏令营) sets `endDate`. Ages are null for "no limit".
 */
export const ActivityFields = z.object({
  title: text('活动名称', 30),
  category: ActivityCategory,
  description: text('活动简介', 500),
  place: text('活动地点', 50),
  date: CalendarDate('活动日期'),
  startTime: ClockTime('开始时间'),
  endDate: z.optional(CalendarDate('结束日期')),
  endTime: ClockTime('结束时间'),
  capacity: intIn('名额', 1, 1000),
  ageMin: optionalAge('最小年龄'),
  ageMax: optionalAge('最大年龄'),
  waitlist: z.boolean({ error: '请选择是否开启候补' }),
  checkinRequired: z.boolean({ error: '请选择是否需要签到' }),
  memberPoints: intIn('志愿者积分', 0, 50),
  signupOpensDate: CalendarDate('报名开始日期'),
  signupOpensTime: ClockTime('报名开始时间'),
  signupClosesDate: CalendarDate('报名截止日期'),
  signupClosesTime: ClockTime('报名截止时间'),
  cancelDeadlineDate: CalendarDate('取消截止日期'),
  cancelDeadlineTime: ClockTime('取消截止时间'),
});
export type ActivityFields = z.infer<typeof ActivityFields>;

type Rule<T> = { path: keyof T & string; message: string; holds: (v: T) => boolean };

const at = (date: string, time: string) => `${date} ${time}`;
const ageOrder = (v: { ageMin?: number | null; ageMax?: number | null }) => v.ageMin == null || v.ageMax == null || v.ageMin <= v.ageMax;

/**
 * Cross-field rules of the activity form. "YYYY-MM-DD HH:mm" strings order like the instants they
 * name, so the page can check them without any time zone arithmetic; the function checks them again
 * on the merged record when an update changes only some fields.
 */
export const ACTIVITY_RULES: Rule<ActivityFields>[] = [
  { path: 'endTime', message: '结束时间须晚于开始时间', holds: (v) => at(v.endDate ?? v.date, v.endTime) > at(v.date, v.startTime) },
  { path: 'signupClosesTime', message: '报名截止须晚于报名开始', holds: (v) => at(v.signupClosesDate, v.signupClosesTime) > at(v.signupOpensDate, v.signupOpensTime) },
  { path: 'signupClosesTime', message: '报名截止不能晚于活动开始', holds: (v) => at(v.signupClosesDate, v.signupClosesTime) <= at(v.date, v.startTime) },
  { path: 'cancelDeadlineTime', message: '取消截止不能晚于活动开始', holds: (v) => at(v.cancelDeadlineDate, v.cancelDeadlineTime) <= at(v.date, v.startTime) },
  { path: 'ageMax', message: '最大年龄不能小于最小年龄', holds: ageOrder },
];

/**
 * Cross-field rules, all reported at once, but only when every field is well-formed: a malformed
 * date has nothing to compare.
 */
const withRules = <T extends z.ZodMiniType>(schema: T, rules: Rule<z.output<T>>[]) =>
  schema.check(
    z.check<z.output<T>>((payload) => {
      if (payload.issues.length > 0) return;
      for (const r of rules) {
        if (!r.holds(payload.value)) payload.issues.push({ code: 'custom', message: r.message, path: [r.path], input: payload.value });
      }
    }),
  );

/** The form as the page validates it. */
export const ActivityForm = withRules(ActivityFields, ACTIVITY_RULES);

export const AddActivityInput = withRules(z.extend(ActivityFields, { menuId: Id }), ACTIVITY_RULES);
export type AddActivityInput = z.infer<typeof AddActivityInput>;

/** Any subset of the form. After publishing only title, description, place, points and a larger capacity may change. */
export const UpdateActivityInput = z.extend(z.partial(ActivityFields), { activityId: Id });
export type UpdateActivityInput = z.infer<typeof UpdateActivityInput>;

/** Fields that may still change once the menu is published. */
export const EDITABLE_AFTER_PUBLISH = ['title', 'description', 'place', 'capacity', 'memberPoints'] as const;

/**
 * A weekly series (中医夜市 every Monday 19:00–21:00): one activity per matching date from
 * `fromDate` to `toDate`. Sign-ups all open at one moment and close, like cancellations, a number
 * of hours before each date's start.
 */
export const SeriesFields = z.extend(
  z.omit(ActivityFields, {
    date: true,
    endDate: true,
    signupClosesDate: true,
    signupClosesTime: true,
    cancelDeadlineDate: true,
    cancelDeadlineTime: true,
  }),
  {
    weekday: intIn('星期', 1, 7),
    fromDate: CalendarDate('起始日期'),
    toDate: CalendarDate('结束日期'),
    signupClosesHoursBefore: intIn('报名截止（开始前小时数）', 0, 720),
    cancelHoursBefore: intIn('取消截止（开始前小时数）', 0, 720),
  },
);
export type SeriesFields = z.infer<typeof SeriesFields>;

export const SERIES_RULES: Rule<SeriesFields>[] = [
  { path: 'endTime', message: '结束时间须晚于开始时间', holds: (v) => v.endTime > v.startTime },
  { path: 'toDate', message: '结束日期不能早于开始日期', holds: (v) => v.toDate >= v.fromDate },
  { path: 'ageMax', message: '最大年龄不能小于最小年龄', holds: ageOrder },
];

export const SeriesForm = withRules(SeriesFields, SERIES_RULES);
export const CreateSeriesInput = withRules(z.extend(SeriesFields, { menuId: Id }), SERIES_RULES);
export type CreateSeriesInput = z.infer<typeof CreateSeriesInput>;

export const ActivityView = z.object({
  _id: Id,
  communityId: Id,
  menuId: Id,
  month: z.string(),
  seriesId: z.nullable(z.string()),
  title: z.string(),
  category: ActivityCategory,
  description: z.string(),
  place: z.string(),
  startAt: Timestamp,
  endAt: Timestamp,
  capacity: z.number(),
  /** Attendees holding a place (confirmed, checked in or marked no-show). */
  confirmedCount: z.number(),
  placesLeft: z.number(),
  signupOpensAt: Timestamp,
  signupClosesAt: Timestamp,
  cancelDeadline: Timestamp,
  ageMin: z.nullable(z.number()),
  ageMax: z.nullable(z.number()),
  waitlist: z.boolean(),
  checkinRequired: z.boolean(),
  memberPoints: z.number(),
  signupPhase: SignupPhase,
  /** Whether its month's menu is published (residents see only published activities). */
  published: z.optional(z.boolean()),
  ratingCount: z.number(),
  ratingAverage: z.nullable(z.number()),
  /** Staff only: the activity's own code, shown as a QR that attendees scan (selfCheckIn). */
  checkinCode: z.optional(z.string()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ActivityView = z.infer<typeof ActivityView>;

export const ActivityIdInput = z.object({ activityId: Id });

// ---- sign-ups ----

export const Attendee = z.object({
  name: text('参加人姓名', 20),
  relation: AttendeeRelation,
  age: intIn('年龄', 0, 120),
});
export type Attendee = z.infer<typeof Attendee>;

export const Attendees = z
  .array(Attendee, { error: '请添加参加人' })
  .check(z.minLength(1, '请至少添加1位参加人'), z.maxLength(MAX_ATTENDEES, `每个账号最多报名${MAX_ATTENDEES}人`));

/** The sign-up form. */
export const SignUpFields = z.object({
  attendees: Attendees,
  /** A member signing up to serve (not counted against capacity; earns the activity's points). */
  volunteer: z.optional(z.boolean()),
});

export const SignUpInput = z.extend(SignUpFields, {
  activityId: Id,
  /** Staff signing a resident up (代报名). */
  onBehalfOf: z.optional(Id),
});
export type SignUpInput = z.infer<typeof SignUpInput>;

export const SignupEvent = z.object({
  at: Timestamp,
  by: z.string(),
  byName: z.string(),
  from: z.nullable(SignupStatus),
  to: SignupStatus,
  note: z.string(),
});
export type SignupEvent = z.infer<typeof SignupEvent>;

export const ActivityRating = z.object({ stars: z.number(), comment: z.string(), at: Timestamp });

/** A sign-up as its resident or staff see it. */
export const SignupView = z.object({
  _id: Id,
  communityId: Id,
  activityId: Id,
  userId: Id,
  userName: z.string(),
  phone: z.string(),
  attendees: z.array(Attendee),
  attendeeCount: z.number(),
  volunteer: z.boolean(),
  status: SignupStatus,
  /** Arrival number on the waitlist (1 = first to join); null if never waitlisted. */
  waitlistSeq: z.nullable(z.number()),
  /** While waitlisted: how many are still ahead in the live queue (前面还有 N 人). */
  waitlistAhead: z.optional(z.nullable(z.number())),
  /** Shown as a QR for staff to scan; only while the sign-up holds a place. */
  checkinCode: z.nullable(z.string()),
  checkedInAt: z.nullable(Timestamp),
  rating: z.nullable(ActivityRating),
  proxy: z.boolean(),
  timeline: z.array(SignupEvent),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type SignupView = z.infer<typeof SignupView>;

export const SignupIdInput = z.object({ signupId: Id });
export const CancelSignupInput = z.object({
  signupId: Id,
  /** The sign-up's activity, when the client knows it: read together with the sign-up (one round trip less). */
  activityId: z.optional(Id),
  reason: optionalText('取消原因', 100),
});

export const ActivitySummary = z.pick(ActivityView, { _id: true, title: true, category: true, place: true, startAt: true, endAt: true, cancelDeadline: true, checkinRequired: true });

export const MySignupItem = z.extend(SignupView, { activity: ActivitySummary });
export type MySignupItem = z.infer<typeof MySignupItem>;

export const MySignupsInput = z.object({
  status: z.optional(SignupStatus),
  cursor: z.optional(Cursor),
});

export const ListSignupsInput = z.object({ activityId: Id, status: z.optional(SignupStatus) });

export const SignupCounts = z.object({
  confirmed: z.number(),
  waitlisted: z.number(),
  cancelled: z.number(),
  checked_in: z.number(),
  no_show: z.number(),
});

/** Staff scan a sign-up's QR; the attendee scans the activity's. Both carry `code`. */
export const CheckInInput = z.object({
  activityId: Id,
  code: z.string({ error: '请扫描签到码' }).check(z.trim(), z.minLength(8, '签到码不正确'), z.maxLength(32, '签到码不正确')),
});

export const RateActivityInput = z.object({
  signupId: Id,
  stars: intIn('评分', 1, 5),
  comment: optionalText('评价', 200),
});

export const SubscribeInput = z.object({ subscribed: z.boolean({ error: '请选择是否订阅' }) });

// ---- blocks ----

export const BlockView = z.object({
  _id: Id,
  userId: Id,
  userName: z.string(),
  until: Timestamp,
  active: z.boolean(),
  noShowCount: z.number(),
  liftedAt: z.nullable(Timestamp),
});
export type BlockView = z.infer<typeof BlockView>;

export const LiftBlockInput = z.object({ userId: Id, note: optionalText('说明', 100) });

// ---- the function ----

export const MonthMenuOutput = z.object({
  month: z.string(),
  menu: z.nullable(ActivityMenuView),
  activities: z.array(ActivityView),
  subscribed: z.boolean(),
  /** The caller's sign-up block, if one is in force. */
  blockedUntil: z.nullable(Timestamp),
});

export const ACTIVITIES_API = {
  // staff
  createMenu: action(CreateMenuInput, ActivityMenuView),
  listMenus: action(z.object({}), z.object({ items: z.array(ActivityMenuView) })),
  addActivity: action(AddActivityInput, ActivityView),
  updateActivity: action(UpdateActivityInput, ActivityView),
  createSeries: action(CreateSeriesInput, z.object({ seriesId: z.string(), items: z.array(ActivityView) })),
  publishMenu: action(MenuIdInput, ActivityMenuView),
  listSignups: action(ListSignupsInput, z.object({ activity: ActivityView, counts: SignupCounts, items: z.array(SignupView) })),
  checkIn: action(CheckInInput, SignupView),
  liftBlock: action(LiftBlockInput, BlockView),
  listBlocks: action(z.object({}), z.object({ items: z.array(BlockView) })),
  // residents and members (staff on their behalf where noted)
  monthMenu: action(MonthMenuInput, MonthMenuOutput),
  getActivity: action(ActivityIdInput, z.object({ activity: ActivityView, mySignup: z.nullable(SignupView), waitlisted: z.number() })),
  subscribeMenus: action(SubscribeInput, z.object({ subscribed: z.boolean() })),
  signUp: action(SignUpInput, SignupView),
  cancelSignup: action(CancelSignupInput, SignupView),
  mySignups: action(MySignupsInput, z.object({ items: z.array(MySignupItem), nextCursor: z.nullable(z.string()) })),
  selfCheckIn: action(CheckInInput, SignupView),
  rateActivity: action(RateActivityInput, SignupView),
} as const;
