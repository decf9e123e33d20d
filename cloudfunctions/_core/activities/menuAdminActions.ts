import { MAX_SERIES_DATES, WEEKDAY_LABELS, type ActivityFields } from '../../../types/activities';
import { actorOf, timelineEvent } from '../runtime/timeline';
import { isDuplicateKey, upd } from '../store/port';
import { defineAction, type Caller, type FunctionSpec } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import { stableId } from '../runtime/ids';
import { dateOf, HOUR_MS, monthOf } from '../time';
import type { Ports } from '../ports';
import { visibleActivity } from './activityAccess';
import { randomCode } from './activityCodes';
import { menuIdFor, type ActivityDoc, type ActivityMenuDoc } from './activityDocs';
import { checkSchedule, fieldsOf, type Schedule } from './activitySchedule';
import { instantOf, monthLabel, timeOf, weeklyDates } from './activityTime';
import { activityView, menuView } from './activityViews';
import { firstSubscribers, notifySubscribers } from './menuNotices';
import { fillFromWaitlist } from './seats';

export const buildActivity = (
  id: string,
  menu: Pick<ActivityMenuDoc, '_id' | 'communityId' | 'month' | 'status'>,
  v: ActivityFields,
  schedule: Schedule,
  seriesId: string | null,
  caller: Caller,
  now: number,
): ActivityDoc => ({
  _id: id,
  communityId: menu.communityId,
  menuId: menu._id,
  month: menu.month,
  seriesId,
  title: v.title,
  category: v.category,
  description: v.description,
  place: v.place,
  ...schedule,
  capacity: v.capacity,
  confirmedCount: 0,
  holders: {},
  waitlistSeq: 0,
  published: menu.status === 'published',
  ratings: {},
  ageMin: v.ageMin ?? null,
  ageMax: v.ageMax ?? null,
  waitlist: v.waitlist,
  checkinRequired: v.checkinRequired,
  memberPoints: v.memberPoints,
  checkinCode: randomCode(),
  ratingCount: 0,
  ratingSum: 0,
  noShowsMarked: false,
  volunteersPaid: false,
  createdBy: caller.user._id,
  createdAt: now,
  updatedAt: now,
});

export const menuOf = (caller: Caller, menu: ActivityMenuDoc | null): ActivityMenuDoc => {
  const found = menu ?? notFound('活动菜单');
  if (found.communityId !== caller.communityId && caller.role !== 'admin') throw new DomainError('FORBIDDEN', '无权访问其他社区的数据');
  return found;
};

/** Inserts, or answers the activity a retried request (same request id) already created. */
export const insertActivity = async (ports: Ports, doc: ActivityDoc): Promise<ActivityDoc> => {
  try {
    await ports.store.insert('activities', doc);
    return doc;
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    return (await ports.store.get<ActivityDoc>('activities', doc._id)) ?? notFound('活动');
  }
};

/** Fields a published menu's activity keeps: people signed up under these terms. */
const LOCKED_AFTER_PUBLISH = ['category', 'ageMin', 'ageMax', 'waitlist', 'checkinRequired'] as const;
const SCHEDULE_KEYS = ['startAt', 'endAt', 'signupOpensAt', 'signupClosesAt', 'cancelDeadline'] as const;

