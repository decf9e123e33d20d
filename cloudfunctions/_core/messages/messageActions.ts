import { cmd } from '../store/port';
import type { ActionSpec } from '../runtime/defineFunction';
import type { MessageDoc } from './notify';

const PAGE = 20;

/** The message centre actions of the `users` function. */
export const messageActions = {
  listMessages: {
    access: 'registered',
    async run({ ports, caller }, input) {
      const cursor = input.cursor ?? 0;
      const mine = { userId: caller.user._id };
      const [items, unread] = await Promise.all([
        ports.store.find<MessageDoc>('messages', mine, { orderBy: [['at', 'desc']], skip: cursor, limit: PAGE + 1 }),
        ports.store.count('messages', { ...mine, read: false }),
      ]);
      return { items: items.slice(0, PAGE), unread, nextCursor: items.length > PAGE ? cursor + PAGE : null };
    },
  },
  markMessagesRead: {
    access: 'registered',
    async run({ ports, caller }, input) {
      const filter = input.ids ? { userId: caller.user._id, _id: cmd.in(input.ids) } : { userId: caller.user._id, read: false };
      await ports.store.updateWhere('messages', filter, { read: true });
      return { ok: true as const };
    },
  },
} satisfies { [A in 'listMessages' | 'markMessagesRead']: ActionSpec<'users', A> };
