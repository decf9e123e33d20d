import type {
  ActivityCategory,
  ActivityMenuStatus,
  Attendee,
  SignupEvent,
  SignupStatus,
} from '../../../types/activities';
import { stableId } from '../runtime/ids';

export type MenuEvent = {
  at: number;
  by: string;
  byName: string;
  from: ActivityMenuStatus | null;
  to: ActivityMenuStatus;
  note: string;
};

/** One community's 党群服务菜单 for one month; its id is derived from both, so there is one. */
export type ActivityMenuDoc = {
  _id: string;
  communityId: string;
  month: string;
  title: string;
  status: ActivityMenuStatus;
  publishedAt: number | null;
  publishedBy?: string;
  timeline: MenuEvent[];
  createdBy: string;
  createdAt: number;
  updatedAt: number;
};

/**
 * A place held on an activity by one sign-up. The token names the reservation, so that releasing
 * it is exact: a late or repeated release of an old reservation cannot free a newer one. `at` says
 * when it was taken: the reconciler leaves young holds alone (their sign-up may be in flight).
 */
export type SeatHold = { n: number; token: string; at: number };

export type ActivityDoc = {
  _id: string;
  communityId: string;
  menuId: string;
  month: string;
  seriesId: string | null;
  title: string;
  category: ActivityCategory;
  description: string;
  place: string;
  startAt: number;
  endAt: number;
  capacity: number;
  /** Sum of `holders[*].n`, moved in the same guarded update as the holder itself. */
  confirmedCount: number;
  /** Who holds the places: the truth of who is in. A sign-up's status follows its hold. */
  holders: Record<string, SeatHold>;
  /** When a hold last came or went: the reconciler waits until holds have been still a while. */
  holdsChangedAt?: number;
  /** The last waitlist number handed out (each join takes the next, in one guarded increment). */
  waitlistSeq: number;
  /** Copied from the menu when it is published, so that one read tells whether residents see it. */
  published: boolean;
  /** The stars of each rating counted into `ratingCount`/`ratingSum`, by sign-up. */
  ratings: Record<string, number>;
  signupOpensAt: number;
  signupClosesAt: number;
  cancelDeadline: number;
  ageMin: number | null;
  ageMax: number | null;
  waitlist: boolean;
  checkinRequired: boolean;
  memberPoints: number;
  checkinCode: string;
  ratingCount: number;
  ratingSum: number;
  /** Flags of the timed jobs, so that each finished activity is visited once. */
  noShowsMarked: boolean;
  volunteersPaid: boolean;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
};

export type SignupDoc = {
  _id: string;
  communityId: string;
  activityId: string;
  userId: string;
  userName: string;
  phone: string;
  attendees: Attendee[];
  volunteer: boolean;
  status: SignupStatus;
  waitlistSeq: number | null;
  /** The reservation this sign-up holds on the activity while it is confirmed. */
  seatToken: string | null;
  /** When it was promoted from the waitlist: its notice derives from this, so it is sent once. */
  promotedAt?: number | null;
  checkinCode: string;
  /** Denormalised from the activity (times are fixed once the menu is published) for the reminder job. */
  startAt: number;
  confirmedAt: number | null;
  reminded: boolean;
  checkedInAt: number | null;
  noShowAt: number | null;
  rating: { stars: number; comment: string; at: number } | null;
  proxy: boolean;
  proxyBy: string | null;
  cancelReason: string;
  timeline: SignupEvent[];
  createdAt: number;
  updatedAt: number;
};

/** A resident's sign-up block after repeated no-shows. */
export type ActivityBlockDoc = {
  _id: string;
  communityId: string;
  userId: string;
  userName: string;
  until: number;
  /** The latest no-show already counted towards a block: each no-show counts once. */
  lastTriggerAt: number;
  noShowCount: number;
  liftedAt: number | null;
  liftedBy: string | null;
  timeline: Array<{ at: number; by: string; byName: string; from: string | null; to: string; note: string }>;
};

export type MenuSubscriptionDoc = {
  _id: string;
  communityId: string;
  userId: string;
  subscribed: boolean;
  updatedAt: number;
};

export const menuIdFor = (communityId: string, month: string) => stableId('amenu', communityId, month);
/** One sign-up per account and activity: signing up again finds it. */
export const signupIdFor = (activityId: string, userId: string) => stableId('asu', activityId, userId);
export const blockIdFor = (userId: string) => stableId('ablk', userId);
export const subscriptionIdFor = (userId: string) => stableId('asub', userId);

/** Sign-ups that hold a place on the activity. */
export const HOLDING_STATUSES = ['confirmed', 'checked_in', 'no_show'] as const satisfies readonly SignupStatus[];
