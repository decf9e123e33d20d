/** The street admin's communities and staff: create a community, appoint, remove and list staff. */
import { defineAction, type FunctionSpec } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import { stableId } from '../runtime/ids';
import { isDuplicateKey, upd, type Filter } from '../store/port';
import { toSummary, type CommunityDoc } from '../users/profiles';
import type { UserDoc } from '../users/userDoc';

export const staffActions = {
  /** A community; the same request (request id) retried answers the one it created. */
  createCommunity: {
    access: 'admin',
    async run({ ports, caller, now, requestId }, input) {
      const community: CommunityDoc = {
        _id: requestId ? stableId('c', caller.user._id, requestId) : stableId('c', ports.newId()),
        name: input.name,
        street: input.street,
        createdAt: now,
      };
      try {
        await ports.store.insert('communities', { ...community, createdBy: caller.user._id });
        return community;
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        return (await ports.store.get<CommunityDoc>('communities', community._id)) ?? notFound('社区');
      }
    },
  },

  /** A registered user becomes staff of a community (moving to it, if they lived elsewhere). */
  appointStaff: defineAction<'admin', 'appointStaff'>()({
    access: 'admin',
    load: ({ ports }, input) => Promise.all([ports.store.get<UserDoc>('users', input.userId), ports.store.get<CommunityDoc>('communities', input.communityId)]),
    async run({ ports, caller, now }, input, [user, community]) {
      const target = user ?? notFound('用户');
      const place = community ?? notFound('社区');
      if (target.role === 'admin') throw new DomainError('CONFLICT', '街道管理员不能被任命为社区工作者');
      if (target.role === 'staff' && target.communityId === place._id) return toSummary(target);
      const appointed = await ports.store.updateAndReturn<UserDoc>('users', { _id: target._id, role: target.role, communityId: target.communityId }, {
        role: 'staff',
        communityId: place._id,
        history: upd.push({ at: now, by: caller.user._id, from: target.role, to: 'staff', note: `任命为${place.name}社区工作者` }),
        updatedAt: now,
      });
      if (!appointed) throw new DomainError('CONFLICT', '该用户的信息已变化，请刷新后重试');
      return toSummary(appointed);
    },
  }),

  /** Staff no longer: back to what they were before (a member if approved as one, else a resident). */
  removeStaff: defineAction<'admin', 'removeStaff'>()({
    access: 'admin',
    load: ({ ports }, input) => ports.store.get<UserDoc>('users', input.userId),
    async run({ ports, caller, now }, input, user) {
      const target = user ?? notFound('用户');
      if (target.role !== 'staff') throw new DomainError('CONFLICT', '该用户不是社区工作者');
      const to = target.memberStatus === 'approved' ? 'member' : 'resident';
      const removed = await ports.store.updateAndReturn<UserDoc>('users', { _id: target._id, role: 'staff' }, {
        role: to,
        history: upd.push({ at: now, by: caller.user._id, from: 'staff', to, note: `免去社区工作者：${input.reason}` }),
        updatedAt: now,
      });
      if (!removed) throw new DomainError('CONFLICT', '该用户的信息已变化，请刷新后重试');
      return toSummary(removed);
    },
  }),

  /** Staff of one community, or of all, with their community's name. */
  listStaff: defineAction<'admin', 'listStaff'>()({
    access: 'admin',
    load: ({ ports }, input) => {
      const filter: Filter = input.communityId ? { communityId: input.communityId, role: 'staff' } : { role: 'staff' };
      const orderBy: Array<[string, 'asc' | 'desc']> = input.communityId ? [['createdAt', 'asc'], ['_id', 'asc']] : [['communityId', 'asc'], ['createdAt', 'asc'], ['_id', 'asc']];
      return Promise.all([
        ports.store.find<UserDoc>('users', filter, { orderBy, limit: 1000 }),
        ports.store.find<CommunityDoc>('communities', {}, { orderBy: [['createdAt', 'asc']], limit: 1000 }),
      ]);
    },
    async run(_ctx, _input, [staff, communities]) {
      const names = new Map(communities.map((c) => [c._id, c.name]));
      return {
        items: staff.map((u) => ({ _id: u._id, name: u.name, phone: u.phone, role: u.role, communityId: u.communityId, communityName: names.get(u.communityId) ?? '' })),
      };
    },
  }),
} satisfies Partial<FunctionSpec<'admin'>>;

