import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

const root = join(__dirname, '..', '..');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

/**
 * The server `npm start` runs (dist/server/main.js over dist/h5), on a free port and a fresh data
 * directory. `npm test` builds both before jest starts. Without the demo's year of history unless
 * asked (`{ DEMO_HISTORY: '1' }`): most tests want a community where only they act.
 */
export const startLocalServer = async (env: Record<string, string> = {}, existingDataDir?: string) => {
  const port = await freePort();
  // A directory that does not exist yet, as `.data` on a fresh clone: the server makes it.
  const dataDir = existingDataDir ?? join(mkdtempSync(join(tmpdir(), 'linli-browser-')), 'data');
  const dist = process.env.LINLI_DIST ?? 'dist';
  const child: ChildProcess = spawn(process.execPath, [`${dist}/server/main.js`], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: `${dist}/h5`, DEMO_HISTORY: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  // Writing the year of history takes about 15 s on its first start.
  const deadline = Date.now() + (env.DEMO_HISTORY === '1' && !existingDataDir ? 90_000 : 20_000);
  for (;;) {
    try {
      const response = await fetch(`${url}/api/dev/users`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`local server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dataDir,
    output: () => output,
    /** Kills the process outright (SIGKILL), mid-request as a power cut would; the data stays. */
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
      }
    },
    /** Stops the server; `keepData` leaves the data directory for a restart on it. */
    async stop(options: { keepData?: boolean } = {}) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      if (!options.keepData) rmSync(basename(dataDir) === 'data' ? dirname(dataDir) : dataDir, { recursive: true, force: true });
    },
  };
};

export type LocalServer = Awaited<ReturnType<typeof startLocalServer>>;
