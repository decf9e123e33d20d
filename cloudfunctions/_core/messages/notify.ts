import type { SubscribeEvent } from '../../../types/subscribe';
import { stableId } from '../runtime/ids';
import { cmd, isDuplicateKey } from '../store/port';
import type { Ports, SubscribeMessage } from '../ports';
import { balanceIdOf, giveBackSend, recordFailure, SUBSCRIBE_BALANCES, takeSend, type BalanceDoc } from './subscribeBalances';
import { fitField, type ParamValue } from './subscribeFields';
import { templateOf, type TemplateSpec } from './subscribeTemplates';

export type MessageDoc = {
  _id: string;
  communityId: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  refType: string;
  refId: string;
  at: number;
  read: boolean;
};

export type Notice = Omit<MessageDoc, '_id' | 'at' | 'read'>;

/**
 * A notice is about one event: `at` is the event's own time (the timeline entry, the promotion),
 * never the time of writing, so that the request, its retry and the reconciler all derive the
 * same message id and the resident gets one message.
 */
export type EventNotice = Notice & {
  at: number;
  /** Tells apart notices of one kind about one record at one moment (who claimed, which hold). */
  key?: string;
  /** What its subscribe message says, by name (messages/subscribeTemplates.ts EVENT_PARAMS). */
  params?: Record<string, ParamValue>;
};

export const messageIdOf = (n: Pick<EventNotice, 'userId' | 'kind' | 'refId' | 'at' | 'key'>): string =>
  stableId('msg', n.userId, n.kind, n.refId, String(n.at), n.key ?? '');

const messageOf = ({ key: _key, params: _params, ...n }: EventNotice): MessageDoc => ({ ...n, _id: messageIdOf({ ...n, key: _key }), read: false });

/** A send taken from a user's balance for one notice, not yet sent. */
type Reserved = { notice: EventNotice; messageId: string; template: TemplateSpec & { event: SubscribeEvent }; balance: BalanceDoc; takenAt: number };

/** Notices written and their subscribe messages reserved: send them, or take everything back. */
export interface Outgoing {
  /** Sends the reserved subscribe messages. Never rejects: a failed send is recorded, not raised. */
  send(): Promise<void>;
  /** Removes the notices and gives the reserved sends back (the change they announce did not land). */
  takeBack(): Promise<void>;
}

/** Bounds the concurrent store calls and sends of a large fan-out (a menu to every subscriber). */
const BATCH = 50;
/** Above this many recipients with templates, balances are read in one query before any is taken. */
const READ_FIRST = 10;

const inBatches = async <T, R>(items: T[], each: (item: T) => Promise<R>): Promise<R[]> => {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(...(await Promise.all(items.slice(i, i + BATCH).map(each))));
  return out;
};

const insertMessages = async (ports: Ports, messages: MessageDoc[]): Promise<void> => {
  if (messages.length === 0) return;
  try {
    await ports.store.insertMany('messages', messages);
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    // A retry: some are there already. Write the rest one by one (the rare path).
    await Promise.all(
      messages.map((m) =>
        ports.store.insert('messages', m).catch((err: unknown) => {
          if (!isDuplicateKey(err)) throw err;
        }),
      ),
    );
  }
};

/** Takes one send per notice that has a template and whose recipient consented. */
const reserveAll = async (ports: Ports, notices: EventNotice[]): Promise<Reserved[]> => {
  const now = ports.clock.now();
  const wanted = notices.flatMap((notice) => {
    const template = notice.userId ? templateOf(ports.settings.subscribe, notice.kind) : null;
    return template ? [{ notice, template, messageId: messageIdOf(notice) }] : [];
  });
  if (wanted.length === 0) return [];
  let candidates = wanted;
  if (wanted.length > READ_FIRST) {
    // A fan-out: most recipients never consented; one query finds who did, instead of a write each.
    const ids = wanted.map((w) => balanceIdOf(w.notice.userId, w.template.templateId));
    const able = new Set<string>();
    for (let i = 0; i < ids.length; i += 1000) {
      const found = await ports.store.find<BalanceDoc>(SUBSCRIBE_BALANCES, { _id: cmd.in(ids.slice(i, i + 1000)), count: cmd.gt(0) }, { limit: 1000, fields: ['_id'] });
      for (const d of found) able.add(d._id);
    }
    candidates = wanted.filter((_, i) => able.has(ids[i]));
  }
  const taken = await inBatches(candidates, async (w) => {
    const balance = await takeSend(ports, w.notice.userId, w.template.templateId, w.messageId, w.template.event, now);
    return balance ? { ...w, balance, takenAt: now } : null;
  });
  return taken.filter((r): r is Reserved => r !== null);
};

const messageFor = (ports: Ports, r: Reserved): SubscribeMessage => ({
  touser: r.balance.openid,
  templateId: r.template.templateId,
  page: r.template.page.replace('{refId}', encodeURIComponent(r.notice.refId)),
  data: Object.fromEntries(Object.entries(r.template.fields).map(([key, field]) => [key, { value: fitField(field.type, r.notice.params?.[field.param]) }])),
  miniprogramState: ports.settings.subscribe.miniprogramState,
  meta: { event: r.template.event, userId: r.notice.userId, communityId: r.notice.communityId, messageId: r.messageId },
});

const sendAll = async (ports: Ports, reserved: Reserved[]): Promise<void> => {
  await inBatches(reserved, async (r) => {
    try {
      const result = await ports.notifier.send(messageFor(ports, r)).catch((e: unknown) => ({ ok: false as const, code: -1, message: e instanceof Error ? e.message : String(e) }));
      if (result.ok) return;
      console.warn(`[subscribe] ${r.template.event} to ${r.notice.userId} failed: ${result.code} ${result.message}`);
      await recordFailure(ports, r.balance, r.messageId, r.takenAt, result.code, result.message);
    } catch (e) {
      // Recording the failure failed too: the use-case still succeeds (the in-app notice is written).
      console.error('[subscribe] could not record a failed send', e);
    }
  });
};

/**
 * Records notices in their recipients' message centres and reserves their subscribe messages, in
 * one round trip (a notice already written, by a retry, is kept as it is; a send already taken is
 * not taken again). The answer sends them, or takes it all back.
 */
export const writeNotices = async (ports: Ports, notices: EventNotice[]): Promise<Outgoing> => {
  const messages = notices.filter((n) => n.userId).map(messageOf);
  const [, reserved] = await Promise.all([insertMessages(ports, messages), reserveAll(ports, notices)]);
  return {
    send: () => sendAll(ports, reserved),
    takeBack: async () => {
      await Promise.all([
        ...messages.map((m) => ports.store.removeById('messages', m._id)),
        ...reserved.map((r) => giveBackSend(ports, r.balance, r.messageId, r.takenAt)),
      ]);
    },
  };
};

/** Writes notices and sends their subscribe messages: the in-app centre in one round trip, WeChat after it. */
export const notifyAll = async (ports: Ports, notices: EventNotice[]): Promise<void> => (await writeNotices(ports, notices)).send();

/** One notice, about the event at `at` (default: now). */
export const notify = (ports: Ports, notice: Notice, at = ports.clock.now()): Promise<void> => notifyAll(ports, [{ ...notice, at }]);
