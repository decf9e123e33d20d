/**
 * Documents in bulk for the benchmark: a street office's year, spread over a hundred communities
 * and thousands of residents, with the statuses real history has (most orders rated or cancelled,
 * a few open). Written straight into the SQLite file in one transaction (the store would commit
 * each insert), shaped exactly as the use-cases write them, so the same indexes and queries apply.
 */
import Database from 'better-sqlite3';
import { DEMO_COMMUNITY } from '../../cloudfunctions/_local/demoData';
import { stableId } from '../../cloudfunctions/_core/runtime/ids';
import { entryKeyOf, periodKeyOf, totalsIdOf } from '../../cloudfunctions/_core/points/ledger';
import { userIdFor } from '../../cloudfunctions/_core/users/userDoc';
import { DAY_MS } from '../../cloudfunctions/_core/time';

/** A deterministic generator: the same volume every run. */
const random = (seed: number) => () => {
  seed = (seed * 1664525 + 1013904223) % 4294967296;
  return seed / 4294967296;
};

const COMMUNITIES = 100;
const pick = <T>(r: () => number, list: readonly T[]) => list[Math.floor(r() * list.length)];

/** The demo community's own share, the same at every size: its lists are full pages either way. */
const DEMO_SHARE = 300;

/**
 * Adds `perCollection` documents to each listed collection: DEMO_SHARE of them belong to the demo
 * community (its own residents and members), the rest to a hundred other communities. Timing the
 * demo users' lists at two sizes then shows what the size of the collection costs, not the length
 * of their own lists.
 */
