/**
 * Completes what setting up and inviting staff left half-done: a setup record whose user is not
 * the admin yet, a claimed invitation whose user record does not name it. Both steps are the ones
 * the requests themselves take (idempotent), after the grace period.
 */
import type { Job } from '../scheduler/job';
import { settledRange } from '../scheduler/reconcileWindow';
import { getMany, scanAll } from '../store/scan';
import { cmd } from '../store/port';
import { completeSetup, SETUP_ID, SYSTEM, type SetupDoc } from '../users/setup';
import type { UserDoc } from '../users/userDoc';
import { applyInvite, appliedTo, STAFF_INVITES, type InviteDoc } from './staffInvites';

export const reconcileAdmin: Job = {
  name: 'admin.reconcile',
  async run(ports) {
    const { from, to } = settledRange(ports.clock.now());
    const setup = async () => {
      const doc = await ports.store.get<SetupDoc>(SYSTEM, SETUP_ID);
      if (!doc || doc.at >= to) return 0;
      const user = await ports.store.get<UserDoc>('users', doc.adminId);
      if (user?.role === 'admin') return 0;
      await completeSetup(ports, doc, user);
      return 1;
    };
    const invites = scanAll<InviteDoc>(ports.store, STAFF_INVITES, { usedAt: cmd.gte(from), $and: [{ usedAt: cmd.lt(to) }] }, async (claimed) => {
      const users = await getMany<UserDoc>(ports.store, 'users', claimed.map((i) => i.usedBy!));
      const pending = claimed.filter((i) => {
        const user = users.get(i.usedBy!);
        return !user || !appliedTo(user, i);
      });
      await Promise.all(pending.map((i) => applyInvite(ports, i, users.get(i.usedBy!) ?? null)));
      return pending.length;
    });
    const [a, b] = await Promise.all([setup(), invites]);
    return a + b;
  },
};
