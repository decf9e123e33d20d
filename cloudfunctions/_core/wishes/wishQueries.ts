/** Reading wishes: one wish with its timeline, the wall, the poster's and the claimer's lists, the review queue. */
import { CLAIM_STATUSES } from '../../../types/wishes';
import { defineAction, type Caller, type FunctionSpec } from '../runtime/defineFunction';
import { assertSameCommunity } from '../runtime/access';
import { cursorAfter, keysetPage, type KeysetResult } from '../store/keyset';
import { tallyTotal } from '../store/holds';
import { WISHES_FULFILLED } from './wishClaiming';
import { DomainError, notFound } from '../runtime/domainError';
import type { Ports } from '../ports';
import { cmd, type Filter, type FindOptions } from '../store/port';
import { WISHES, type WishDoc } from './wishDocs';
import { viewerOf } from './wishRecords';
import { isVisibleTo } from './wishRules';
import { toDetail, toView } from './wishView';

const DEFAULT_PAGE_SIZE = 20;

type PageInputs = { cursor?: string; pageSize?: number };

const viewPage = (page: KeysetResult<WishDoc>, caller: Caller, now: number) => {
  const viewer = viewerOf(caller);
  return { items: page.items.map((wish) => toView(wish, viewer, now)), nextCursor: page.nextCursor };
};

const pageOf = (ports: Ports, filter: Filter, orderBy: FindOptions['orderBy'] & object, input: PageInputs) =>
  keysetPage<WishDoc>(ports.store, WISHES, filter, orderBy, input.cursor, input.pageSize ?? DEFAULT_PAGE_SIZE);

const NEWEST_FIRST: NonNullable<FindOptions['orderBy']> = [['createdAt', 'desc']];

/**
 * The wishes a resident is the beneficiary of or posted (staff posting for others): two indexed
 * queries from the same position, merged, instead of one `$or` no index serves.
 */
const myWishesPage = async (ports: Ports, me: string, input: PageInputs & { status?: WishDoc['status'] }): Promise<KeysetResult<WishDoc>> => {
  const size = input.pageSize ?? DEFAULT_PAGE_SIZE;
  const status = input.status ? { status: input.status } : {};
  const [mine, posted] = await Promise.all([
    pageOf(ports, { residentId: me, ...status }, NEWEST_FIRST, input),
    pageOf(ports, { postedBy: me, ...status }, NEWEST_FIRST, input),
  ]);
  const byId = new Map([...mine.items, ...posted.items].map((w) => [w._id, w]));
  const merged = [...byId.values()].sort((a, b) => b.createdAt - a.createdAt || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0));
  const items = merged.slice(0, size);
  const more = merged.length > size || mine.nextCursor !== null || posted.nextCursor !== null;
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? cursorAfter(NEWEST_FIRST, last) : null };
};

export const wishQueries = {
  getWish: defineAction<'wishes', 'getWish'>()({
    access: 'registered',
    load: ({ ports }, input) => ports.store.get<WishDoc>(WISHES, input.wishId),
    async run({ caller, now }, _input, loaded) {
      const wish = loaded ?? notFound('心愿');
      assertSameCommunity(caller, wish);
      // Not yet approved, rejected or withdrawn: as if it did not exist, except for the poster and staff.
      if (!isVisibleTo(viewerOf(caller), wish)) throw new DomainError('NOT_FOUND', '心愿不存在');
      return toDetail(wish, viewerOf(caller), now);
    },
  }),

  wishWall: {
    access: 'registered',
    async run({ ports, caller, now }, input) {
      const communityId = caller.communityId;
      const filter: Filter = { communityId, status: input.status ?? 'open' };
      if (input.beneficiaryType) filter.beneficiaryType = input.beneficiaryType;
      if (input.kind) filter.kind = input.kind;
      const [page, open, fulfilled] = await Promise.all([
        pageOf(ports, filter, NEWEST_FIRST, input),
        ports.store.count(WISHES, { communityId, status: 'open' }),
        // 累计圆梦 is kept as wishes are fulfilled, not counted over the whole history.
        tallyTotal(ports.store, WISHES_FULFILLED, communityId),
      ]);
      return { ...viewPage(page, caller, now), counts: { open, fulfilled } };
    },
  },

  myWishes: defineAction<'wishes', 'myWishes'>()({
    access: 'registered',
    load: ({ ports, userId }, input) => myWishesPage(ports, userId, input),
    run: async ({ caller, now }, _input, page) => viewPage(page, caller, now),
  }),

  myClaims: defineAction<'wishes', 'myClaims'>()({
    access: 'member',
    load: ({ ports, userId }, input) =>
      pageOf(ports, { claimerId: userId, status: input.status ?? cmd.in([...CLAIM_STATUSES]) }, [['claimedAt', 'desc']], input),
    run: async ({ caller, now }, _input, page) => viewPage(page, caller, now),
  }),

  reviewQueue: {
    access: 'staff',
    async run({ ports, caller, now }, input) {
      // Oldest first: the resident who has waited longest is reviewed first.
      const page = await pageOf(ports, { communityId: caller.communityId, status: 'pending_review' }, [['createdAt', 'asc']], input);
      return viewPage(page, caller, now);
    },
  },
} satisfies Partial<FunctionSpec<'wishes'>>;
