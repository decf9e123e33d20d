import { z } from './zod';
import { Cursor, Id, Timestamp } from './common';

/** One entry of the in-app message centre; WeChat subscribe messages mirror some of them. */
export const MessageView = z.object({
  _id: Id,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  refType: z.string(),
  refId: z.string(),
  at: Timestamp,
  read: z.boolean(),
});
export type MessageView = z.infer<typeof MessageView>;

export const ListMessagesInput = z.object({ cursor: z.optional(Cursor) });
export const MessagesOutput = z.object({ items: z.array(MessageView), unread: z.number(), nextCursor: z.nullable(z.string()) });
export const MarkReadInput = z.object({ ids: z.optional(z.array(Id).check(z.maxLength(100))) });
