import { cmd, isDuplicateKey, upd, type Filter } from '../store/port';
import { assertSameCommunity } from '../runtime/access';
import { defineAction, defineFunction } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import type { Ports } from '../ports';
import { searchKeysOf, userIdFor, type UserDoc } from './userDoc';
import { keysetPage } from '../store/keyset';
import { messageActions } from '../messages/messageActions';
import { subscribeActions } from '../messages/subscribeActions';
import { communityOf, profileOf, toProfile, toSummary, type CommunityDoc } from './profiles';
import { setupActions } from './setup';
import { redeemStaffInvite } from '../admin/staffInvites';
import { SCENES } from '../security/textCheck';
import { homeBadgesOf } from './homeBadges';


const reload = async (ports: Ports, id: string): Promise<UserDoc> =>
  (await ports.store.get<UserDoc>('users', id)) ?? notFound('用户');

export const usersFunction = defineFunction('users', {
  ...messageActions,
  ...subscribeActions,
  ...setupActions,
  redeemStaffInvite,

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
    // Members' names are public (先锋榜): a name is profile text others read.
    texts: (input) => [{ field: 'name', label: '姓名', text: input.name, scene: SCENES.profile }],
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
    texts: (input) => [{ field: 'name', label: '姓名', text: input.name, scene: SCENES.profile }],
    async run({ ports, caller, now }, input) {
      const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      if (Object.keys(changes).length === 0) return profileOf(ports, caller.user);
      const next = { ...caller.user, ...changes };
      const [updated, community] = await Promise.all([
        ports.store.updateAndReturn<UserDoc>('users', { _id: caller.user._id }, { ...changes, searchKeys: upd.set(searchKeysOf(next)), updatedAt: now }),
        communityOf(ports, caller.user.communityId),
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
      ), communityOf(ports, user.communityId)]);
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
      // Staff find people of their own community; the admin names the community (to appoint staff).
      const communityId = caller.role === 'admin' ? input.communityId : caller.communityId;
      if (!communityId) throw new DomainError('VALIDATION', '请选择社区', { communityId: '请选择社区' });
      const filter: Filter = { communityId };
      if (input.role) filter.role = input.role === 'resident' ? cmd.in(['resident', 'member']) : input.role;
      if (input.memberStatus) filter.memberStatus = input.memberStatus;
      if (input.skill) filter.skills = input.skill;
      if (input.keyword) filter.searchKeys = input.keyword;
      const page = await keysetPage<UserDoc>(ports.store, 'users', filter, [['name', 'asc']], input.cursor, input.pageSize ?? 20);
      return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
    },
  },

  /** Staff mark a resident as elderly: the app opens in 长辈模式 for them. Recorded in their history. */
  setElderly: defineAction<'users', 'setElderly'>()({
    access: 'staff',
    load: ({ ports }, input) => ports.store.get<UserDoc>('users', input.userId),
    async run({ ports, caller, now }, input, loaded) {
      const target = loaded ?? notFound('居民');
      assertSameCommunity(caller, target);
      if (target.role !== 'resident' && target.role !== 'member') throw new DomainError('VALIDATION', '只能标记本社区的居民', { userId: '只能标记本社区的居民' });
      if (target.elderly === input.elderly) return toSummary(target);
      const marked = await ports.store.updateAndReturn<UserDoc>('users', { _id: target._id, elderly: target.elderly }, {
        elderly: input.elderly,
        history: upd.push({ at: now, by: caller.user._id, from: target.elderly ? 'elderly' : 'not_elderly', to: input.elderly ? 'elderly' : 'not_elderly', note: input.note ?? '' }),
        updatedAt: now,
      });
      if (!marked) throw new DomainError('CONFLICT', '该居民的信息已变化，请刷新后重试');
      return toSummary(marked);
    },
  }),

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
