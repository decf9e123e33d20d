/**
 * Next month's 党群服务菜单 from this month's, in one action: every activity moves to the same
 * weekday of the next month (the 2nd Saturday stays the 2nd Saturday), each weekly series is
 * regenerated over every matching date of the next month, sign-ups are not copied, and the menu
 * is a draft for staff to adjust and publish. Ids derive from what is copied and the month, so a
 * retry writes what is missing and duplicates nothing. And what next month still lacks.
 */
import { ACTIVITY_CATEGORY_LABELS, MAX_SERIES_DATES, WEEKDAY_LABELS, type ActivityCategory } from '../../../types/activities';
import type { MenuGap } from '../../../types/activityPlanning';
import { actorOf, timelineEvent } from '../runtime/timeline';
import { defineAction, type FunctionSpec } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import { stableId } from '../runtime/ids';
import type { Job } from '../scheduler/job';
import { cmd, isDuplicateKey } from '../store/port';
import { getMany, scanAll } from '../store/scan';
import type { Ports } from '../ports';
import { addDays, addMonths, dateOf, monthOf } from '../time';
import { menuIdFor, type ActivityDoc, type ActivityMenuDoc } from './activityDocs';
import { checkSchedule, fieldsOf, type Schedule } from './activitySchedule';
import { instantOf, monthLabel, timeOf, weekdayOf, weeklyDates } from './activityTime';
import { activityView, menuView } from './activityViews';
import { buildActivity, insertActivity } from './menuAdminActions';

const lastDateOf = (month: string) => addDays(`${addMonths(month, 1)}-01`, -1);

/** The same weekday in the next month: the n-th occurrence, or the last one when there is no n-th. */
export const sameWeekdayNextMonth = (date: string): string => {
  const next = addMonths(date.slice(0, 7), 1);
  const nth = Math.floor((Number(date.slice(8, 10)) - 1) / 7);
  const dates = weeklyDates(`${next}-01`, lastDateOf(next), weekdayOf(date), 5);
  return dates[Math.min(nth, dates.length - 1)];
};

const SCHEDULE_KEYS = ['startAt', 'endAt', 'signupOpensAt', 'signupClosesAt', 'cancelDeadline'] as const;

/** The activity's instants moved by `shift` (its relative timings kept). */
const shifted = (doc: ActivityDoc, shift: number): ActivityDoc => {
  const moved = { ...doc };
  for (const k of SCHEDULE_KEYS) moved[k] = doc[k] + shift;
  return moved;
};

/** A copy planned for the next month: its id, its form and its instants. */
type Planned = { id: string; seriesId: string | null; doc: ActivityDoc };

/**
 * The next month's copies of a month's activities: singles moved to the same weekday, each series
 * regenerated from its first activity over every matching date (sign-ups of a series open at one
 * moment, and close, like cancellations, the same time before each start).
 */
export const planCarryForward = (activities: ActivityDoc[], targetMonth: string): Planned[] => {
  const planned: Planned[] = [];
  const series = new Map<string, ActivityDoc[]>();
  for (const a of activities) {
    if (a.seriesId) series.set(a.seriesId, [...(series.get(a.seriesId) ?? []), a]);
    else {
      const date = sameWeekdayNextMonth(dateOf(a.startAt));
      planned.push({ id: stableId('actc', a._id, targetMonth), seriesId: null, doc: shifted(a, instantOf(date, timeOf(a.startAt)) - a.startAt) });
    }
  }
  for (const [seriesId, members] of series) {
    const template = [...members].sort((a, b) => a.startAt - b.startAt)[0];
    const dates = weeklyDates(`${targetMonth}-01`, lastDateOf(targetMonth), weekdayOf(dateOf(template.startAt)), MAX_SERIES_DATES);
    if (dates.length === 0) continue;
    const newSeriesId = stableId('aserc', seriesId, targetMonth);
    const opensShift = instantOf(dates[0], timeOf(template.startAt)) - template.startAt;
    for (const date of dates) {
      const doc = shifted(template, instantOf(date, timeOf(template.startAt)) - template.startAt);
      doc.signupOpensAt = template.signupOpensAt + opensShift;
      planned.push({ id: stableId('act', newSeriesId, date), seriesId: newSeriesId, doc });
    }
  }
  return planned.sort((a, b) => a.doc.startAt - b.doc.startAt || (a.id < b.id ? -1 : 1));
};

