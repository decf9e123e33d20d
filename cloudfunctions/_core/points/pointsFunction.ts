import type { LeaderboardRow, MyPointsOutput, Period } from '../../../types/points';
import { cmd, isDuplicateKey } from '../store/port';
import { assertSameCommunity } from '../runtime/access';
import { defineFunction, type Caller } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import { stableId } from '../runtime/ids';
import type { Ports } from '../ports';
import { periodRange, startOfDate, yearOf } from '../time';
import type { UserDoc } from '../users/userDoc';
import { awardPoints, ledgerId, type LedgerEntry } from './ledger';
import { pointsToNextStar, starLevel } from './pointRules';

const PAGE = 20;

/** The points fields the ledger keeps on a member's user document. */
export type MemberPoints = { pointsTotal?: number; pointsByYear?: Record<string, number> };

const yearPointsOf = (user: UserDoc & MemberPoints, year: number) => user.pointsByYear?.[`y${year}`] ?? 0;

const pointsOf = async (ports: Ports, user: UserDoc & MemberPoints, now: number, cursor = 0): Promise<MyPointsOutput> => {
  const year = yearOf(now);
  const yearPoints = yearPointsOf(user, year);
  const entries = await ports.store.find<LedgerEntry>('points_ledger', { memberId: user._id }, { orderBy: [['at', 'desc']], skip: cursor, limit: PAGE + 1 });
  return {
    total: user.pointsTotal ?? 0,
    yearPoints,
    year,
    stars: starLevel(yearPoints),
    toNextStar: pointsToNextStar(yearPoints),
    entries: entries.slice(0, PAGE),
    nextCursor: entries.length > PAGE ? cursor + PAGE : null,
  };
};

type BoardDoc = { _id: string; communityId: string; period: Period; key: string; rows: LeaderboardRow[]; frozenAt: number };

/** Sums a community's ledger over [start, end), 1000 entries a page (CloudBase's cap). */
export const computeBoard = async (ports: Ports, communityId: string, start: number, end: number): Promise<LeaderboardRow[]> => {
  const totals = new Map<string, number>();
  for (let skip = 0; ; skip += 1000) {
    const page = await ports.store.find<LedgerEntry>(
      'points_ledger',
      { communityId, at: cmd.gte(start), $and: [{ at: cmd.lt(end) }] },
      { orderBy: [['at', 'asc'], ['_id', 'asc']], skip, limit: 1000, fields: ['memberId', 'delta'] },
    );
    for (const entry of page) totals.set(entry.memberId, (totals.get(entry.memberId) ?? 0) + entry.delta);
    if (page.length < 1000) break;
  }
  const members = await ports.store.find<UserDoc & MemberPoints>('users', { communityId, role: 'member' }, { limit: 1000 });
  const year = yearOf(start);
  const rows = members
    .map((m) => ({ memberId: m._id, name: m.name, branch: m.branch ?? '', points: totals.get(m._id) ?? 0, stars: starLevel(yearPointsOf(m, year)) }))
    .sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'zh-CN'));
  // Equal points share a rank (1, 2, 2, 4).
  let rank = 0;
  return rows.map((row, index) => {
    if (index === 0 || rows[index - 1].points !== row.points) rank = index + 1;
    return { ...row, rank };
  });
};

const memberOf = async (ports: Ports, caller: Caller, memberId: string) => {
  const member = (await ports.store.get<UserDoc & MemberPoints>('users', memberId)) ?? notFound('党员');
  assertSameCommunity(caller, member);
  if (member.role !== 'member') throw new DomainError('NOT_FOUND', '该用户不是党员志愿者');
  return member;
};

export const pointsFunction = defineFunction('points', {
  myPoints: {
    access: 'member',
    async run({ ports, caller, now }, input) {
      return pointsOf(ports, caller.user, now, input.cursor);
    },
  },

  memberPoints: {
    access: 'staff',
    async run({ ports, caller, now }, input) {
      return pointsOf(ports, await memberOf(ports, caller, input.memberId), now, input.cursor);
    },
  },

  leaderboard: {
    access: 'registered',
    async run({ ports, caller, now }, input) {
      const at = input.date ? startOfDate(input.date) : now;
      const { key, start, end } = periodRange(input.period, at);
      const closed = end <= now;
      if (!closed) return { period: input.period, key, closed, rows: await computeBoard(ports, caller.communityId, start, Math.min(end, now + 1)) };
      // A closed period's board is frozen the first time anyone looks at it.
      const id = stableId('board', caller.communityId, input.period, key);
      const frozen = await ports.store.get<BoardDoc>('leaderboards', id);
      if (frozen) return { period: input.period, key, closed, rows: frozen.rows };
      const rows = await computeBoard(ports, caller.communityId, start, end);
      try {
        await ports.store.insert('leaderboards', { _id: id, communityId: caller.communityId, period: input.period, key, rows, frozenAt: now });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
      return { period: input.period, key, closed, rows: ((await ports.store.get<BoardDoc>('leaderboards', id)) ?? { rows }).rows };
    },
  },

  adjustPoints: {
    access: 'staff',
    async run({ ports, caller, now, requestId }, input) {
      if (!requestId) throw new DomainError('VALIDATION', '缺少请求编号，请刷新后重试');
      const member = await memberOf(ports, caller, input.memberId);
      // The request id makes a retried adjustment land once.
      const refId = stableId('adj', caller.user._id, requestId);
      await ports.store.transaction((tx) =>
        awardPoints(tx, {
          communityId: member.communityId,
          memberId: member._id,
          delta: input.delta,
          reason: 'adjustment',
          refId,
          at: now,
          note: input.reason,
          by: caller.user._id,
        }),
      );
      return (await ports.store.get<LedgerEntry>('points_ledger', ledgerId('adjustment', refId, member._id))) ?? notFound('积分记录');
    },
  },
});
