import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '../_adapters/sqlite/sqliteStore';
import { createLocalFiles, type LocalFiles } from '../_adapters/files/localFiles';
import { COLLECTIONS } from '../_core/collections';
import { FUNCTIONS } from '../_core/functions';
import { systemClock, type Clock, type Ports } from '../_core/ports';
import { createHandler, type FunctionHandler } from '../_core/runtime/defineFunction';
import { randomId } from '../_core/runtime/ids';
import type { FunctionName } from '../../types/api';
import type { Store } from '../_core/store/port';

export type Handlers = Record<FunctionName, FunctionHandler>;

export interface LocalApp {
  ports: Ports;
  files: LocalFiles;
  handlers: Handlers;
  close(): Promise<void>;
}

/**
 * The same handlers as in the cloud, over one SQLite file in `dataDir` (or over the store given,
 * which tests use to run the same app on the CloudBase adapter).
 */
export const openLocalApp = (options: { dataDir: string; clock?: Clock; store?: Store }): LocalApp => {
  mkdirSync(options.dataDir, { recursive: true });
  const store = options.store ?? openSqliteStore(join(options.dataDir, 'linli.sqlite'), COLLECTIONS);
  const files = createLocalFiles(options.dataDir);
  const ports: Ports = { store, files, clock: options.clock ?? systemClock, newId: () => randomId() };
  const handlers = Object.fromEntries(
    Object.entries(FUNCTIONS).map(([name, def]) => [name, createHandler(def as never, ports)]),
  ) as Handlers;
  return { ports, files, handlers, close: async () => store.close?.() };
};