const activitiesOf = (ports: Ports, menuId: string) =>
  ports.store.find<ActivityDoc>('activities', { menuId }, { orderBy: [['startAt', 'asc'], ['_id', 'asc']], limit: 1000 });

/** A weekly series as staff recognise it: its title on its weekday. */
const seriesName = (a: ActivityDoc) => `${a.title}（每${WEEKDAY_LABELS[weekdayOf(dateOf(a.startAt))]}）`;

/** What `month` lacks against the month before: the menu itself, categories, series and activities. */
export const gapsOf = (month: string, menu: ActivityMenuDoc | null, next: ActivityDoc[], previous: ActivityDoc[]): MenuGap[] => {
  const gaps: MenuGap[] = [];
  const label = `${monthLabel(month)}党群服务菜单`;
  if (!menu) gaps.push({ kind: 'menu', title: label, category: null, note: '尚未创建，可从本月菜单一键沿用' });
  else if (menu.status !== 'published') gaps.push({ kind: 'menu', title: menu.title, category: null, note: next.length ? '尚未发布' : '尚未添加活动' });
  const count = (list: ActivityDoc[], category: ActivityCategory) => list.filter((a) => a.category === category).length;
  for (const category of [...new Set(previous.map((a) => a.category))]) {
    if (count(next, category) === 0) {
      gaps.push({ kind: 'category', title: ACTIVITY_CATEGORY_LABELS[category], category, note: `上月${count(previous, category)}场，本月还没有` });
    }
  }
  const nextSeries = new Set(next.map(seriesName));
  const nextTitles = new Set(next.map((a) => a.title));
  const seen = new Set<string>();
  for (const a of previous) {
    const name = a.seriesId ? seriesName(a) : a.title;
    if (seen.has(name)) continue;
    seen.add(name);
    if (a.seriesId ? !nextSeries.has(name) : !nextTitles.has(a.title)) {
      gaps.push({ kind: a.seriesId ? 'series' : 'activity', title: name, category: a.category, note: a.seriesId ? '每周活动，本月还没有安排' : '上月有，本月还没有' });
    }
  }
  return gaps;
};

