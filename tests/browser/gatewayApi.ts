/**
 * The local gateway as the app calls it, for the parts a browser test sets up or checks without
 * the UI: calls as a demo user (by name) and the local outbox of subscribe messages.
 */
import { randomUUID } from 'node:crypto';
import type { LocalServer } from './server';

type DemoUser = { id: string; name: string; role: string };

export const demoUsers = async (server: LocalServer): Promise<DemoUser[]> =>
  (await (await fetch(`${server.url}/api/dev/users`)).json()) as DemoUser[];

/** A session token for a demo user, by name. */
export const tokenFor = async (server: LocalServer, name: string): Promise<string> => {
  const user = (await demoUsers(server)).find((u) => u.name === name);
  if (!user) throw new Error(`no demo user ${name}`);
  const response = await fetch(`${server.url}/api/dev/login`, { method: 'POST', body: JSON.stringify({ userId: user.id }) });
  return ((await response.json()) as { token: string }).token;
};

/**
 * One action with a token; throws with the function's words when it is refused. Every call is a
 * new intent (its own request id), as a fresh tap in the app would be, unless the test names the
 * request id to retry one.
 */
export const callWith = async (server: LocalServer, token: string, fn: string, action: string, data: object, requestId = `test-${randomUUID()}`) => {
  const response = await fetch(`${server.url}/api/${fn}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ action, data, requestId }),
  });
  const envelope = (await response.json()) as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
  if (!envelope.ok) throw new Error(`${fn}.${action} refused: ${envelope.error?.code} ${envelope.error?.message}`);
  // Tests read into the answers they set up with; the pages' own types are checked in the pages.
  return envelope.data as Record<string, any>;
};

export const callAs = async (server: LocalServer, name: string, fn: string, action: string, data: object, requestId?: string) =>
  callWith(server, await tokenFor(server, name), fn, action, data, requestId);

export type OutboxItem = {
  event: string;
  userId: string;
  communityId: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  at: number;
  result: { ok: boolean };
};

/** GET /api/dev/outbox as `viewer` (staff: their community's), newest first. */
export const readOutbox = async (server: LocalServer, viewer: string): Promise<OutboxItem[]> => {
  const response = await fetch(`${server.url}/api/dev/outbox`, { headers: { Authorization: `Bearer ${await tokenFor(server, viewer)}` } });
  if (!response.ok) throw new Error(`outbox: HTTP ${response.status}`);
  return ((await response.json()) as { items: OutboxItem[] }).items;
};

/**
 * Waits until the outbox holds a message for `event` to `recipient` (by name): sends run after the
 * action's own write, so the entry may land a moment after the page shows the result.
 */
export const waitForMessage = async (server: LocalServer, viewer: string, event: string, recipient: string, timeoutMs = 10_000): Promise<OutboxItem> => {
  const users = await demoUsers(server);
  const id = users.find((u) => u.name === recipient)?.id;
  if (!id) throw new Error(`no demo user ${recipient}`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readOutbox(server, viewer)).find((m) => m.event === event && m.userId === id);
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = (await readOutbox(server, viewer)).map((m) => `${m.event}→${users.find((u) => u.id === m.userId)?.name ?? m.userId}`);
      throw new Error(`no ${event} message to ${recipient} in the outbox; it holds: ${seen.join(', ') || 'nothing'}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
};

/**
 * Reads `read()` until it equals `expected` (deep), then answers it; after `timeoutMs` answers the
 * last value, so the caller's own `expect` fails with the difference.
 */
export const settle = async <T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (JSON.stringify(value) === JSON.stringify(expected) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
};
