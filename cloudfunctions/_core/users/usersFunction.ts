import type { UserProfile, UserSummary } from '../../../types/users';
import { cmd, isDuplicateKey, upd, type Filter } from '../store/port';
import { assertSameCommunity } from '../runtime/access';
import { defineAction, defineFunction } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import type { Ports } from '../ports';
import { searchKeysOf, userIdFor, type UserDoc } from './userDoc';
import { keysetPage } from '../store/keyset';
import { messageActions } from '../messages/messageActions';
import { homeBadgesOf } from './homeBadges';

type CommunityDoc = {
  _id: string;
  name: string;
  street: string;
  createdAt: number;
}

const toProfile = (user: UserDoc, community: CommunityDoc | null): UserProfile => ({
  ...user,
  communityName: community?.name ?? '',
});

const toSummary = (user: UserDoc): UserSummary => user;

const profileOf = async (ports: Ports, user: UserDoc) =>
  toProfile(user, await ports.store.get<CommunityDoc>('communities', user.communityId));

const reload = async (ports: Ports, id: string): Promise<UserDoc> =>
  (await ports.store.get<UserDoc>('users', id)) ?? notFound('用户');

export const usersFunction = defineFunction('users', {
  ...messageActions,

  homeBadges: {
    access: 'registered',
    run: ({ ports, caller }) => homeBadgesOf(ports, caller),
  },

  listCommunities: {
    access: 'identified',
    async run({ ports }) {
      const items = await ports.store.find<CommunityDoc>('communities', {}, { orderBy: [['createdAt', 'asc']] });
      return { items };
    },
  },

  me: {
    access: 'identified',
    async run({ ports, caller }) {
      return { user: caller ? await profileOf(ports, caller.user) : null };
    },
  },

  register: defineAction<'users', 'register'>()({
    access: 'identified',
    load: ({ ports }, input) => ports.store.get<CommunityDoc>('communities', input.communityId),
    async run({ ports, openid, caller, now }, input, community) {
      // A retried registration answers the account that already exists.
      if (caller) return profileOf(ports, caller.user);
      if (!community) throw new DomainError('NOT_FOUND', '所选社区不存在');
      const user: UserDoc = {
        _id: userIdFor(openid),
        openid,
        communityId: community._id,
        name: input.name,
        phone: input.phone,
        building: input.building,
        room: input.room,
        role: 'resident',
        elderly: false,
        memberStatus: 'none',
        skills: [],
        history: [{ at: now, by: userIdFor(openid), from: null, to: 'registered' }],
        searchKeys: searchKeysOf(input),
        createdAt: now,
        updatedAt: now,
      };
      try {
        await ports.store.insert('users', user);
        return toProfile(user, community);
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        return toProfile(await reload(ports, user._id), community);
      }
    },
  }),

  updateProfile: {
    access: 'registered',
    async run({ ports, caller, now }, input) {
      const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      if (Object.keys(changes).length === 0) return profileOf(ports, caller.user);
      const next = { ...caller.user, ...changes };
      const [updated, community] = await Promise.all([
        ports.store.updateAndReturn<UserDoc>('users', { _id: caller.user._id }, { ...changes, searchKeys: upd.set(searchKeysOf(next)), updatedAt: now }),
        ports.store.get<CommunityDoc>('communities', caller.user.communityId),
      ]);
      return toProfile(updated ?? next, community);
    },
  },

  applyMember: {
    access: 'resident',
    async run({ ports, caller, now }, input) {
      if (caller.role === 'member') throw new DomainError('CONFLICT', '您已是党员志愿者，无需重复申请');
      const { user } = caller;
      const [applied, community] = await Promise.all([ports.store.updateAndReturn<UserDoc>(
        'users',
        { _id: user._id, memberStatus: cmd.in(['none', 'rejected']) },
        {
          memberStatus: 'pending',
          branch: input.branch,
          skills: input.skills,
          intro: input.intro ?? '',
          rejectReason: upd.remove(),
          history: upd.push({ at: now, by: user._id, from: user.memberStatus, to: 'pending', note: input.branch }),
          updatedAt: now,
        },
      ), ports.store.get<CommunityDoc>('communities', user.communityId)]);
      if (!applied && user.memberStatus !== 'pending') throw new DomainError('CONFLICT', '申请状态已变化，请刷新后重试');
      return toProfile(applied ?? user, community);
    },
  },

  /**
   * Finding people (代点单 / 代发心愿 / 代报名 pickers, member review): searched on the server by
   * name, the last four digits of the phone or the building, a page at a time, by key. Members
   * are residents too: asking for residents finds both.
   */
  listUsers: {
    access: 'staffOrAdmin',
    async run({ ports, caller }, input) {
      const filter: Filter = { communityId: caller.communityId };
      if (input.role) filter.role = input.role === 'resident' ? cmd.in(['resident', 'member']) : input.role;
      if (input.memberStatus) filter.memberStatus = input.memberStatus;
      if (input.skill) filter.skills = input.skill;
      if (input.keyword) filter.searchKeys = input.keyword;
      const page = await keysetPage<UserDoc>(ports.store, 'users', filter, [['name', 'asc']], input.cursor, input.pageSize ?? 20);
      return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
    },
  },

  reviewMember: defineAction<'users', 'reviewMember'>()({
    access: 'staff',
    load: ({ ports }, input) => ports.store.get<UserDoc>('users', input.userId),
    async run({ ports, caller, now }, input, loaded) {
      const target = loaded ?? notFound('申请人');
      assertSameCommunity(caller, target);
      if (!input.approve && !input.reason) {
        throw new DomainError('VALIDATION', '请填写不通过的原因', { reason: '请填写不通过的原因' });
      }
      const to = input.approve ? 'approved' : 'rejected';
      const reviewed = await ports.store.updateAndReturn<UserDoc>(
        'users',
        { _id: target._id, memberStatus: 'pending' },
        {
          memberStatus: to,
          ...(input.approve ? { role: 'member', rejectReason: upd.remove() } : { rejectReason: input.reason }),
          history: upd.push({ at: now, by: caller.user._id, from: 'pending', to, note: input.reason ?? '' }),
          updatedAt: now,
        },
      );
      if (!reviewed) throw new DomainError('CONFLICT', '该申请已处理或未提交');
      return toSummary(reviewed);
    },
  }),
});