export const planningActions = {
  carryForward: defineAction<'activities', 'carryForward'>()({
    access: 'staff',
    async run({ ports, caller, now }, input) {
      const target = addMonths(input.month, 1);
      if (target < monthOf(now)) throw new DomainError('VALIDATION', '下个月已经过去，不能沿用到过去的月份', { month: '下个月已经过去，不能沿用到过去的月份' });
      const targetId = menuIdFor(caller.communityId, target);
      const [source, existing] = await Promise.all([activitiesOf(ports, menuIdFor(caller.communityId, input.month)), ports.store.get<ActivityMenuDoc>('activity_menus', targetId)]);
      if (source.length === 0) throw new DomainError('NOT_FOUND', `${monthLabel(input.month)}的菜单还没有活动，无法沿用`);
      if (existing?.status === 'published') throw new DomainError('CONFLICT', `${monthLabel(target)}的菜单已发布，不能再沿用`);

      const menu: ActivityMenuDoc = existing ?? {
        _id: targetId,
        communityId: caller.communityId,
        month: target,
        title: `${monthLabel(target)}党群服务菜单`,
        status: 'draft',
        publishedAt: null,
        timeline: [timelineEvent(actorOf(caller), now, null, 'draft', `沿用${monthLabel(input.month)}菜单`)],
        createdBy: caller.user._id,
        createdAt: now,
        updatedAt: now,
      };
      // Dates that have passed (沿用 late in the month) are left out; every other is checked as a new activity is.
      let skipped = 0;
      const docs = planCarryForward(source, target).flatMap(({ id, seriesId, doc }) => {
        let schedule: Schedule;
        try {
          schedule = checkSchedule(fieldsOf(doc), target, now);
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          skipped++;
          return [];
        }
        return [buildActivity(id, menu, fieldsOf(doc), schedule, seriesId, caller, now)];
      });
      // The menu and its activities in one round trip; a crash between them is completed by the
      // reconciler (a draft activity whose menu is missing gets its menu), or by the retry.
      const writeActivities = docs.length
        ? ports.store.insertMany('activities', docs).then(
            () => docs,
            (e: unknown) => {
              if (!isDuplicateKey(e)) throw e;
              return Promise.all(docs.map((d) => insertActivity(ports, d)));
            },
          )
        : Promise.resolve([]);
      const writeMenu = existing
        ? Promise.resolve(existing)
        : ports.store.insert('activity_menus', menu).then(
            () => menu,
            async (e: unknown) => {
              if (!isDuplicateKey(e)) throw e;
              return (await ports.store.get<ActivityMenuDoc>('activity_menus', targetId)) ?? notFound('活动菜单');
            },
          );
      const [written, items] = await Promise.all([writeMenu, writeActivities]);
      return { menu: menuView(written), from: input.month, created: items.length, skipped, items: items.map((a) => activityView(a, now, true)) };
    },
  }),

  menuGaps: defineAction<'activities', 'menuGaps'>()({
    access: 'staff',
    async run({ ports, caller, now }, input) {
      const month = input.month ?? addMonths(monthOf(now), 1);
      const previousMonth = addMonths(month, -1);
      const menuId = menuIdFor(caller.communityId, month);
      const [menu, next, previous] = await Promise.all([
        ports.store.get<ActivityMenuDoc>('activity_menus', menuId),
        activitiesOf(ports, menuId),
        activitiesOf(ports, menuIdFor(caller.communityId, previousMonth)),
      ]);
      const gaps = gapsOf(month, menu, next, previous);
      return {
        month,
        previousMonth,
        menu: menu ? { _id: menu._id, title: menu.title, status: menu.status, activities: next.length } : null,
        previousActivities: previous.length,
        gaps,
        ready: gaps.length === 0,
      };
    },
  }),
} satisfies Partial<FunctionSpec<'activities'>>;

/**
 * Draft activities whose menu is missing (a carry-forward that died between its two writes) get
 * their menu, as a draft. Only drafts not yet started are looked at.
 */
export const reconcileMenus: Job = {
  name: 'activities.menus',
  async run(ports) {
    const now = ports.clock.now();
    return scanAll<ActivityDoc>(ports.store, 'activities', { published: false, startAt: cmd.gt(now) }, async (drafts) => {
      const menus = await getMany<ActivityMenuDoc>(ports.store, 'activity_menus', drafts.map((a) => a.menuId), ['_id']);
      let created = 0;
      for (const a of drafts) {
        if (menus.has(a.menuId) || a.menuId !== menuIdFor(a.communityId, a.month)) continue;
        const menu: ActivityMenuDoc = {
          _id: a.menuId,
          communityId: a.communityId,
          month: a.month,
          title: `${monthLabel(a.month)}党群服务菜单`,
          status: 'draft',
          publishedAt: null,
          timeline: [timelineEvent({ by: a.createdBy, byName: '系统补全' }, now, null, 'draft', '沿用菜单（系统补全）')],
          createdBy: a.createdBy,
          createdAt: now,
          updatedAt: now,
        };
        try {
          await ports.store.insert('activity_menus', menu);
          menus.set(a.menuId, menu);
          created++;
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
        }
      }
      return created;
    });
  },
};

