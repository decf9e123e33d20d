/**
 * The local stand-in for WeChat's `subscribeMessage.send`: every message that would have been
 * sent is recorded (in memory, and in local mode also appended to `<DATA_DIR>/outbox.jsonl`) and
 * answered as WeChat would. Tests read it; staff read it through the gateway's local-only
 * `GET /api/dev/outbox`. `refuse(openid)` makes sends to that user fail as a refused consent does.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { Clock, Notifier, SendResult, SubscribeMessage } from '../../_core/ports';

export type OutboxEntry = Omit<SubscribeMessage, 'meta'> & SubscribeMessage['meta'] & { at: number; result: SendResult };

/** Kept in memory (and read back from the file on start). */
const KEEP = 500;

export const createOutbox = (options: { clock: Clock; file?: string }) => {
  const entries: OutboxEntry[] = [];
  const refusals = new Map<string, number>();
  if (options.file && existsSync(options.file)) {
    const lines = readFileSync(options.file, 'utf8').split('\n').filter(Boolean).slice(-KEEP);
    for (const line of lines) {
      try {
        entries.push(JSON.parse(line) as OutboxEntry);
      } catch {
        // A line cut short by a killed process: skipped.
      }
    }
  }
  const notifier: Notifier = {
    async send(message: SubscribeMessage): Promise<SendResult> {
      const code = refusals.get(message.touser);
      const result: SendResult = code ? { ok: false, code, message: code === 43101 ? 'user refuse to accept the msg' : 'local failure' } : { ok: true };
      const { meta, ...wire } = message;
      const entry: OutboxEntry = { ...wire, ...meta, at: options.clock.now(), result };
      entries.push(entry);
      if (entries.length > KEEP) entries.splice(0, entries.length - KEEP);
      if (options.file) appendFileSync(options.file, `${JSON.stringify(entry)}\n`);
      return result;
    },
  };
  return {
    notifier,
    /** What was sent (and answered), oldest first. */
    entries: (): OutboxEntry[] => [...entries],
    /** Sends to this openid fail with `code` (default 43101: the consent is gone). */
    refuse(openid: string, code = 43101) {
      refusals.set(openid, code);
    },
    clear() {
      entries.length = 0;
      refusals.clear();
    },
  };
};

export type Outbox = ReturnType<typeof createOutbox>;
