/**
 * Rate limits per user and action family: a resident who posts, orders, rates or signs up faster
 * than any real resident does is told to wait (RATE_LIMITED, with the time to wait). The limits
 * live here, in one table; staff act for many residents (代点单, 代报名) and get ten times as much.
 *
 * Each (user, family, window) is one counter document in `rate_windows`, and each counted request
 * is held on it under its key (store/holds.ts), so a retried request counts once. The window is a
 * fixed calendar day or clock hour in Asia/Shanghai: simple to explain ("今天最多5次") and to show
 * the wait; a burst across a boundary may reach twice the limit, which is still far from abuse.
 *
 * The count is taken in the first round trip, alongside the read of the caller (runtime/
 * defineFunction.ts), so that a limited action costs no extra round trip: an update guarded by the
 * staff limit and, at once, the insert of the window's first count; the caller's own limit is
 * checked when their role is known. Whatever refuses the request afterwards gives the count back,
 * so a refused request changes nothing — except in the `code` family, where refused guesses are
 * what is counted. Not reconciled: a request that dies after counting leaves
 * one count too many in its window, which ends by itself within the hour or the day.
 */
import type { Role } from '../../../types/users';
import type { Ports } from '../ports';
import { holdKey, releaseHold, type HoldsDoc } from '../store/holds';
import { cmd, isDuplicateKey, upd } from '../store/port';
import { dateOf, HOUR_MS, startOfDate, DAY_MS } from '../time';
import { DomainError } from './domainError';
import { stableId } from './ids';

export const RATE_LIMITS = {
  wish: { what: '发布心愿', window: 'day', resident: 5, staff: 50 },
  order: { what: '下单', window: 'day', resident: 10, staff: 100 },
  rating: { what: '评价', window: 'day', resident: 20, staff: 200 },
  signup: { what: '活动报名', window: 'hour', resident: 20, staff: 200 },
  /**
   * Setup and invitation codes: guessing them is what this stops, so a refused try counts too (a
   * wrong code is a refusal; giving its count back would let anyone guess without end).
   */
  code: { what: '输入邀请码或初始化码', window: 'hour', resident: 10, staff: 10, refusalsCount: true },
} as const satisfies Record<string, { what: string; window: 'day' | 'hour'; resident: number; staff: number; refusalsCount?: boolean }>;

/** Whether a refused request keeps its count in this family (see `code`). */
export const refusalsCount = (family: RateFamily): boolean => 'refusalsCount' in RATE_LIMITS[family];

export type RateFamily = keyof typeof RATE_LIMITS;

export const RATE_WINDOWS = 'rate_windows';

export type RateWindowDoc = HoldsDoc & { userId: string; family: RateFamily; window: string; endsAt: number };

export const limitFor = (family: RateFamily, role: Role | null): number =>
  role === 'staff' || role === 'admin' ? RATE_LIMITS[family].staff : RATE_LIMITS[family].resident;

/** The calendar day or clock hour (Asia/Shanghai) that `at` falls in: its key and its end. */
export const rateWindowOf = (family: RateFamily, at: number): { key: string; end: number } => {
  const date = dateOf(at);
  const dayStart = startOfDate(date);
  if (RATE_LIMITS[family].window === 'day') return { key: date, end: dayStart + DAY_MS };
  const hour = Math.floor((at - dayStart) / HOUR_MS);
  return { key: `${date}T${String(hour).padStart(2, '0')}`, end: dayStart + (hour + 1) * HOUR_MS };
};

export const rateWindowIdOf = (userId: string, family: RateFamily, windowKey: string) => stableId('rate', userId, family, windowKey);

/** A count taken: `position` is this request's place in the window (a retry keeps its first place). */
export type RateTake = { id: string; key: string; family: RateFamily; position: number; retried: boolean; end: number };

/**
 * Counts one request under `key` in its window, up to the staff limit: the guarded increment and
 * the insert of a new window go out together, one of them lands. Answers null when the window is
 * full even for staff.
 */
export const takeRate = async (ports: Ports, userId: string, family: RateFamily, key: string, now: number): Promise<RateTake | null> => {
  const window = rateWindowOf(family, now);
  const id = rateWindowIdOf(userId, family, window.key);
  const k = holdKey(key);
  const hold = { n: 1, at: now, ref: key };
  const max = RATE_LIMITS[family].staff;
  for (let attempt = 0; attempt < 3; attempt++) {
    const [updated, inserted] = await Promise.all([
      ports.store.updateAndReturn<RateWindowDoc>(RATE_WINDOWS, { _id: id, count: cmd.lte(max - 1), [`holds.${k}`]: cmd.exists(false) }, {
        count: upd.inc(1),
        [`holds.${k}`]: upd.set(hold),
      }),
      ports.store
        .insert<RateWindowDoc>(RATE_WINDOWS, { _id: id, userId, family, window: window.key, endsAt: window.end, count: 1, holds: { [k]: hold } })
        .then(
          () => true,
          (e: unknown) => {
            if (isDuplicateKey(e)) return false;
            throw e;
          },
        ),
    ]);
    if (updated) return { id, key, family, position: updated.count, retried: false, end: window.end };
    if (inserted) return { id, key, family, position: 1, retried: false, end: window.end };
    const current = await ports.store.get<RateWindowDoc>(RATE_WINDOWS, id);
    const mine = current?.holds?.[k];
    if (mine) {
      // A retry of a request already counted: it keeps its place.
      const position = Object.values(current.holds).filter((h) => h.at <= mine.at).length;
      return { id, key, family, position, retried: true, end: window.end };
    }
    if (current && current.count >= max) return null;
  }
  return null;
};

/** Gives a count back (the request was refused after it was counted). */
export const releaseRate = (ports: Ports, take: RateTake): Promise<boolean> => releaseHold(ports.store, RATE_WINDOWS, take.id, take.key, 1);

/** 3小时5分钟, 25分钟, 1分钟. */
export const formatWait = (ms: number): string => {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes}分钟`;
  return rest === 0 ? `${hours}小时` : `${hours}小时${rest}分钟`;
};

export const rateLimited = (family: RateFamily, role: Role | null, end: number, now: number): DomainError => {
  const { what, window } = RATE_LIMITS[family];
  const limit = limitFor(family, role);
  return new DomainError(
    'RATE_LIMITED',
    `${what}太频繁了：每${window === 'day' ? '天' : '小时'}最多${limit}次，请${formatWait(end - now)}后再试`,
    undefined,
    Math.max(1, Math.ceil((end - now) / 1000)),
  );
};
