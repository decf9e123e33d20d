import { SYSTEM_ACTOR, timelineEvent } from '../runtime/timeline';
import { NO_SHOW_WINDOW_DAYS } from '../../../types/activities';
import { notifyAll } from '../messages/notify';
import { awardPoints } from '../points/ledger';
import type { Job } from '../scheduler/job';
import { cmd, isDuplicateKey, upd } from '../store/port';
import type { Ports } from '../ports';
import { DAY_MS } from '../time';
import type { UserDoc } from '../users/userDoc';
import { blockIdFor, type ActivityBlockDoc, type ActivityDoc, type SignupDoc } from './activityDocs';
import { formatMoment } from './activityTime';
import { decideBlock } from './noShowBlocks';
import { scanAll } from '../store/scan';
import { countEvents } from '../stats/countStats';
import { activityEndEvent } from '../stats/activityStats';
import { activityServiceMinutes, recordHours } from '../hours/hoursLedger';

/*
 * Every job is idempotent and safe in two copies at once: each change is a guarded update whose
 * guard is the state it leaves, each notice has a derived id, each payment a ledger id.
 */

const BATCH = 100;
const PAGE = 1000;

/** Every sign-up of an activity as it stands (the fields the session's count needs). */
const signupsOf = async (ports: Ports, activityId: string): Promise<SignupDoc[]> => {
  const all: SignupDoc[] = [];
  await scanAll<SignupDoc>(ports.store, 'activity_signups', { activityId }, async (page) => {
    all.push(...page);
    return 0;
  }, ['status', 'attendees', 'volunteer']);
  return all;
};

/**
 * After the end, confirmed sign-ups of activities that require check-in become no-shows, and the
 * session is counted in its month's review (places, sign-ups, attendance), once: the count is
 * keyed by the activity, and the activity is flagged only after it.
 */
const markNoShows: Job = {
  name: 'activities.markNoShows',
  async run(ports) {
    const now = ports.clock.now();
    const ended = await ports.store.find<ActivityDoc>(
      'activities',
      { noShowsMarked: false, endAt: cmd.lte(now) },
      { orderBy: [['endAt', 'asc']], limit: BATCH },
    );
    let changed = 0;
    for (const activity of ended) {
      if (activity.checkinRequired) {
        changed += await ports.store.updateWhere(
          'activity_signups',
          { activityId: activity._id, status: 'confirmed' },
          {
            status: 'no_show',
            // The end time, not the clock: every run and every copy records the same moment.
            noShowAt: activity.endAt,
            updatedAt: now,
            timeline: upd.push(timelineEvent(SYSTEM_ACTOR, now, 'confirmed', 'no_show', '活动结束时未签到')),
          },
        );
      }
      if (activity.published) await countEvents(ports, activityEndEvent(activity, await signupsOf(ports, activity._id)));
      await ports.store.updateWhere('activities', { _id: activity._id, noShowsMarked: false }, { noShowsMarked: true });
    }
    return changed;
  },
};

/** 3 no-shows within 90 days block new sign-ups for 30 days. */
const applyBlocks: Job = {
  name: 'activities.applyBlocks',
  async run(ports) {
    const now = ports.clock.now();
    const byUser = new Map<string, { communityId: string; times: number[] }>();
    for (let skip = 0; ; skip += PAGE) {
      const page = await ports.store.find<SignupDoc>(
        'activity_signups',
        { status: 'no_show', noShowAt: cmd.gt(now - NO_SHOW_WINDOW_DAYS * DAY_MS) },
        { orderBy: [['noShowAt', 'asc'], ['_id', 'asc']], skip, limit: PAGE, fields: ['userId', 'communityId', 'noShowAt'] },
      );
      for (const s of page) {
        const entry = byUser.get(s.userId) ?? { communityId: s.communityId, times: [] };
        entry.times.push(s.noShowAt ?? 0);
        byUser.set(s.userId, entry);
      }
      if (page.length < PAGE) break;
    }
    let changed = 0;
    for (const [userId, { communityId, times }] of byUser) {
      if (times.length < 3) continue;
      changed += await blockIfDue(ports, userId, communityId, times, now);
    }
    return changed;
  },
};

