/**
 * A year of life in the demo community, so that a newcomer's `npm start` shows a 月度复盘 with a
 * trend, a 先锋榜 and a wish wall. Everything is done the way people do it: through the real
 * handlers, as the demo users and neighbours who register along the way, with a clock that moves
 * from twelve months ago to now (orders placed, dispatched, served, rated or left unrated;
 * wishes posted, claimed, fulfilled, confirmed, some released or expired; monthly menus built,
 * carried forward and published; sign-ups, waitlists, check-ins, no-shows, ratings; the timer's
 * jobs every night). The same `seed` always gives the same year. A marker on the community makes
 * it run once.
 */
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../types/api';
import type { Attendee } from '../../types/activities';
import type { Skill } from '../../types/users';
import { FUNCTIONS } from '../_core/functions';
import type { Files, Ports } from '../_core/ports';
import { createHandler, type FunctionHandler } from '../_core/runtime/defineFunction';
import { stableId } from '../_core/runtime/ids';
import { ALL_JOBS, RECONCILE_JOBS, runJobs } from '../_core/scheduler/runJobs';
import { pruneStats } from '../_core/stats/statsReconcile';
import { cmd } from '../_core/store/port';
import { addDays, addMonths, dateOf, DAY_MS, HOUR_MS, MINUTE_MS, monthOf, startOfDate } from '../_core/time';
import { userIdFor } from '../_core/users/userDoc';
import { instantOf, weeklyDates } from '../_core/activities/activityTime';
import { DEMO_COMMUNITY } from './demoData';
import {
  ACTIVITIES,
  FULFIL_NOTES,
  GOOD_COMMENTS,
  HISTORY_MEMBERS,
  HISTORY_RESIDENTS,
  LOW_COMMENTS,
  SUMMARIES,
  WISHES,
  type ActivityTemplate,
  type HistoryPerson,
} from './demoHistoryData';

// A 1×1 PNG: the proof photo of fulfilled wishes.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082', 'hex');

/** Deterministic pseudo-random numbers (mulberry32). */
const randomOf = (seed: number) => {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    between: (lo: number, hi: number) => lo + next() * (hi - lo),
    int: (lo: number, hi: number) => Math.floor(lo + next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    /** One of `items`, each as likely as its weight. */
    weighted: <T>(items: readonly T[], weight: (item: T) => number): T => {
      let r = next() * items.reduce((sum, item) => sum + weight(item), 0);
      for (const item of items) if ((r -= weight(item)) < 0) return item;
      return items[items.length - 1];
    },
  };
};

type Task = { at: number; seq: number; run: () => Promise<void> };

const NIGHTLY = [...ALL_JOBS.filter((job) => !RECONCILE_JOBS.includes(job)), pruneStats];

