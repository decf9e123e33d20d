/**
 * The store every store-level test runs on. Jest runs those suites twice (see jest.config.js):
 * once on the SQLite adapter, once on the CloudBase adapter over the real SDK and the emulator.
 */
import { join } from 'node:path';
import { openSqliteStore } from '../../cloudfunctions/_adapters/sqlite/sqliteStore';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import type { CollectionSpec, Store } from '../../cloudfunctions/_core/store/port';
import type { RunningEmulator } from './emulator/emulatorServer';
import { openEmulatedStore } from './emulator/cloudbaseOverEmulator';
import { interleavingStore } from './interleavingStore';

export type StoreKind = 'sqlite' | 'cloudbase';

export const testStoreKind = (): StoreKind => (process.env.LINLI_TEST_STORE === 'cloudbase' ? 'cloudbase' : 'sqlite');

export interface TestStoreOptions {
  kind?: StoreKind;
  collections?: CollectionSpec[];
  /** Round-trip latency of the emulator in ms (default 1–6 ms; concurrency targets use 5–30). */
  latencyMs?: [number, number];
  /** SQLite only: let other requests run between store calls (default true). */
  interleave?: boolean;
  /** Wraps the store the app will use (to record or count its calls). */
  wrap?: (store: Store) => Store;
}

export interface TestStore {
  kind: StoreKind;
  store: Store;
  emulator?: RunningEmulator;
  close(): Promise<void>;
}

export const openTestStore = async (dataDir: string, options: TestStoreOptions = {}): Promise<TestStore> => {
  const kind = options.kind ?? testStoreKind();
  const collections = options.collections ?? COLLECTIONS;
  if (kind === 'cloudbase') {
    const opened = await openEmulatedStore(collections, { latencyMs: options.latencyMs ?? [1, 6] });
    return { kind, store: options.wrap ? options.wrap(opened.store) : opened.store, emulator: opened.emulator, close: opened.close };
  }
  const sqlite = openSqliteStore(join(dataDir, 'linli.sqlite'), collections);
  const plain = options.interleave === false ? sqlite : interleavingStore(sqlite);
  const store = options.wrap ? options.wrap(plain) : plain;
  // The app closes the store it was given; closing twice is harmless.
  return { kind, store, close: async () => undefined };
};

/** Round trips as the cloud has them: concurrency suites run with this on the CloudBase path. */
export const CLOUD_LATENCY_MS: [number, number] = [5, 30];
