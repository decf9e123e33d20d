/**
 * A loopback HTTP server speaking the CloudBase database protocol to the real `@cloudbase/node-sdk`
 * (initialised with `serviceUrl` and `protocol: 'http'`). Every request waits a random latency,
 * part before and part after it is applied, so that concurrent requests interleave as they do in
 * the cloud, where each round trip takes tens of milliseconds.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EmulatedDatabase, EmulatorError, type EmulatedDatabaseOptions } from './emulatedDatabase';

export interface EmulatorOptions extends EmulatedDatabaseOptions {
  /** Latency of one round trip in ms, uniformly between the two bounds (default 5–30 ms). */
  latencyMs?: [number, number];
}

export interface RunningEmulator {
  db: EmulatedDatabase;
  /** The `serviceUrl` to hand to `tcb.init`. */
  serviceUrl: string;
  /** Changes the latency for requests that arrive from now on. */
  setLatency(range: [number, number]): void;
  /** Files cloud storage holds (`cloud://…` ids): what `getTempFileURL` answers SUCCESS for. */
  storedFiles: Set<string>;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const sleep = (ms: number) => (ms <= 0 ? Promise.resolve() : new Promise<void>((r) => setTimeout(r, ms)));

export const startEmulator = async (options: EmulatorOptions = {}): Promise<RunningEmulator> => {
  const db = new EmulatedDatabase(options);
  const random = options.random ?? Math.random;
  let [min, max] = options.latencyMs ?? [5, 30];
  let requestCounter = 0;
  const storedFiles = new Set<string>();
  /** Cloud storage, as far as the functions use it: temporary URLs, which tell whether a file exists. */
  const storage = (action: string, params: Record<string, unknown>): Record<string, unknown> | null => {
    if (action !== 'storage.batchGetDownloadUrl') return null;
    const list = Array.isArray(params.file_list) ? (params.file_list as Array<{ fileid: string }>) : [];
    return {
      data: {
        download_list: list.map(({ fileid }) =>
          storedFiles.has(fileid)
            ? { fileid, download_url: `https://emulator.invalid/${encodeURIComponent(fileid)}`, code: 'SUCCESS' }
            : { fileid, download_url: '', code: 'STORAGE_FILE_NONEXIST' },
        ),
      },
    };
  };

  const server: Server = createServer(async (req, res) => {
    const requestId = `emu-${++requestCounter}`;
    const total = min + random() * (max - min);
    const before = random() * total;
    let answer: Record<string, unknown>;
    try {
      const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
      await sleep(before);
      const { action, ...params } = body;
      answer = { requestId, ...(storage(String(action), params) ?? db.handle(String(action), params)) };
    } catch (e) {
      const code = e instanceof EmulatorError ? e.code : 'DATABASE_REQUEST_FAILED';
      answer = { requestId, code, message: e instanceof Error ? e.message : String(e) };
    }
    await sleep(total - before);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    db,
    serviceUrl: `http://127.0.0.1:${port}/admin`,
    setLatency(range) {
      [min, max] = range;
    },
    storedFiles,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