/** Tasks in time order (a binary heap; ties in the order they were added). */
class Agenda {
  private heap: Task[] = [];
  private seq = 0;
  get size() {
    return this.heap.length;
  }
  add(at: number, run: () => Promise<void>) {
    const heap = this.heap;
    heap.push({ at, seq: this.seq++, run });
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }
  pop(): Task {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && this.before(heap[l], heap[m])) m = l;
        if (r < heap.length && this.before(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  }
  private before(a: Task, b: Task) {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
}

type Person = HistoryPerson & { openid: string; id: string; elderly?: boolean; member: boolean };

/** How often each member answers a call: some serve every week, some now and then. */
const ZEAL: Record<string, number> = { 'member-zhang': 1, 'member-liu': 0.8, 'member-chen': 0.35, m01: 0.55, m02: 0.6, m03: 0.45, m04: 0.25, m05: 0.4, m06: 0.2, m07: 0.3, m08: 0.5, m09: 0.15, m10: 0.1 };

const demo = (key: string, p: Omit<Person, 'openid' | 'id' | 'key'>): Person => ({ key, openid: `demo-${key}`, id: userIdFor(`demo-${key}`), ...p });
const later = (p: HistoryPerson, member: boolean): Person => ({ ...p, openid: `hist-${p.key}`, id: userIdFor(`hist-${p.key}`), member });

export interface HistoryResult {
  ran: boolean;
  from: string;
  to: string;
  calls: number;
  refusals: number;
  ms: number;
}

export interface HistoryOptions {
  /** Where the year ends (the real now when the server starts). */
  now: number;
  months?: number;
  seed?: number;
}

/** What the history is written through: the local app's ports (notifier, checks, settings) and its files. */
export interface HistoryApp {
  ports: Ports;
  files: Files & { save(bytes: Buffer, declaredType: string): string };
}

type Item = { _id: string; title: string; categoryName: string; skills: Skill[]; durationMinutes: number; monthlyQuota: number | null };
type MenuActivity = { _id: string; title: string; category: string; startAt: number; endAt: number; signupOpensAt: number; signupClosesAt: number; cancelDeadline: number; capacity: number; ageMin: number | null; checkinRequired: boolean };

/**
 * Writes the demo community's last `months` months (default 12) of activity. Runs once per data
 * directory: a marker on the community says it ran (or is running).
 */
export const seedHistory = async (app: HistoryApp, options: HistoryOptions): Promise<HistoryResult> => {
  const { store } = app.ports;
  const started = Date.now();
  const months = options.months ?? 12;
  const end = options.now;
  const firstMonth = addMonths(monthOf(end), -months);
  const startAt = startOfDate(`${firstMonth}-01`) + 8 * HOUR_MS;
  const nothing = { ran: false, from: firstMonth, to: monthOf(end), calls: 0, refusals: 0, ms: 0 };
  const claimed = await store.updateWhere('communities', { _id: DEMO_COMMUNITY._id, demoHistory: cmd.exists(false) }, { demoHistory: { status: 'running', from: firstMonth, at: started } });
  if (claimed !== 1) return nothing;

  let now = startAt;
  const clock = { now: () => now };
  const ports: Ports = { ...app.ports, files: app.files, clock, newId: () => stableId('hist', String(now), String(Math.random())) };
  const handlers = Object.fromEntries(Object.entries(FUNCTIONS).map(([name, def]) => [name, createHandler(def as never, ports)])) as Record<FunctionName, FunctionHandler>;
  const rng = randomOf(options.seed ?? 20261123);
  const agenda = new Agenda();
  let calls = 0;
  let refusals = 0;
  let requestSeq = 0;

  /** Calls as a person; a refusal (名额已满, 已被他人接单 …) answers null, a fault stops everything. */
  const as =
    (person: Pick<Person, 'openid'>) =>
    async <F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, data: ActionInput<F, A>): Promise<ActionOutput<F, A> | null> => {
      calls++;
      const answer = await handlers[fn]({ action, data, requestId: `history-${String((requestSeq += 1)).padStart(6, '0')}` }, { openid: person.openid });
      if (answer.ok) return answer.data as ActionOutput<F, A>;
      if (answer.error.code === 'INTERNAL') throw new Error(`demo history: ${fn}.${action} failed at ${new Date(now).toISOString()}`);
      refusals++;
      if (process.env.DEMO_HISTORY_DEBUG) console.log(`[demo history] ${fn}.${action} refused: ${answer.error.code} ${answer.error.message}`);
      return null;
    };
  const at = (when: number, run: () => Promise<void>) => {
    if (when <= end) agenda.add(Math.round(Math.max(when, now)), run);
  };
  const inHours = (lo: number, hi: number, run: () => Promise<void>) => at(now + rng.between(lo, hi) * HOUR_MS, run);

  const staff = demo('staff-li', { name: '李红梅', phone: '13800000001', building: '', room: '', member: false });
  const residents: Person[] = [
    demo('resident-zhao', { name: '赵秀兰', phone: '13800000021', building: '1号楼', room: '1单元101', elderly: true, member: false }),
    demo('resident-sun', { name: '孙丽', phone: '13800000022', building: '2号楼', room: '2单元402', children: [9], member: false }),
    demo('resident-zhou', { name: '周强', phone: '13800000023', building: '4号楼', room: '1单元603', children: [7], member: false }),
    demo('resident-wu', { name: '吴敏', phone: '13800000024', building: '6号楼', room: '2单元205', member: false }),
    demo('resident-zheng', { name: '郑小华', phone: '13800000025', building: '7号楼', room: '1单元1102', member: false }),
  ];
  const members: Person[] = [
    demo('member-zhang', { name: '张建国', phone: '13800000011', building: '3号楼', room: '2单元301', skills: ['家电维修', '水电维修'], member: true }),
    demo('member-liu', { name: '刘芳', phone: '13800000012', building: '5号楼', room: '1单元502', skills: ['医疗健康', '陪伴照护'], member: true }),
    demo('member-chen', { name: '陈明', phone: '13800000013', building: '8号楼', room: '3单元201', skills: ['法律', '调解', '跑腿代办'], member: true }),
  ];
  /** Neighbours appear over the first months; only those registered take part. */
  const registered = new Set<string>([...residents, ...members].map((p) => p.id));
  const activeResidents = () => [...residents, ...HISTORY_RESIDENTS.map((p) => later(p, false))].filter((p) => registered.has(p.id));
  const activeMembers = () => [...members, ...HISTORY_MEMBERS.map((p) => later(p, true))].filter((p) => registered.has(p.id));
  const elderly = new Set(['resident-zhao', 'r01', 'r05', 'r08', 'r13']);
  const photo = app.files.save(PNG, 'image/png');

  for (const [i, p] of HISTORY_RESIDENTS.entries()) {
    at(startAt + (i * 3 + rng.int(0, 2)) * DAY_MS + rng.between(1, 10) * HOUR_MS, async () => {
      if (await as(later(p, false))('users', 'register', { communityId: DEMO_COMMUNITY._id, name: p.name, phone: p.phone, building: p.building, room: p.room })) registered.add(later(p, false).id);
    });
  }
  for (const [i, p] of HISTORY_MEMBERS.entries()) {
    const person = later(p, true);
    at(startAt + (i * 9 + 1) * DAY_MS + rng.between(1, 10) * HOUR_MS, async () => {
      await as(person)('users', 'register', { communityId: DEMO_COMMUNITY._id, name: p.name, phone: p.phone, building: p.building, room: p.room });
      await as(person)('users', 'applyMember', { branch: p.branch!, skills: p.skills!, intro: '报到社区，愿意为邻里服务' });
      inHours(4, 30, async () => {
        if (await as(staff)('users', 'reviewMember', { userId: person.id, approve: true })) registered.add(person.id);
      });
    });
  }

  // ---- orders ----
  const items = ((await as(staff)('orders', 'listItemsAdmin', {}))?.items ?? []) as Item[];
  const stars = () => {
    const r = rng.next();
    return r < 0.6 ? 5 : r < 0.85 ? 4 : r < 0.93 ? 3 : r < 0.98 ? 2 : 1;
  };
  const serveOrder = (orderId: string, item: Item, date: string, member: Person, resident: Person) => {
    // Served on the booked day, in its slot; then rated, or left to close by itself.
    const serveAt = Math.max(now + HOUR_MS, startOfDate(date) + rng.between(8.5, 19) * HOUR_MS);
    at(serveAt, async () => {
      if (!(await as(member)('orders', 'startOrder', { orderId }))) return;
      at(now + item.durationMinutes * MINUTE_MS + rng.between(0, 30) * MINUTE_MS, async () => {
        if (!(await as(member)('orders', 'completeOrder', { orderId, summary: rng.pick(SUMMARIES[item.categoryName] ?? ['服务已完成']), photos: [] }))) return;
        if (!rng.chance(0.8)) return; // unrated: closed after 7 days
        inHours(2, 60, async () => {
          const s = stars();
          const rater = elderly.has(resident.key) && resident.key === 'resident-zhao' ? staff : resident;
          await as(rater)('orders', 'rateOrder', { orderId, stars: s, tags: s >= 4 ? [rng.pick(['准时', '专业', '热情', '耐心'] as const)] : [], comment: s <= 2 ? rng.pick(LOW_COMMENTS) : rng.pick(GOOD_COMMENTS) });
        });
      });
    });
  };
  const assign = (orderId: string, item: Item, date: string, resident: Person, exclude?: string) => {
    const able = activeMembers().filter((m) => m.id !== exclude && (item.skills.length === 0 || item.skills.some((s) => m.skills?.includes(s))));
    const zeal = (m: Person) => ZEAL[m.key] ?? 0.5;
    const member = able.length ? rng.weighted(able, zeal) : rng.weighted(activeMembers().filter((m) => m.id !== exclude), zeal);
    const grab = able.length > 0 && rng.chance(0.45);
    return async () => {
      const done = grab ? await as(member)('orders', 'grabOrder', { orderId }) : await as(staff)('orders', 'dispatchOrder', { orderId, memberId: member.id });
      if (!done) return;
      if (!exclude && rng.chance(0.05)) {
        // Declined, and dispatched again to someone else.
        inHours(1, 4, async () => {
          if (await as(member)('orders', 'declineOrder', { orderId, reason: rng.pick(['临时有事外出', '时间冲突，无法按时上门']) })) inHours(1, 6, assign(orderId, item, date, resident, member.id));
        });
        return;
      }
      serveOrder(orderId, item, date, member, resident);
    };
  };
  const placeOrder = async (resident: Person, item: Item) => {
    const date = dateOf(now + rng.int(1, 4) * DAY_MS);
    const proxy = resident.key === 'resident-zhao';
    const form = { itemId: item._id, date, slot: rng.pick(['morning', 'afternoon', 'evening'] as const), address: `${resident.building}${resident.room}`, phone: resident.phone, note: '' };
    const order = proxy ? await as(staff)('orders', 'createOrder', { ...form, onBehalfOf: resident.id }) : await as(resident)('orders', 'createOrder', form);
    if (!order) return;
    const fate = rng.next();
    if (fate < 0.07) {
      inHours(1, 8, async () => void (await as(proxy ? staff : resident)('orders', 'cancelOrder', { orderId: order._id, ...(proxy ? { reason: '老人改期' } : {}) })));
    } else if (fate < 0.11) {
      // Nobody takes it: it goes overdue, and staff call the resident days later.
      inHours(72, 120, async () => void (await as(staff)('orders', 'cancelOrder', { orderId: order._id, reason: '长时间无人接单，已电话联系居民改约' })));
    } else {
      at(now + Math.min(40, 0.5 + rng.next() ** 2 * 30) * HOUR_MS, assign(order._id, item, date, resident));
    }
  };
  const weightedItem = () => {
    const weights: Record<string, number> = { 家电维修: 5, 楼道保洁: 2, 孤老慰问: 3, 民事调解: 1, 代买代办: 3, 健康咨询: 3, 法律咨询: 1, 四点半课堂: 2, 中医义诊: 2, 义务理发: 2, 心理疏导: 1, 文艺培训: 1 };
    const total = items.reduce((s, i) => s + (weights[i.categoryName] ?? 1), 0);
    let r = rng.next() * total;
    for (const i of items) if ((r -= weights[i.categoryName] ?? 1) < 0) return i;
    return items[0];
  };

  // ---- wishes ----
  const beneficiaryFor = (type: string): Person => {
    const all = activeResidents();
    const pool = type === 'elderly' ? all.filter((p) => elderly.has(p.key)) : type === 'child' ? all.filter((p) => p.children?.length) : all;
    return rng.pick(pool.length ? pool : all);
  };
  const postWish = async () => {
    const t = rng.pick(WISHES);
    const resident = beneficiaryFor(t.beneficiaryType);
    const proxy = resident.key === 'resident-zhao';
    const form = { ...t, deadline: addDays(dateOf(now), rng.int(25, 45)) };
    const wish = proxy ? await as(staff)('wishes', 'postWish', { ...form, onBehalfOf: resident.id }) : await as(resident)('wishes', 'postWish', form);
    if (!wish) return;
    const confirmer = proxy ? staff : resident;
    inHours(3, 30, async () => {
      if (rng.chance(0.08)) return void (await as(staff)('wishes', 'reviewWish', { wishId: wish._id, approve: false, reason: '内容不够具体，请补充后重新发布' }));
      if (!(await as(staff)('wishes', 'reviewWish', { wishId: wish._id, approve: true }))) return;
      const r = rng.next();
      if (r < 0.05) return inHours(24, 96, async () => void (await as(resident)('wishes', 'withdrawWish', { wishId: wish._id, reason: '家人已经帮忙解决了' })));
      if (r < 0.15) return; // nobody claims it: it expires
      const claim = async (tries: number): Promise<void> => {
        const member = rng.weighted(activeMembers(), (m) => ZEAL[m.key] ?? 0.5);
        if (!(await as(member)('wishes', 'claimWish', { wishId: wish._id }))) return void (tries > 0 && inHours(12, 48, () => claim(tries - 1)));
        const fate = rng.next();
        if (fate < 0.08) return inHours(48, 120, async () => void ((await as(member)('wishes', 'releaseClaim', { wishId: wish._id, reason: '近期工作繁忙，无法按时完成' })) && inHours(24, 96, () => claim(tries - 1))));
        if (fate < 0.13) return; // held past 14 days: released by the timer
        inHours(24, 216, async () => {
          if (!(await as(member)('wishes', 'fulfilWish', { wishId: wish._id, note: rng.pick(FULFIL_NOTES), photos: [photo] }))) return;
          if (rng.chance(0.92)) inHours(10, 72, async () => void (await as(confirmer)('wishes', 'confirmWish', { wishId: wish._id })));
        });
      };
      inHours(12, 260, () => claim(2));
    });
  };

  // ---- the monthly 党群服务菜单 ----
  const monthNumber = (month: string) => Number(month.slice(5, 7));
  const templatesOf = (month: string) => ACTIVITIES.filter((t) => !t.months || t.months.includes(monthNumber(month)));
  const lastDate = (month: string) => addDays(`${addMonths(month, 1)}-01`, -1);
  const dateIn = (month: string, t: ActivityTemplate) => {
    const dates = weeklyDates(`${month}-01`, lastDate(month), t.weekday, 5);
    return dates[Math.min((t.nth ?? 1) - 1, dates.length - 1)];
  };
  const formOf = (menuId: string, t: ActivityTemplate, opens: number) => ({
    menuId,
    title: t.title,
    category: t.category,
    description: t.description,
    place: t.place,
    startTime: t.startTime,
    endTime: t.endTime,
    capacity: t.capacity,
    ageMin: t.ages?.[0] ?? null,
    ageMax: t.ages?.[1] ?? null,
    waitlist: t.waitlist,
    checkinRequired: t.checkinRequired,
    memberPoints: t.memberPoints,
    signupOpensDate: dateOf(opens),
    signupOpensTime: '09:00',
  });
  const buildMenu = async (month: string, previous: string | null) => {
    const sameOffer = previous && templatesOf(previous).map((t) => t.title).join() === templatesOf(month).map((t) => t.title).join();
    const opens = Math.max(now, startOfDate(`${month}-01`) - 8 * DAY_MS);
    let menuId: string | null = null;
    if (previous && sameOffer) menuId = (await as(staff)('activities', 'carryForward', { month: previous }))?.menu._id ?? null;
    if (!menuId) {
      menuId = (await as(staff)('activities', 'createMenu', { month }))?._id ?? null;
      if (!menuId) return;
      for (const t of templatesOf(month)) {
        const base = formOf(menuId, t, opens);
        if (t.weekly) {
          const from = dateOf(Math.max(startOfDate(`${month}-01`), now + DAY_MS));
          await as(staff)('activities', 'createSeries', { ...base, weekday: t.weekday, fromDate: from, toDate: lastDate(month), signupClosesHoursBefore: 3, cancelHoursBefore: 6 });
        } else {
          const date = dateIn(month, t);
          if (instantOf(date, t.startTime) <= now + DAY_MS) continue;
          const closes = addDays(date, -1);
          await as(staff)('activities', 'addActivity', { ...base, date, signupClosesDate: closes, signupClosesTime: '18:00', cancelDeadlineDate: closes, cancelDeadlineTime: '12:00' });
        }
      }
    }
    const publish = async () => {
      if (!(await as(staff)('activities', 'publishMenu', { menuId: menuId! }))) return;
      const menu = await as(staff)('activities', 'monthMenu', { month });
      for (const a of (menu?.activities ?? []) as MenuActivity[]) planActivity(a);
    };
    if (month === monthOf(now)) await publish();
    else at(Math.max(now + HOUR_MS, opens - 2 * HOUR_MS), publish);
  };
  const attendeesOf = (p: Person, a: MenuActivity): Attendee[] | null => {
    if (a.ageMin !== null) return p.children?.length ? p.children.map((age, i) => ({ name: `${p.name.slice(0, 1)}${i ? '小妹' : '小宝'}`, relation: 'child' as const, age })) : null;
    return rng.chance(0.2) ? [{ name: p.name, relation: 'self', age: 45 }, { name: `${p.name.slice(0, 1)}家人`, relation: 'spouse', age: 47 }] : [{ name: p.name, relation: 'self', age: elderly.has(p.key) ? 72 : 40 }];
  };
  const planActivity = (a: MenuActivity) => {
    const from = Math.max(now, a.signupOpensAt);
    const to = a.signupClosesAt - HOUR_MS;
    if (to <= from) return;
    const fill = a.capacity * rng.between(0.35, 1.1);
    const people = activeResidents().filter(() => rng.chance(Math.min(0.95, fill / Math.max(8, activeResidents().length))));
    for (const p of people) {
      const attendees = attendeesOf(p, a);
      if (!attendees) continue;
      at(from + rng.next() * (to - from), async () => {
        const signup = await as(p)('activities', 'signUp', { activityId: a._id, attendees });
        if (signup && rng.chance(0.08) && a.cancelDeadline > now) at(now + rng.next() * (a.cancelDeadline - now), async () => void (await as(p)('activities', 'cancelSignup', { signupId: signup._id, activityId: a._id, reason: '临时有事' })));
      });
    }
    for (const m of activeMembers().filter((x) => rng.chance(0.12 * (ZEAL[x.key] ?? 0.5))).slice(0, 2)) {
      at(from + rng.next() * (to - from), async () => void (await as(m)('activities', 'signUp', { activityId: a._id, attendees: [{ name: m.name, relation: 'self', age: 45 }], volunteer: true })));
    }
    // At the door: staff scan the codes of those who came.
    at(a.startAt - 10 * MINUTE_MS, async () => {
      const list = await as(staff)('activities', 'listSignups', { activityId: a._id, status: 'confirmed' });
      for (const s of list?.items ?? []) {
        if (s.checkinCode && rng.chance(s.volunteer ? 0.95 : a.checkinRequired ? 0.82 : 0.5)) await as(staff)('activities', 'checkIn', { activityId: a._id, code: s.checkinCode });
      }
    });
    // The next day, some rate it.
    at(a.endAt + rng.between(2, 30) * HOUR_MS, async () => {
      const list = await as(staff)('activities', 'listSignups', { activityId: a._id, status: 'checked_in' });
      for (const s of (list?.items ?? []).filter((x) => !x.volunteer)) {
        const person = activeResidents().find((p) => p.id === s.userId);
        if (person && rng.chance(0.45)) await as(person)('activities', 'rateActivity', { signupId: s._id, stars: rng.chance(0.75) ? 5 : rng.pick([3, 4, 4]), comment: rng.pick(['很有收获', '老师讲得好', '孩子很喜欢', '']) });
      }
    });
  };

  // ---- the days ----
  for (let day = dateOf(startAt); startOfDate(day) <= end; day = addDays(day, 1)) {
    const midnight = startOfDate(day);
    const month = day.slice(0, 7);
    const dom = Number(day.slice(8, 10));
    at(midnight + 7 * HOUR_MS, async () => {
      const school = [3, 4, 5, 6, 9, 10, 11, 12].includes(monthNumber(month));
      // The last days: today's work is still open (what the dispatch board and the wall show).
      const recent = end - midnight < 4 * DAY_MS;
      const n = recent ? rng.int(2, 3) : rng.chance(0.55) ? 1 : 0;
      for (let i = 0; i < n; i++) at(midnight + rng.between(8, 20) * HOUR_MS, () => placeOrder(rng.pick(activeResidents()), weightedItem()));
      // At the start of a term (March, September), parents queue for 作业辅导 until its 20 places are gone.
      const homework = items.find((i) => i.categoryName === '四点半课堂');
      if (school && homework && dom === 3 && [3, 9].includes(monthNumber(month))) {
        for (const p of [...activeResidents(), ...activeMembers().filter(() => rng.chance(0.5))]) at(midnight + rng.between(8, 21) * HOUR_MS, () => placeOrder(p, homework));
      }
      if (rng.chance(end - midnight < 14 * DAY_MS ? 0.6 : 0.3)) at(midnight + rng.between(9, 20) * HOUR_MS, postWish);
      if (dom === 28 && rng.chance(0.8)) at(midnight + 16 * HOUR_MS, async () => void (await as(staff)('points', 'adjustPoints', { memberId: rng.pick(activeMembers()).id, delta: 5, reason: '参与社区夜间巡逻值守' })));
      if (dom === 15 && rng.chance(0.35)) at(midnight + 16 * HOUR_MS, async () => void (await as(staff)('points', 'adjustHours', { memberId: rng.pick(activeMembers()).id, hours: rng.pick([1, 2, 3]), reason: '补录社区疫苗接种点值守' })));
    });
    if (day === dateOf(startAt)) at(midnight + 9 * HOUR_MS, () => buildMenu(month, null));
    if (dom === 18) at(midnight + 10 * HOUR_MS, () => buildMenu(addMonths(month, 1), month));
    // The timer: its rules nightly; the reconcilers, which only finish what a crash left (none
    // here), weekly; old marks of the aggregates forgotten nightly, as the reconciler would.
    at(midnight + 23.5 * HOUR_MS, async () => void (await runJobs(ports, new Date(midnight).getUTCDay() === 0 ? ALL_JOBS : NIGHTLY)));
  }

  // Today's work, so that every state shows: one served yesterday and not yet rated, one being
  // served now, one assigned for tomorrow, one just placed.
  const byTitle = (title: string) => items.find((i) => i.title === title)!;
  const today = [
    { who: 'resident-zheng', item: '小家电维修', placed: 30, member: 'member-zhang', steps: ['assign', 'start', 'complete'] },
    { who: 'resident-wu', item: '上门陪伴', placed: 3, member: 'member-liu', steps: ['assign', 'start'] },
    { who: 'resident-sun', item: '法律咨询', placed: 20, member: 'member-chen', steps: ['assign'] },
    { who: 'resident-zhou', item: '楼道清扫', placed: 2, member: '', steps: [] },
  ];
  for (const t of today) {
    at(end - t.placed * HOUR_MS, async () => {
      const resident = residents.find((r) => r.key === t.who)!;
      const order = await as(resident)('orders', 'createOrder', { itemId: byTitle(t.item)._id, date: dateOf(now + (t.steps.length === 1 ? DAY_MS : 0)), slot: 'afternoon', address: `${resident.building}${resident.room}`, phone: resident.phone, note: '' });
      const member = members.find((m) => m.key === t.member);
      if (!order || !member) return;
      const step = async (i: number): Promise<void> => {
        const kind = t.steps[i];
        const done =
          kind === 'assign' ? await as(staff)('orders', 'dispatchOrder', { orderId: order._id, memberId: member.id })
          : kind === 'start' ? await as(member)('orders', 'startOrder', { orderId: order._id })
          : kind === 'complete' ? await as(member)('orders', 'completeOrder', { orderId: order._id, summary: rng.pick(SUMMARIES[byTitle(t.item).categoryName] ?? ['服务已完成']), photos: [] })
          : null;
        if (done && i + 1 < t.steps.length) at(now + (t.placed / (t.steps.length + 1)) * HOUR_MS * 0.9, () => step(i + 1));
      };
      if (t.steps.length) at(now + 30 * MINUTE_MS, () => step(0));
    });
  }

  while (agenda.size) {
    const task = agenda.pop();
    if (task.at > end) break;
    now = Math.max(now, task.at);
    await task.run();
  }
  now = end;
  await runJobs(ports);
  await store.updateWhere('communities', { _id: DEMO_COMMUNITY._id }, { demoHistory: { status: 'done', from: firstMonth, to: monthOf(end), calls, refusals, at: Date.now() } });
  return { ran: true, from: firstMonth, to: monthOf(end), calls, refusals, ms: Date.now() - started };
};
