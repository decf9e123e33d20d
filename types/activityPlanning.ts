/**
 * Planning next month's 党群服务菜单: copying a month's menu forward as a draft, and what next
 * month still lacks (the staff home shows it).
 */
import { z } from './zod';
import { action } from './action';
import { MonthString } from './common';
import { ActivityCategory, ActivityMenuView, ActivityView } from './activities';

/** The month to copy from; its activities go to the next month, as a draft. */
export const CarryForwardInput = z.object({ month: MonthString });

export const CarryForwardOutput = z.object({
  /** Next month's menu (a draft unless it was published already). */
  menu: ActivityMenuView,
  from: z.string(),
  /** Activities written (or found written by an earlier try) in next month's menu. */
  created: z.number(),
  /** Activities that could not be moved (their new date has passed). */
  skipped: z.number(),
  items: z.array(ActivityView),
});
export type CarryForwardOutput = z.infer<typeof CarryForwardOutput>;

/** The month to check; default next month. */
export const MenuGapsInput = z.object({ month: z.optional(MonthString) });

export const MENU_GAP_KINDS = ['menu', 'category', 'series', 'activity'] as const;
export const MenuGap = z.object({
  kind: z.enum(MENU_GAP_KINDS),
  title: z.string(),
  category: z.nullable(ActivityCategory),
  /** 本月3场，下月还没有 */
  note: z.string(),
});
export type MenuGap = z.infer<typeof MenuGap>;

export const MenuGapsOutput = z.object({
  month: z.string(),
  previousMonth: z.string(),
  menu: z.nullable(z.object({ _id: z.string(), title: z.string(), status: z.string(), activities: z.number() })),
  previousActivities: z.number(),
  gaps: z.array(MenuGap),
  /** Nothing lacking: the menu exists, is published and covers last month's offer. */
  ready: z.boolean(),
});
export type MenuGapsOutput = z.infer<typeof MenuGapsOutput>;

export const ACTIVITY_PLANNING_API = {
  carryForward: action(CarryForwardInput, CarryForwardOutput),
  menuGaps: action(MenuGapsInput, MenuGapsOutput),
} as const;
