/**
 * Staff invitations (邀请码): the admin makes a one-time code for a community and hands it to the
 * person who will be its staff member; entering it makes them staff there (registering them on
 * the way, if they were not). Only a hash of the code is stored (it is the document's id).
 *
 * Redeeming writes two documents: the invitation is claimed first (a guarded update: one person
 * per code, before it expires), the person's user record next. A request that dies in between is
 * completed by the same person trying again, or by the reconciler, which finds claimed invitations
 * whose user record does not name them (`staffVia`).
 */
import { randomInt } from 'node:crypto';
import { defineAction } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import { stableId } from '../runtime/ids';
import type { Ports } from '../ports';
import { cmd, isDuplicateKey, upd } from '../store/port';
import { DAY_MS } from '../time';
import { communityOf, profileOf, toProfile, type CommunityDoc } from '../users/profiles';
import { newUserDoc, userIdFor, type UserDoc } from '../users/userDoc';

export const STAFF_INVITES = 'staff_invites';

/** Long enough that it cannot be guessed (32^10 ≈ 10^15; tries are rate-limited), short enough to read out. */
const CODE_LENGTH = 10;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const INVITE_VALID_MS = 7 * DAY_MS;

export type InviteDoc = {
  _id: string;
  communityId: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  usedBy: string | null;
  usedAt: number | null;
  /** Who claimed it, as they gave it: enough to register them if the request dies half-way. */
  redeemer: { openid: string; name: string; phone: string } | null;
};

export const normalizeCode = (code: string) => code.trim().toUpperCase().replace(/[\s-]/g, '');
export const inviteIdOf = (code: string) => stableId('sinv', normalizeCode(code));

export const newInviteCode = (): string => Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** Whether the invitation has made this user staff before (even if they were removed since). */
export const appliedTo = (user: UserDoc, invite: Pick<InviteDoc, '_id'>): boolean => user.staffVia === invite._id || user.history.some((e) => e.ref === invite._id);

/**
 * Makes the invitation's redeemer staff of its community, once: a user record that already names
 * this invitation (`staffVia`) is left as it is, even if they were removed from staff since.
 */
export const applyInvite = async (ports: Ports, invite: InviteDoc, existing: UserDoc | null): Promise<UserDoc> => {
  const now = ports.clock.now();
  if (!invite.usedBy || !invite.redeemer) throw new Error('applyInvite: the invitation is not claimed');
  if (existing && appliedTo(existing, invite)) return existing;
  const event = { to: 'staff', note: '凭邀请码成为社区工作者', ref: invite._id };
  if (existing) {
    const appointed = await ports.store.updateAndReturn<UserDoc>('users', { _id: existing._id, staffVia: cmd.neq(invite._id), role: cmd.neq('admin') }, {
      role: 'staff',
      communityId: invite.communityId,
      staffVia: invite._id,
      history: upd.push({ at: now, by: existing._id, from: existing.role, ...event }),
      updatedAt: now,
    });
    return appointed ?? (await ports.store.get<UserDoc>('users', existing._id)) ?? existing;
  }
  const user: UserDoc = { ...newUserDoc(invite.redeemer.openid, invite.redeemer, 'staff', invite.communityId, now, event), staffVia: invite._id };
  try {
    await ports.store.insert('users', user);
    return user;
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    return applyInvite(ports, invite, await ports.store.get<UserDoc>('users', user._id));
  }
};

export const createStaffInvite = defineAction<'admin', 'createStaffInvite'>()({
  access: 'admin',
  load: ({ ports }, input) => ports.store.get<CommunityDoc>('communities', input.communityId),
  async run({ ports, caller, now }, input, community) {
    const found = community ?? notFound('社区');
    for (let attempt = 0; attempt < 3; attempt++) {
      const code = newInviteCode();
      const invite: InviteDoc = {
        _id: inviteIdOf(code),
        communityId: found._id,
        createdBy: caller.user._id,
        createdAt: now,
        expiresAt: now + INVITE_VALID_MS,
        usedBy: null,
        usedAt: null,
        redeemer: null,
      };
      try {
        await ports.store.insert(STAFF_INVITES, invite);
        return { code, communityId: found._id, communityName: found.name, expiresAt: invite.expiresAt };
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    }
    throw new DomainError('CONFLICT', '生成邀请码失败，请重试');
  },
});

const invalid = () => new DomainError('NOT_FOUND', '邀请码无效、已使用或已过期', { code: '邀请码无效、已使用或已过期' });

export const redeemStaffInvite = defineAction<'users', 'redeemStaffInvite'>()({
  access: 'identified',
  rate: { family: 'code', key: (input) => `invite:${inviteIdOf(input.code)}` },
  load: ({ ports }, input) => ports.store.get<InviteDoc>(STAFF_INVITES, inviteIdOf(input.code)),
  async run({ ports, caller, openid, now }, input, loaded) {
    const me = userIdFor(openid);
    const mine = loaded?.usedBy === me;
    if (!loaded || (!mine && (loaded.usedBy !== null || loaded.expiresAt <= now))) throw invalid();
    if (caller?.role === 'admin') throw new DomainError('CONFLICT', '街道管理员无需使用邀请码');
    if (!caller && (!input.name || !input.phone)) {
      throw new DomainError('VALIDATION', '首次使用请填写姓名和手机号', {
        ...(input.name ? {} : { name: '请填写姓名' }),
        ...(input.phone ? {} : { phone: '请填写手机号' }),
      });
    }
    const redeemer = { openid, name: caller?.user.name ?? input.name ?? '', phone: caller?.user.phone ?? input.phone ?? '' };
    const [claimed, community] = await Promise.all([
      mine
        ? Promise.resolve(loaded)
        : ports.store.updateAndReturn<InviteDoc>(STAFF_INVITES, { _id: loaded._id, usedBy: null, expiresAt: cmd.gt(now) }, { usedBy: me, usedAt: now, redeemer }),
      communityOf(ports, loaded.communityId),
    ]);
    let invite = claimed;
    if (!invite) {
      // Someone claimed it meanwhile; or it was this same request, retried.
      invite = await ports.store.get<InviteDoc>(STAFF_INVITES, loaded._id);
      if (invite?.usedBy !== me) throw invalid();
    }
    const user = await applyInvite(ports, invite, caller?.user ?? null);
    return community ? toProfile(user, community) : profileOf(ports, user);
  },
});
