import type { LeaderboardRow, MyPointsOutput, Period } from '../../../types/points';
import { isDuplicateKey } from '../store/port';
import { assertSameCommunity } from '../runtime/access';
import { defineFunction, defineAction, type Caller } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import { stableId } from '../runtime/ids';
import type { Ports } from '../ports';
import { MINUTE_MS, periodRange, startOfDate, yearOf } from '../time';
import type { UserDoc } from '../users/userDoc';
import { awardPoints, LEDGER, ledgerId, TOTALS, type LedgerEntry, type PointsTotalDoc } from './ledger';
import { pointsToNextStar, starLevel } from './pointRules';
import { keysetPage } from '../store/keyset';
import { hoursActions, hoursSummaryOf } from '../hours/hoursActions';

const PAGE = 20;

/**
 * A closed period's board is frozen once nothing can still be counted into it: entries are dated
 * when they are paid (never back-dated), and the reconciler finishes a half-counted entry within
 * this time.
 */
export const FREEZE_AFTER_MS = 60 * MINUTE_MS;

const TOTAL_FIELDS = ['memberId', 'points', 'key', 'period'];

/** A member's year totals, every year: the star level reads this year's, the total all of them. */
const yearTotalsOf = (ports: Ports, memberId: string) =>
  ports.store.find<PointsTotalDoc>(TOTALS, { memberId, period: 'year' }, { orderBy: [['key', 'desc'], ['_id', 'desc']], limit: 100, fields: TOTAL_FIELDS });

const pointsOf = async (ports: Ports, memberId: string, now: number, cursor?: string): Promise<MyPointsOutput> => {
  const year = yearOf(now);
  const [years, page, hours] = await Promise.all([
    yearTotalsOf(ports, memberId),
    keysetPage<LedgerEntry>(ports.store, LEDGER, { memberId }, [['at', 'desc']], cursor, PAGE),
    hoursSummaryOf(ports, memberId, now),
  ]);
  const yearPoints = years.find((t) => t.key === String(year))?.points ?? 0;
  return {
    total: years.reduce((sum, t) => sum + t.points, 0),
    yearPoints,
    year,
    stars: starLevel(yearPoints),
    toNextStar: pointsToNextStar(yearPoints),
    entries: page.items,
    nextCursor: page.nextCursor,
    hours,
  };
};

type BoardDoc = { _id: string; communityId: string; period: Period; key: string; rows: LeaderboardRow[]; frozenAt: number };

/** Equal points share a rank (1, 2, 2, 4). */
const ranked = (rows: Omit<LeaderboardRow, 'rank'>[]): LeaderboardRow[] => {
  const sorted = [...rows].sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'zh-CN') || a.memberId.localeCompare(b.memberId));
  let rank = 0;
  return sorted.map((row, index) => {
    if (index === 0 || sorted[index - 1].points !== row.points) rank = index + 1;
    return { ...row, rank };
  });
};

/**
 * A community's board for one period, from the maintained totals: the period's totals, this
 * year's totals (for stars) and the members, read in parallel. Members without points are listed
 * with 0; points of people who are no longer members are kept.
 */
