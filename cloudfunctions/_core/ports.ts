import type { Store } from './store/port';
import type { SubscribeConfig } from './messages/subscribeTemplates';

/** Injected so that every time rule can be tested with a fixed or advancing clock. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Photos uploaded by the client (cloud storage in WeChat, the data directory locally). */
export interface Files {
  exists(fileId: string): Promise<boolean>;
}

/**
 * One subscribe message (订阅消息), as WeChat's `subscribeMessage.send` takes it. `meta` says what it
 * is about, for the local outbox and the logs; the WeChat adapter does not send it.
 */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: MiniprogramState;
  meta: { event: string; userId: string; communityId: string; messageId: string };
}

export type MiniprogramState = 'developer' | 'trial' | 'formal';

/** WeChat's answer: errcode 0, or the code (43101: the user refused or used up the consent). */
export type SendResult = { ok: true } | { ok: false; code: number; message: string };

/** Sends subscribe messages: `cloud.openapi.subscribeMessage.send` in WeChat, an outbox locally. */
export interface Notifier {
  send(message: SubscribeMessage): Promise<SendResult>;
}

/**
 * WeChat's `security.msgSecCheck` scenes: 1 资料 (a profile), 2 评论 (a comment), 3 论坛 (a post),
 * 4 社交日志 (a record of what someone did).
 */
export type TextScene = 1 | 2 | 3 | 4;

/** `msgSecCheck` v2's verdict: only `risky` is refused (see security/textCheck.ts). */
export type TextVerdict = { suggest: 'pass' | 'review' | 'risky'; label: number };

/** Content security (内容安全): WeChat's checks in the cloud, a deterministic stand-in locally. */
export interface Security {
  /** `security.msgSecCheck` v2 for text `openid` wrote. Rejects when the check itself could not run. */
  checkText(input: { content: string; scene: TextScene; openid: string }): Promise<TextVerdict>;
  /**
   * `security.mediaCheckAsync` v2 for an uploaded image: answers the trace id the verdict will
   * carry when it arrives later (security/mediaChecks.ts `receiveMediaVerdict`).
   */
  submitImage(input: { fileId: string; scene: TextScene; openid: string }): Promise<{ traceId: string }>;
}

/** What a deployment configures (environment variables in the cloud; defaults locally). */
export interface Settings {
  /** The one-time code that makes the first user the admin (LINLI_SETUP_CODE); null: setup is closed. */
  setupCode: string | null;
  /** Subscribe message templates per event, with the deploy's overrides applied. */
  subscribe: SubscribeConfig;
}

/** Everything a use-case may touch outside its own memory. */
export interface Ports {
  store: Store;
  clock: Clock;
  files: Files;
  notifier: Notifier;
  security: Security;
  settings: Settings;
  /** A new unique id; deterministic ids (idempotency, uniqueness) are derived with `stableId`. */
  newId(): string;
}