/** The staff actions that build and publish a month's menu. */
export const menuAdminActions = {
  createMenu: {
    access: 'staff',
    async run({ ports, caller, now }, input) {
      if (input.month < monthOf(now)) throw new DomainError('VALIDATION', '不能为已过去的月份创建菜单', { month: '不能为已过去的月份创建菜单' });
      const menu: ActivityMenuDoc = {
        _id: menuIdFor(caller.communityId, input.month),
        communityId: caller.communityId,
        month: input.month,
        title: input.title ?? `${monthLabel(input.month)}党群服务菜单`,
        status: 'draft',
        publishedAt: null,
        timeline: [timelineEvent(actorOf(caller), now, null, 'draft', '')],
        createdBy: caller.user._id,
        createdAt: now,
        updatedAt: now,
      };
      try {
        await ports.store.insert('activity_menus', menu);
        return menuView(menu);
      } catch (e) {
        // One menu per community and month: asking again answers the one that exists.
        if (!isDuplicateKey(e)) throw e;
        return menuView((await ports.store.get<ActivityMenuDoc>('activity_menus', menu._id)) ?? notFound('活动菜单'));
      }
    },
  },

  listMenus: {
    access: 'staff',
    async run({ ports, caller }) {
      const items = await ports.store.find<ActivityMenuDoc>('activity_menus', { communityId: caller.communityId }, { orderBy: [['month', 'desc'], ['_id', 'desc']], limit: 36 });
      return { items: items.map(menuView) };
    },
  },

  addActivity: defineAction<'activities', 'addActivity'>()({
    access: 'staff',
    load: ({ ports }, input) => ports.store.get<ActivityMenuDoc>('activity_menus', input.menuId),
    async run({ ports, caller, now, requestId }, input, loaded) {
      const { menuId: _menuId, ...fields } = input;
      const menu = menuOf(caller, loaded);
      const schedule = checkSchedule(fields, menu.month, now);
      const id = requestId ? stableId('act', caller.user._id, requestId) : ports.newId();
      const activity = await insertActivity(ports, buildActivity(id, menu, fields, schedule, null, caller, now));
      return activityView(activity, now, true);
    },
  }),

  updateActivity: defineAction<'activities', 'updateActivity'>()({
    access: 'staff',
    load: ({ ports }, input) => ports.store.get<ActivityDoc>('activities', input.activityId),
    async run({ ports, caller, now }, input, loaded) {
      const activity = visibleActivity(caller, loaded);
      const menu = { _id: activity.menuId, communityId: activity.communityId, month: activity.month, status: activity.published ? ('published' as const) : ('draft' as const) };
      if (now >= activity.endAt) throw new DomainError('CONFLICT', '活动已结束，不能修改');
      const { activityId, ...changes } = input;
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<ActivityFields>;
      const merged: ActivityFields = { ...fieldsOf(activity), ...defined };
      const schedule = checkSchedule(merged, menu.month, null);
      const next = buildActivity(activity._id, menu, merged, schedule, activity.seriesId, caller, now);

      if (activity.published) {
        const locked =
          LOCKED_AFTER_PUBLISH.some((k) => next[k] !== activity[k]) || SCHEDULE_KEYS.some((k) => next[k] !== activity[k]);
        if (locked) throw new DomainError('CONFLICT', '菜单已发布，只能修改活动名称、简介、地点、名额和志愿者积分');
        if (next.capacity < activity.capacity) throw new DomainError('CONFLICT', `菜单已发布，名额只能增加（当前${activity.capacity}人）`);
      }
      const update = {
        title: next.title,
        category: next.category,
        description: next.description,
        place: next.place,
        ...schedule,
        capacity: next.capacity,
        ageMin: next.ageMin,
        ageMax: next.ageMax,
        waitlist: next.waitlist,
        checkinRequired: next.checkinRequired,
        memberPoints: next.memberPoints,
        updatedAt: now,
      };
      // The guard is the version we read: a concurrent edit makes this modify nothing.
      const updated = await ports.store.updateAndReturn<ActivityDoc>('activities', { _id: activityId, updatedAt: activity.updatedAt }, update);
      if (!updated) throw new DomainError('CONFLICT', '活动已被他人修改，请刷新后重试');
      // More places: those waiting move up at once.
      if (next.capacity > activity.capacity && updated.waitlistSeq > 0) {
        await fillFromWaitlist(ports, activityId, now);
        return activityView((await ports.store.get<ActivityDoc>('activities', activityId)) ?? updated, now, true);
      }
      return activityView(updated, now, true);
    },
  }),

  createSeries: defineAction<'activities', 'createSeries'>()({
    access: 'staff',
    load: ({ ports }, input) => ports.store.get<ActivityMenuDoc>('activity_menus', input.menuId),
    async run({ ports, caller, now, requestId }, input, loaded) {
      const { menuId: _menuId, weekday, fromDate, toDate, signupClosesHoursBefore, cancelHoursBefore, ...common } = input;
      const menu = menuOf(caller, loaded);
      const dates = weeklyDates(fromDate, toDate, weekday, MAX_SERIES_DATES);
      if (dates.length === 0) {
        throw new DomainError('VALIDATION', `所选日期内没有${WEEKDAY_LABELS[weekday]}`, { weekday: `所选日期内没有${WEEKDAY_LABELS[weekday]}` });
      }
      if (dates.length > MAX_SERIES_DATES) throw new DomainError('VALIDATION', `一次最多生成${MAX_SERIES_DATES}场活动`, { toDate: `一次最多生成${MAX_SERIES_DATES}场活动` });
      const seriesId = requestId ? stableId('aser', caller.user._id, requestId) : ports.newId();
      // Every date is checked before any is written.
      const planned = dates.map((date) => {
        const startAt = instantOf(date, common.startTime);
        const closes = startAt - signupClosesHoursBefore * HOUR_MS;
        const cancels = startAt - cancelHoursBefore * HOUR_MS;
        const fields: ActivityFields = {
          ...common,
          date,
          signupClosesDate: dateOf(closes),
          signupClosesTime: timeOf(closes),
          cancelDeadlineDate: dateOf(cancels),
          cancelDeadlineTime: timeOf(cancels),
        };
        try {
          return { date, fields, schedule: checkSchedule(fields, menu.month, now) };
        } catch (e) {
          if (e instanceof DomainError) throw new DomainError(e.code, `${date}：${e.message}`, e.fields);
          throw e;
        }
      });
      const docs = planned.map((p) => buildActivity(stableId('act', seriesId, p.date), menu, p.fields, p.schedule, seriesId, caller, now));
      // Every date in one round trip; a retried request (same ids) writes what is missing and answers them all.
      try {
        await ports.store.insertMany('activities', docs);
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        await Promise.all(docs.map((d) => insertActivity(ports, d)));
      }
      const items = docs;
      return { seriesId, items: items.map((a) => activityView(a, now, true)) };
    },
  }),

  publishMenu: defineAction<'activities', 'publishMenu'>()({
    access: 'staff',
    load: ({ ports }, input) =>
      Promise.all([ports.store.get<ActivityMenuDoc>('activity_menus', input.menuId), ports.store.count('activities', { menuId: input.menuId })]),
    async run({ ports, caller, now }, _input, [loaded, activities]) {
      let menu = menuOf(caller, loaded);
      if (menu.status === 'draft') {
        if (activities === 0) throw new DomainError('CONFLICT', '菜单里还没有活动，请先添加活动');
        // The menu and its activities together; the subscribers are read in the same round trip.
        const [published, , subscribers] = await Promise.all([
          ports.store.updateAndReturn<ActivityMenuDoc>('activity_menus', { _id: menu._id, status: 'draft' }, {
            status: 'published',
            publishedAt: now,
            publishedBy: caller.user._id,
            updatedAt: now,
            timeline: upd.push(timelineEvent(actorOf(caller), now, 'draft', 'published', '')),
          }),
          ports.store.updateWhere('activities', { menuId: menu._id, published: false }, { published: true, updatedAt: now }),
          firstSubscribers(ports, menu.communityId),
        ]);
        menu = published ?? (await ports.store.get<ActivityMenuDoc>('activity_menus', menu._id)) ?? notFound('活动菜单');
        await notifySubscribers(ports, menu, activities, subscribers);
        return menuView(menu);
      }
      // Publishing again (a retry, or a second tap) re-sends nothing new: notices have derived ids.
      await notifySubscribers(ports, menu, activities);
      return menuView(menu);
    },
  }),
} satisfies Partial<FunctionSpec<'activities'>>;
