import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '../_adapters/sqlite/sqliteStore';
import { createLocalFiles, type LocalFiles } from '../_adapters/files/localFiles';
import { createOutbox, type Outbox } from '../_adapters/local/outbox';
import { createLocalSecurity, type LocalSecurity } from '../_adapters/local/localSecurity';
import { COLLECTIONS } from '../_core/collections';
import { FUNCTIONS } from '../_core/functions';
import { localSubscribeConfig, type SubscribeConfig } from '../_core/messages/subscribeTemplates';
import { systemClock, type Clock, type Ports } from '../_core/ports';
import { createHandler, type FunctionHandler } from '../_core/runtime/defineFunction';
import { randomId } from '../_core/runtime/ids';
import { receiveMediaVerdict } from '../_core/security/mediaChecks';
import type { FunctionName } from '../../types/api';
import type { Store } from '../_core/store/port';

export type Handlers = Record<FunctionName, FunctionHandler>;

export interface LocalApp {
  ports: Ports;
  files: LocalFiles;
  handlers: Handlers;
  /** What would have gone to WeChat as subscribe messages. */
  outbox: Outbox;
  /** The content security stand-in; its image verdicts wait until delivered. */
  security: LocalSecurity;
  /** Delivers the image verdicts the stand-in has queued, as WeChat's push would; answers how many checks they settled. */
  deliverMediaVerdicts(): Promise<number>;
  close(): Promise<void>;
}

export interface LocalAppOptions {
  dataDir: string;
  clock?: Clock;
  store?: Store;
  /** The one-time setup code (LINLI_SETUP_CODE); none: setup is closed. */
  setupCode?: string | null;
  /** Template ids per event; default: a made-up id for every event, so that the outbox fills. */
  subscribe?: SubscribeConfig;
  /** Keep the outbox in `<dataDir>/outbox.jsonl` too (local mode; tests keep it in memory). */
  persistOutbox?: boolean;
}

/**
 * The same handlers as in the cloud, over one SQLite file in `dataDir` (or over the store given,
 * which tests use to run the same app on the CloudBase adapter). WeChat's services are stood in
 * for by an outbox (subscribe messages) and a deterministic checker (content security).
 */
export const openLocalApp = (options: LocalAppOptions): LocalApp => {
  mkdirSync(options.dataDir, { recursive: true });
  const store = options.store ?? openSqliteStore(join(options.dataDir, 'linli.sqlite'), COLLECTIONS);
  const files = createLocalFiles(options.dataDir);
  const clock = options.clock ?? systemClock;
  const outbox = createOutbox({ clock, file: options.persistOutbox ? join(options.dataDir, 'outbox.jsonl') : undefined });
  const security = createLocalSecurity({ pathOf: files.pathOf });
  const ports: Ports = {
    store,
    files,
    clock,
    notifier: outbox.notifier,
    security: security.security,
    settings: { setupCode: options.setupCode ?? null, subscribe: options.subscribe ?? localSubscribeConfig() },
    newId: () => randomId(),
  };
  const handlers = Object.fromEntries(
    Object.entries(FUNCTIONS).map(([name, def]) => [name, createHandler(def as never, ports)]),
  ) as Handlers;
  const deliverMediaVerdicts = async () => {
    let settled = 0;
    for (const verdict of security.takeVerdicts()) settled += await receiveMediaVerdict(ports, verdict);
    return settled;
  };
  return { ports, files, handlers, outbox, security, deliverMediaVerdicts, close: async () => store.close?.() };
};
