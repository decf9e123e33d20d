import { stableId } from '../runtime/ids';
import { isDuplicateKey } from '../store/port';
import type { Ports } from '../ports';

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
};

export const messageIdOf = (n: Pick<EventNotice, 'userId' | 'kind' | 'refId' | 'at' | 'key'>): string =>
  stableId('msg', n.userId, n.kind, n.refId, String(n.at), n.key ?? '');

const messageOf = ({ key: _key, ...n }: EventNotice): MessageDoc => ({ ...n, _id: messageIdOf({ ...n, key: _key }), read: false });

/**
 * Records notices in their recipients' message centres, in one round trip. A notice already
 * written (a retry) is kept as it is.
 */
export const notifyAll = async (ports: Ports, notices: EventNotice[]): Promise<void> => {
  const messages = notices.filter((n) => n.userId).map(messageOf);
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

/** One notice, about the event at `at` (default: now). */
export const notify = (ports: Ports, notice: Notice, at = ports.clock.now()): Promise<void> => notifyAll(ports, [{ ...notice, at }]);