const blockIfDue = async (ports: Ports, userId: string, communityId: string, times: number[], now: number): Promise<number> => {
  const id = blockIdFor(userId);
  const existing = await ports.store.get<ActivityBlockDoc>('activity_blocks', id);
  const decision = decideBlock(times, existing?.lastTriggerAt ?? 0, now);
  if (!decision) return 0;
  const event = timelineEvent(SYSTEM_ACTOR, now, null, 'blocked', `${decision.count}次报名未到场，暂停报名至${formatMoment(decision.until)}`);
  if (!existing) {
    const user = await ports.store.get<UserDoc>('users', userId);
    const block: ActivityBlockDoc = {
      _id: id,
      communityId,
      userId,
      userName: user?.name ?? '',
      until: decision.until,
      lastTriggerAt: decision.trigger,
      noShowCount: decision.count,
      liftedAt: null,
      liftedBy: null,
      timeline: [event],
    };
    try {
      await ports.store.insert('activity_blocks', block);
      return 1;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      return 0; // another copy wrote the same decision
    }
  }
  // Guarded on the no-shows already spent: a second copy finds them spent and changes nothing.
  return ports.store.updateWhere('activity_blocks', { _id: id, lastTriggerAt: cmd.lt(decision.trigger) }, {
    until: decision.until,
    lastTriggerAt: decision.trigger,
    noShowCount: decision.count,
    liftedAt: null,
    liftedBy: null,
    timeline: upd.push(event),
  });
};

/** After the end, members who served as volunteers and checked in earn the activity's points and its hours. */
const payVolunteers: Job = {
  name: 'activities.payVolunteers',
  async run(ports) {
    const now = ports.clock.now();
    const ended = await ports.store.find<ActivityDoc>(
      'activities',
      { volunteersPaid: false, endAt: cmd.lte(now) },
      { orderBy: [['endAt', 'asc']], limit: BATCH },
    );
    let changed = 0;
    for (const activity of ended) {
      const served = await ports.store.find<SignupDoc>(
        'activity_signups',
        { activityId: activity._id, volunteer: true, status: 'checked_in' },
        { limit: PAGE },
      );
      const minutes = activityServiceMinutes(activity.startAt, activity.endAt);
      // Each payment has its ledger id: a second copy of the job pays nothing again.
      const paid = await Promise.all(
        served.map(async (volunteer) => {
          const common = {
            communityId: activity.communityId,
            memberId: volunteer.userId,
            refId: activity._id,
            // Dated when paid, never back-dated into a period whose board may be frozen.
            at: now,
            by: SYSTEM_ACTOR.by,
          };
          const [points, hours] = await Promise.all([
            activity.memberPoints > 0
              ? awardPoints(ports, { ...common, delta: activity.memberPoints, reason: 'activity_served', note: `志愿服务：${activity.title}` })
              : Promise.resolve({ paid: false }),
            recordHours(ports, { ...common, delta: minutes, reason: 'activity_served', note: activity.title }),
          ]);
          // Two copies may each win one of the two ledgers; the one that wins the first counts the payment.
          return { paid: activity.memberPoints > 0 ? points.paid : hours.paid };
        }),
      );
      changed += paid.filter((p) => p.paid).length;
      await ports.store.updateWhere('activities', { _id: activity._id, volunteersPaid: false }, { volunteersPaid: true });
    }
    return changed;
  },
};

/** 24 hours before the start, one reminder per confirmed sign-up. */
const remind: Job = {
  name: 'activities.remind',
  async run(ports) {
    const now = ports.clock.now();
    const due = await ports.store.find<SignupDoc>(
      'activity_signups',
      { status: 'confirmed', reminded: false, startAt: cmd.gt(now), $and: [{ startAt: cmd.lte(now + DAY_MS) }] },
      { orderBy: [['startAt', 'asc']], limit: PAGE },
    );
    if (due.length === 0) return 0;
    const ids = [...new Set(due.map((s) => s.activityId))];
    const activities = new Map(
      (await ports.store.find<ActivityDoc>('activities', { _id: cmd.in(ids) }, { limit: ids.length })).map((a) => [a._id, a]),
    );
    const reminding = due.filter((s) => activities.has(s.activityId));
    // Each notice's time derives from the sign-up, not the clock, so a repeat writes the same messages.
    await notifyAll(
      ports,
      reminding.map((signup) => {
        const activity = activities.get(signup.activityId)!;
        return {
          communityId: signup.communityId,
          userId: signup.userId,
          kind: 'activity_reminder',
          title: '活动提醒',
          body: `您报名的“${activity.title}”将于${formatMoment(activity.startAt)}在${activity.place}开始，请准时参加`,
          refType: 'activity',
          refId: activity._id,
          at: Math.max(signup.startAt - DAY_MS, signup.confirmedAt ?? signup.createdAt),
          params: { activity: activity.title, start: activity.startAt, place: activity.place, tip: '请准时参加' },
        };
      }),
    );
    if (reminding.length === 0) return 0;
    return ports.store.updateWhere('activity_signups', { _id: cmd.in(reminding.map((s) => s._id)), reminded: false }, { reminded: true });
  },
};

/** Timed rules of the `activities` domain: no-shows before blocks, so one tick sees both. */
export const ACTIVITY_JOBS: Job[] = [markNoShows, applyBlocks, payVolunteers, remind];
