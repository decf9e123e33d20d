/** Reading wishes: one wish with its timeline, the wall, the poster's and the claimer's lists, the review queue. */
import { CLAIM_STATUSES } from '../../../types/wishes';
import type { ActionSpec, Caller } from '../runtime/defineFunction';
import { DomainError } from '../runtime/domainError';
import type { Ports } from '../ports';
import { cmd, type Filter, type FindOptions } from '../store/port';
import { WISHES, type WishDoc } from './wishDocs';
import { loadWish, viewerOf } from './wishRecords';
import { isVisibleTo } from './wishRules';
import { toDetail, toView } from './wishView';

const DEFAULT_PAGE_SIZE = 20;

/** One page by offset: one extra document tells whether another page follows. */
const pageOf = async (
  ports: Ports,
  caller: Caller,
  now: number,
  filter: Filter,
  orderBy: FindOptions['orderBy'],
  input: { cursor?: number; pageSize?: number },
) => {
  const cursor = input.cursor ?? 0;
  const size = input.pageSize ?? DEFAULT_PAGE_SIZE;
  const docs = await ports.store.find<WishDoc>(WISHES, filter, { orderBy, skip: cursor, limit: size + 1 });
  const viewer = viewerOf(caller);
  return {
    items: docs.slice(0, size).map((wish) => toView(wish, viewer, now)),
    nextCursor: docs.length > size ? cursor + size : null,
  };
};

const NEWEST_FIRST: FindOptions['orderBy'] = [['createdAt', 'desc'], ['_id', 'desc']];

export const wishQueries = {
  getWish: {
    access: 'registered',
    async run({ ports, caller, now }, input) {
      const wish = await loadWish(ports, caller, input.wishId);
      // Not yet approved, rejected or withdrawn: as if it did not exist, except for the poster and staff.
      if (!isVisibleTo(viewerOf(caller), wish)) throw new DomainError('NOT_FOUND', '心愿不存在');
      return toDetail(wish, viewerOf(caller), now);
    },
  },

  wishWall: {
    access: 'registered',
    async run({ ports, caller, now }, input) {
      const communityId = caller.communityId;
      const filter: Filter = { communityId, status: input.status ?? 'open' };
      if (input.beneficiaryType) filter.beneficiaryType = input.beneficiaryType;
      if (input.kind) filter.kind = input.kind;
      const [page, open, fulfilled] = await Promise.all([
        pageOf(ports, caller, now, filter, NEWEST_FIRST, input),
        ports.store.count(WISHES, { communityId, status: 'open' }),
        ports.store.count(WISHES, { communityId, status: cmd.in(['fulfilled', 'confirmed']) }),
      ]);
      return { ...page, counts: { open, fulfilled } };
    },
  },

  myWishes: {
    access: 'registered',
    async run({ ports, caller, now }, input) {
      const me = caller.user._id;
      const filter: Filter = { communityId: caller.communityId, $or: [{ residentId: me }, { postedBy: me }] };
      if (input.status) filter.status = input.status;
      return pageOf(ports, caller, now, filter, NEWEST_FIRST, input);
    },
  },

  myClaims: {
    access: 'member',
    async run({ ports, caller, now }, input) {
      const filter: Filter = { claimerId: caller.user._id, status: input.status ?? cmd.in([...CLAIM_STATUSES]) };
      return pageOf(ports, caller, now, filter, [['claimedAt', 'desc'], ['_id', 'desc']], input);
    },
  },

  reviewQueue: {
    access: 'staff',
    async run({ ports, caller, now }, input) {
      // Oldest first: the resident who has waited longest is reviewed first.
      const filter: Filter = { communityId: caller.communityId, status: 'pending_review' };
      return pageOf(ports, caller, now, filter, [['createdAt', 'asc'], ['_id', 'asc']], input);
    },
  },
} satisfies { [A in 'getWish' | 'wishWall' | 'myWishes' | 'myClaims' | 'reviewQueue']: ActionSpec<'wishes', A> };
