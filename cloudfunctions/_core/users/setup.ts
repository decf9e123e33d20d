/**
 * First run (初始化): a new deployment has no community and no staff. The deploy sets a one-time
 * setup code (LINLI_SETUP_CODE); the first user who enters it becomes the street admin, who then
 * creates communities and appoints staff in the app. Nobody writes documents by hand.
 *
 * The setup record `system/setup` is written first, with a fixed `_id`: of two people entering
 * the code at once, one insert lands and the other is refused. The admin's user record is written
 * next; a request that dies in between is completed by the same user trying again, or by the
 * reconciler (admin/adminReconcile.ts), which reads the setup record.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { defineAction, type FunctionSpec } from '../runtime/defineFunction';
import { DomainError } from '../runtime/domainError';
import type { Ports } from '../ports';
import { isDuplicateKey, upd } from '../store/port';
import { newUserDoc, userIdFor, type UserDoc } from './userDoc';
import { profileOf } from './profiles';

export const SYSTEM = 'system';
export const SETUP_ID = 'setup';

export type SetupDoc = { _id: typeof SETUP_ID; adminId: string; openid: string; name: string; phone: string; at: number };

const digest = (s: string) => createHash('sha256').update(s.trim()).digest();

/** Compares without telling, by its time, how much of the code was right. */
export const sameCode = (expected: string, given: string): boolean => timingSafeEqual(digest(expected), digest(given));

/** Makes the setup record's user the admin: their existing record, or a new one. Idempotent. */
export const completeSetup = async (ports: Ports, setup: SetupDoc, existing: UserDoc | null): Promise<UserDoc> => {
  const now = ports.clock.now();
  if (existing?.role === 'admin') return existing;
  const event = { to: 'admin', note: '使用初始化码成为街道管理员' };
  if (existing) {
    const promoted = await ports.store.updateAndReturn<UserDoc>('users', { _id: existing._id, role: existing.role }, {
      role: 'admin',
      history: upd.push({ at: now, by: existing._id, from: existing.role, ...event }),
      updatedAt: now,
    });
    return promoted ?? (await ports.store.get<UserDoc>('users', existing._id)) ?? existing;
  }
  const user = newUserDoc(setup.openid, setup, 'admin', '', now, event);
  try {
    await ports.store.insert('users', user);
    return user;
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    const raced = await ports.store.get<UserDoc>('users', user._id);
    return raced ? completeSetup(ports, setup, raced) : user;
  }
};

export const setupActions = {
  setupStatus: defineAction<'users', 'setupStatus'>()({
    access: 'identified',
    load: ({ ports }) => ports.store.get<SetupDoc>(SYSTEM, SETUP_ID),
    run: async ({ ports }, _input, setup) => ({ configured: ports.settings.setupCode !== null, done: setup !== null }),
  }),

  setup: defineAction<'users', 'setup'>()({
    access: 'identified',
    rate: { family: 'code', key: (input) => `setup:${digest(input.code).toString('hex').slice(0, 16)}` },
    load: ({ ports }) => ports.store.get<SetupDoc>(SYSTEM, SETUP_ID),
    async run({ ports, caller, openid, now }, input, loaded) {
      const code = ports.settings.setupCode;
      if (!code) throw new DomainError('FORBIDDEN', '本系统未配置初始化码，请联系部署人员');
      if (!sameCode(code, input.code)) throw new DomainError('VALIDATION', '初始化码不正确', { code: '初始化码不正确' });
      const me = userIdFor(openid);
      const taken = () => new DomainError('CONFLICT', '本系统已完成初始化，如需开通权限请联系街道管理员');
      let setup = loaded;
      if (setup && setup.adminId !== me) throw taken();
      if (!setup) {
        const doc: SetupDoc = { _id: SETUP_ID, adminId: me, openid, name: input.name, phone: input.phone, at: now };
        try {
          await ports.store.insert(SYSTEM, doc);
          setup = doc;
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
          setup = await ports.store.get<SetupDoc>(SYSTEM, SETUP_ID);
          if (!setup || setup.adminId !== me) throw taken();
        }
      }
      return profileOf(ports, await completeSetup(ports, setup, caller?.user ?? null));
    },
  }),
} satisfies Partial<FunctionSpec<'users'>>;
