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
 * Records a notice in the recipient's message centre. The id is derived from the event, so the
 * scheduler or a retried request writing the same notice again leaves one message.
 */
export const notify = async (ports: Ports, notice: Notice, at = ports.clock.now()): Promise<void> => {
  const message: MessageDoc = { ...notice, _id: stableId('msg', notice.userId, notice.kind, notice.refId, String(at)), at, read: false };
  try {
    await ports.store.insert('messages', message);
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
};
