/**
 * How many subscribe messages the server may still send a user with one template: each consent
 * the user gives (`requestSubscribeMessage` → accept) allows WeChat to deliver one message, so the
 * server keeps a balance per (user, template), adds one per reported consent and takes one per
 * send.
 *
 * Taking one is a guarded single-document update keyed by the in-app message the send belongs to
 * (`spent.<messageId>`): the message id derives from the event, so a retried request, a second
 * copy of a job and the reconciler all find the key spent and send nothing again. A send that
 * fails (43101: the user's consent is gone; anything else) is recorded on its key and never fails
 * the use-case; after 43101 the balance is set to 0, since WeChat holds no consent for us.
 *
 * Not reconciled: a request that dies between taking a balance and sending loses that message
 * (the in-app notice is still written), and the balance is one lower than WeChat's own count:
 * the server sends a little less, never more, than the user agreed to.
 */
import type { SubscribeBalances } from '../../../types/subscribe';
import { SUBSCRIBE_EVENT_LABELS, SUBSCRIBE_EVENTS } from '../../../types/subscribe';
import type { Ports } from '../ports';
import { stableId } from '../runtime/ids';
import { cmd, isDuplicateKey, upd, type Update } from '../store/port';
import { DAY_MS } from '../time';
import type { SubscribeConfig } from './subscribeTemplates';

export const SUBSCRIBE_BALANCES = 'subscribe_balances';

/** WeChat's code for "the user refused, or the consent is used up". */
export const REFUSED = 43101;

/** A balance never grows past this: a client cannot pile up consents it never gave. */
export const MAX_BALANCE = 20;

/** Spent keys are kept this long (far beyond any retry or reconciler window), then pruned on the next consent. */
const SPENT_KEPT_MS = 30 * DAY_MS;

export type SpentEntry = { at: number; event: string; failed?: { code: number; message: string; at: number } };

export type BalanceDoc = {
  _id: string;
  userId: string;
  /** Where WeChat delivers: stays on the server (output schemas never carry it). */
  openid: string;
  templateId: string;
  count: number;
  grantedAt: number;
  spent: Record<string, SpentEntry>;
  createdAt: number;
  updatedAt: number;
};

export const balanceIdOf = (userId: string, templateId: string) => stableId('sbal', userId, templateId);

/** The balances of every configured template, for one user: read with the caller. */
export const loadBalances = async (ports: Ports, userId: string): Promise<Map<string, BalanceDoc | null>> => {
  const ids = [...new Set(SUBSCRIBE_EVENTS.map((e) => ports.settings.subscribe.templates[e].templateId).filter(Boolean))];
  const docs = await Promise.all(ids.map((t) => ports.store.get<BalanceDoc>(SUBSCRIBE_BALANCES, balanceIdOf(userId, t))));
  return new Map(ids.map((t, i) => [t, docs[i]]));
};

/** One more consent on a template, up to MAX_BALANCE; old spent keys go in the same update. */
const addOne = (ports: Ports, existing: BalanceDoc | null, id: string, openid: string, now: number) => {
  const prune: Update = {};
  for (const [key, entry] of Object.entries(existing?.spent ?? {})) if (entry.at < now - SPENT_KEPT_MS) prune[`spent.${key}`] = upd.remove();
  return ports.store.updateAndReturn<BalanceDoc>(SUBSCRIBE_BALANCES, { _id: id, count: cmd.lt(MAX_BALANCE) }, {
    ...prune,
    count: upd.inc(1),
    openid,
    grantedAt: now,
    updatedAt: now,
  });
};

/** Counts the consents a user reported; template ids this deployment does not use are ignored. */
export const grantConsents = async (
  ports: Ports,
  user: { userId: string; openid: string },
  accepted: string[],
  loaded: Map<string, BalanceDoc | null>,
  now: number,
): Promise<Map<string, BalanceDoc | null>> => {
  const known = [...new Set(accepted)].filter((t) => loaded.has(t));
  const after = new Map(loaded);
  await Promise.all(
    known.map(async (templateId) => {
      const id = balanceIdOf(user.userId, templateId);
      const existing = loaded.get(templateId) ?? null;
      if (existing) {
        after.set(templateId, (await addOne(ports, existing, id, user.openid, now)) ?? existing);
        return;
      }
      const doc: BalanceDoc = { _id: id, userId: user.userId, openid: user.openid, templateId, count: 1, grantedAt: now, spent: {}, createdAt: now, updatedAt: now };
      try {
        await ports.store.insert(SUBSCRIBE_BALANCES, doc);
        after.set(templateId, doc);
      } catch (e) {
        // The same user reporting twice at once: the other one created it.
        if (!isDuplicateKey(e)) throw e;
        after.set(templateId, await addOne(ports, null, id, user.openid, now));
      }
    }),
  );
  return after;
};

export const balancesView = (config: SubscribeConfig, balances: Map<string, BalanceDoc | null>): SubscribeBalances => ({
  balances: SUBSCRIBE_EVENTS.filter((e) => config.templates[e].templateId).map((event) => {
    const templateId = config.templates[event].templateId;
    return { event, label: SUBSCRIBE_EVENT_LABELS[event], templateId, count: balances.get(templateId)?.count ?? 0 };
  }),
});

/** Takes one send from the balance for the message `key`; answers the balance (with the openid), or null: no consent, or already spent. */
export const takeSend = (ports: Ports, userId: string, templateId: string, key: string, event: string, now: number) =>
  ports.store.updateAndReturn<BalanceDoc>(
    SUBSCRIBE_BALANCES,
    { _id: balanceIdOf(userId, templateId), count: cmd.gt(0), [`spent.${key}`]: cmd.exists(false) },
    { count: upd.inc(-1), [`spent.${key}`]: upd.set({ at: now, event }), updatedAt: now },
  );

/** Gives back a send taken for a notice that was taken back (its change did not land). */
export const giveBackSend = (ports: Ports, balance: BalanceDoc, key: string, takenAt: number) =>
  ports.store.updateWhere(SUBSCRIBE_BALANCES, { _id: balance._id, [`spent.${key}.at`]: takenAt }, { count: upd.inc(1), [`spent.${key}`]: upd.remove(), updatedAt: ports.clock.now() });

/** Records why a send failed; after 43101 the balance is 0, unless the user consented again since. */
export const recordFailure = async (ports: Ports, balance: BalanceDoc, key: string, takenAt: number, code: number, message: string): Promise<void> => {
  const now = ports.clock.now();
  const failed = { [`spent.${key}.failed`]: upd.set({ code, message: message.slice(0, 200), at: now }), updatedAt: now };
  const spent = { _id: balance._id, [`spent.${key}.at`]: takenAt };
  if (code === REFUSED && (await ports.store.updateWhere(SUBSCRIBE_BALANCES, { ...spent, grantedAt: cmd.lte(takenAt) }, { ...failed, count: 0 })) === 1) return;
  await ports.store.updateWhere(SUBSCRIBE_BALANCES, spent, failed);
};