export const addVolume = (file: string, perCollection: number, now: number, demo: { residents: string[]; members: string[] }) => {
  const db = new Database(file);
  const r = random(perCollection);
  const statement = (collection: string) => db.prepare(`INSERT OR IGNORE INTO "${collection}" (_id, doc) VALUES (?, ?)`);
  // As the store writes them: the document carries its own _id.
  const insert = (collection: string) => {
    const st = statement(collection);
    return { run: (id: string, json: string) => st.run(id, `{"_id":${JSON.stringify(id)},${json.slice(1)}`) };
  };
  const ins = {
    orders: insert('orders'),
    wishes: insert('wishes'),
    signups: insert('activity_signups'),
    messages: insert('messages'),
    ledger: insert('points_ledger'),
    totals: insert('points_totals'),
    users: insert('users'),
    activities: insert('activities'),
  };
  const community = (i: number) => (i < DEMO_SHARE ? DEMO_COMMUNITY._id : `c_bench_${i % COMMUNITIES}`);
  const resident = (i: number, c: string) => (c === DEMO_COMMUNITY._id ? pick(r, demo.residents) : userIdFor(`bench-r-${i % 5000}`));
  const member = (i: number, c: string) => (c === DEMO_COMMUNITY._id ? pick(r, demo.members) : userIdFor(`bench-m-${i % 800}`));
  const at = () => now - Math.floor(r() * 365 * DAY_MS) - DAY_MS;

  const totals = new Map<string, Record<string, unknown> & { points: number; entries: Record<string, unknown> }>();
  db.transaction(() => {
    for (let i = 0; i < perCollection; i++) {
      const c = community(i);
      const createdAt = at();
      const roll = r();
      const status = roll < 0.01 ? 'submitted' : roll < 0.02 ? 'assigned' : roll < 0.03 ? 'serving' : roll < 0.1 ? 'cancelled' : roll < 0.15 ? 'completed' : 'rated';
      const assignee = status === 'submitted' || status === 'cancelled' ? null : member(i, c);
      const stars = status === 'rated' ? 1 + Math.floor(r() * 5) : null;
      const residentId = resident(i, c);
      ins.orders.run(
        stableId('bench-order', String(perCollection), String(i)),
        JSON.stringify({
          communityId: c, itemId: `item_${i % 40}`, itemTitle: '小家电维修', categoryName: '家电维修', categoryKind: 'regular', skills: ['家电维修'], skillKeys: ['家电维修'],
          residentId, residentName: '居民', phone: '13800000000', address: '1号楼', date: '2026-11-01', slot: 'morning', note: '', status, proxyBy: null,
          assigneeId: assignee, assigneeName: assignee ? '党员' : null, summary: '', photos: [], rating: stars ? { stars, tags: [], comment: '', at: createdAt + DAY_MS, auto: false } : null,
          cancelReason: '', overdue: false, month: new Date(createdAt + 8 * 3600_000).toISOString().slice(0, 7), quotaHeld: false, lowRatedAt: stars !== null && stars <= 2 ? createdAt + DAY_MS : null,
          lastRequestId: null, submittedAt: createdAt, assignedAt: assignee ? createdAt + 3600_000 : null, completedAt: status === 'completed' || status === 'rated' ? createdAt + 7200_000 : null,
          timeline: [], createdBy: residentId, createdAt, updatedAt: createdAt,
        }),
      );
      const wishStatus = pick(r, ['open', 'claimed', 'fulfilled', 'confirmed', 'confirmed', 'confirmed', 'expired', 'withdrawn'] as const);
      ins.wishes.run(
        stableId('bench-wish', String(perCollection), String(i)),
        JSON.stringify({
          communityId: c, residentId, residentName: '居民', residentPhone: '13800000000', postedBy: residentId, postedByName: '居民', proxy: false, requestId: `r${i}`,
          beneficiaryType: pick(r, ['elderly', 'child', 'hardship', 'disabled', 'other']), kind: pick(r, ['material', 'service', 'companion']), title: '心愿', content: '内容', value: 50, photos: [],
          deadline: '2026-12-31', status: wishStatus, rejectReason: '', reviewedBy: null, reviewedAt: null,
          claimerId: wishStatus === 'open' || wishStatus === 'expired' || wishStatus === 'withdrawn' ? null : member(i, c), claimerName: null,
          claimedAt: wishStatus === 'open' ? null : createdAt + DAY_MS, fulfilNote: '', fulfilPhotos: [], fulfilledAt: null, confirmedAt: null, timeline: [], createdAt, updatedAt: createdAt,
        }),
      );
      const activityId = `act_bench_${i % 2000}`;
      const startAt = createdAt + 3 * DAY_MS;
      ins.activities.run(
        `act_bench_${i}`,
        JSON.stringify({
          communityId: c, menuId: `amenu_bench_${i % 500}`, month: '2026-10', seriesId: null, title: '活动', category: 'public_class', description: '', place: '', startAt, endAt: startAt + 7200_000,
          capacity: 30, confirmedCount: 0, holders: {}, waitlistSeq: 0, published: true, ratings: {}, signupOpensAt: createdAt, signupClosesAt: startAt, cancelDeadline: startAt,
          ageMin: null, ageMax: null, waitlist: true, checkinRequired: true, memberPoints: 5, checkinCode: `A${perCollection}X${i}`, ratingCount: 0, ratingSum: 0,
          noShowsMarked: true, volunteersPaid: true, createdBy: 'x', createdAt, updatedAt: createdAt,
        }),
      );
      ins.signups.run(
        stableId('bench-signup', String(perCollection), String(i)),
        JSON.stringify({
          communityId: c, activityId, userId: residentId, userName: '居民', phone: '13800000000', attendees: [{ name: '居民', relation: 'self', age: 40 }], volunteer: false,
          status: pick(r, ['checked_in', 'checked_in', 'no_show', 'cancelled', 'confirmed']), waitlistSeq: null, seatToken: null, checkinCode: `B${perCollection}X${i}`, startAt: createdAt,
          confirmedAt: createdAt, reminded: true, checkedInAt: null, noShowAt: null, rating: null, proxy: false, proxyBy: null, cancelReason: '', timeline: [], createdAt, updatedAt: createdAt,
        }),
      );
      ins.messages.run(
        stableId('bench-msg', String(perCollection), String(i)),
        JSON.stringify({ communityId: c, userId: residentId, kind: 'order_completed', title: '服务已完成', body: '…', refType: 'order', refId: 'x', at: createdAt, read: r() < 0.8 }),
      );
      const memberId = member(i, c);
      const ledgerId = `order_completed:bench${perCollection}-${i}:${memberId}`;
      ins.ledger.run(ledgerId, JSON.stringify({ communityId: c, memberId, delta: 10, reason: 'order_completed', refId: `bench${i}`, at: createdAt, note: '服务', by: memberId }));
      // The entry counted in its month, quarter and year, as awardPoints writes it.
      for (const period of ['month', 'quarter', 'year'] as const) {
        const key = periodKeyOf(period, createdAt);
        const id = totalsIdOf(memberId, period, key);
        const doc = totals.get(id) ?? { communityId: c, memberId, period, key, points: 0, entries: {}, updatedAt: createdAt };
        doc.points += 10;
        if (Object.keys(doc.entries).length < 50) doc.entries[entryKeyOf(ledgerId)] = { d: 10, at: createdAt, ref: ledgerId };
        totals.set(id, doc);
      }
    }
    for (const [id, doc] of totals) ins.totals.run(id, JSON.stringify(doc));
    // People: a hundredth of the volume, spread over the communities.
    for (let i = 0; i < Math.max(50, perCollection / 10); i++) {
      const c = community(i);
      if (c === DEMO_COMMUNITY._id) continue;
      const openid = `bench-user-${i}`;
      ins.users.run(userIdFor(openid), JSON.stringify({ openid, communityId: c, name: `居民${i}`, phone: `139${String(i).padStart(8, '0')}`, building: '1号楼', room: '101', role: i % 10 === 0 ? 'member' : 'resident', elderly: false, memberStatus: 'none', skills: [], history: [], searchKeys: [`居民${i}`], createdAt: at(), updatedAt: now }));
    }
  })();
  db.close();
};
