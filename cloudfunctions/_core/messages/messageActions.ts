import { cmd } from '../store/port';
import { defineAction, type FunctionSpec } from '../runtime/defineFunction';
import { keysetPage } from '../store/keyset';
import type { MessageDoc } from './notify';

const PAGE = 20;

/** The message centre actions of the `users` function: keyed by the caller's id, read with them. */
export const messageActions = {
  listMessages: defineAction<'users', 'listMessages'>()({
    access: 'registered',
    load: async ({ ports, userId }, input) => {
      const mine = { userId };
      const [page, unread] = await Promise.all([
        keysetPage<MessageDoc>(ports.store, 'messages', mine, [['at', 'desc']], input.cursor, PAGE),
        ports.store.count('messages', { ...mine, read: false }),
      ]);
      return { items: page.items, unread, nextCursor: page.nextCursor };
    },
    run: async (_ctx, _input, loaded) => loaded,
  }),
  markMessagesRead: {
    access: 'registered',
    async run({ ports, caller }, input) {
      const filter = input.ids ? { userId: caller.user._id, _id: cmd.in(input.ids) } : { userId: caller.user._id, read: false };
      await ports.store.updateWhere('messages', filter, { read: true });
      return { ok: true as const };
    },
  },
} satisfies Partial<FunctionSpec<'users'>>;
