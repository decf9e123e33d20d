/**
 * The CloudBase adapter over the real `@cloudbase/node-sdk`, pointed at a loopback emulator through
 * the SDK's own `serviceUrl` option: every store call is a real SDK request over HTTP.
 */
import * as tcb from '@cloudbase/node-sdk';
import { createCloudbaseStore, type RetryPolicy } from '../../../cloudfunctions/_adapters/cloudbase/cloudbaseStore';
import type { CloudbaseDatabase } from '../../../cloudfunctions/_adapters/cloudbase/sdk';
import type { CollectionSpec, Store } from '../../../cloudfunctions/_core/store/port';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from './emulatorServer';

// Outside Tencent Cloud the SDK probes a metadata host before every request (30 ms each, and a
// process that lingers afterwards). This tells it where it is not, without touching the network.
process.env.TENCENTCLOUD = 'true';

/** The unique indexes declared with the collections, as the emulator enforces them. */
export const uniqueIndexesOf = (collections: CollectionSpec[]): Record<string, string[][]> =>
  Object.fromEntries(
    collections.map((c) => [c.name, c.indexes.filter((i) => i.unique).map((i) => i.fields.map(([field]) => field))]),
  );

/** An SDK app bound to the emulator, as `tcb.init` binds one to an environment in the cloud. */
export const sdkFor = (emulator: Pick<RunningEmulator, 'serviceUrl'>): tcb.CloudBase =>
  tcb.init({
    env: 'emulator-env',
    secretId: 'emulator-secret-id',
    secretKey: 'emulator-secret-key',
    serviceUrl: emulator.serviceUrl,
    protocol: 'http',
    keepalive: true,
    timeout: 60_000,
  } as Parameters<typeof tcb.init>[0]);

export interface EmulatedStore {
  store: Store;
  emulator: RunningEmulator;
  app: tcb.CloudBase;
  close(): Promise<void>;
}

export const openEmulatedStore = async (
  collections: CollectionSpec[],
  options: EmulatorOptions & { retry?: RetryPolicy } = {},
): Promise<EmulatedStore> => {
  const emulator = await startEmulator({ uniqueIndexes: uniqueIndexesOf(collections), ...options });
  const app = sdkFor(emulator);
  const store = createCloudbaseStore(app.database() as unknown as CloudbaseDatabase, options.retry);
  return { store, emulator, app, close: () => emulator.close() };
};