export const computeBoard = async (ports: Ports, communityId: string, period: Period, at: number): Promise<LeaderboardRow[]> => {
  const { key } = periodRange(period, at);
  const yearKey = String(yearOf(at));
  const [totals, years, members] = await Promise.all([
    ports.store.find<PointsTotalDoc>(TOTALS, { communityId, period, key }, { orderBy: [['points', 'desc'], ['_id', 'desc']], limit: 1000, fields: TOTAL_FIELDS }),
    period === 'year'
      ? Promise.resolve(null)
      : ports.store.find<PointsTotalDoc>(TOTALS, { communityId, period: 'year', key: yearKey }, { orderBy: [['points', 'desc'], ['_id', 'desc']], limit: 1000, fields: TOTAL_FIELDS }),
    ports.store.find<UserDoc>('users', { communityId, role: 'member' }, { orderBy: [['createdAt', 'asc'], ['_id', 'asc']], limit: 1000, fields: ['name', 'branch'] }),
  ]);
  const points = new Map(totals.map((t) => [t.memberId, t.points]));
  const yearPoints = new Map((years ?? totals).map((t) => [t.memberId, t.points]));
  const names = new Map(members.map((m) => [m._id, m]));
  const ids = new Set([...members.map((m) => m._id), ...totals.map((t) => t.memberId)]);
  return ranked(
    [...ids].map((memberId) => ({
      memberId,
      name: names.get(memberId)?.name ?? '已退出的党员',
      branch: names.get(memberId)?.branch ?? '',
      points: points.get(memberId) ?? 0,
      stars: starLevel(yearPoints.get(memberId) ?? 0),
    })),
  );
};

const memberOf = (caller: Caller, member: UserDoc | null): UserDoc => {
  if (!member) return notFound('党员');
  assertSameCommunity(caller, member);
  if (member.role !== 'member') throw new DomainError('NOT_FOUND', '该用户不是党员志愿者');
  return member;
};

export const pointsFunction = defineFunction('points', {
  myPoints: defineAction<'points', 'myPoints'>()({
    access: 'member',
    // Read with the caller: a member's totals and ledger are keyed by their own id.
    load: ({ ports, userId, now }, input) => pointsOf(ports, userId, now, input.cursor),
    async run(_ctx, _input, loaded) {
      return loaded;
    },
  }),

  memberPoints: defineAction<'points', 'memberPoints'>()({
    access: 'staff',
    load: ({ ports, now }, input) => Promise.all([ports.store.get<UserDoc>('users', input.memberId), pointsOf(ports, input.memberId, now, input.cursor)]),
    async run({ caller }, _input, [member, points]) {
      memberOf(caller, member);
      return points;
    },
  }),

  leaderboard: {
    access: 'registered',
    async run({ ports, caller, now }, input) {
      const at = input.date ? startOfDate(input.date) : now;
      const { key, end } = periodRange(input.period, at);
      const closed = end <= now;
      if (end + FREEZE_AFTER_MS > now) {
        return { period: input.period, key, closed, rows: await computeBoard(ports, caller.communityId, input.period, at) };
      }
      // A closed period's board is frozen the first time anyone looks at it.
      const id = stableId('board', caller.communityId, input.period, key);
      const frozen = await ports.store.get<BoardDoc>('leaderboards', id);
      if (frozen) return { period: input.period, key, closed, rows: frozen.rows };
      const rows = await computeBoard(ports, caller.communityId, input.period, at);
      try {
        await ports.store.insert<BoardDoc>('leaderboards', { _id: id, communityId: caller.communityId, period: input.period, key, rows, frozenAt: now });
        return { period: input.period, key, closed, rows };
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        return { period: input.period, key, closed, rows: ((await ports.store.get<BoardDoc>('leaderboards', id)) ?? { rows }).rows };
      }
    },
  },

  adjustPoints: defineAction<'points', 'adjustPoints'>()({
    access: 'staff',
    load: ({ ports }, input) => ports.store.get<UserDoc>('users', input.memberId),
    async run({ ports, caller, now, requestId }, input, loaded) {
      if (!requestId) throw new DomainError('VALIDATION', '缺少请求编号，请刷新后重试');
      const member = memberOf(caller, loaded);
      // The request id makes a retried adjustment land once, and answer the entry it made.
      const { entry } = await awardPoints(ports, {
        communityId: member.communityId,
        memberId: member._id,
        delta: input.delta,
        reason: 'adjustment',
        refId: stableId('adj', caller.user._id, requestId),
        at: now,
        note: input.reason,
        by: caller.user._id,
      });
      return entry;
    },
  }),

  ...hoursActions,
});

export { ledgerId };
