import { builtinModules } from 'node:module';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// Built by `npm test` (scripts/build-functions.mjs) before jest runs.
const out = join(__dirname, '..', '..', process.env.LINLI_DIST ?? 'dist', 'cloudfunctions');
const sources = join(__dirname, '..', '..', 'cloudfunctions');
const deployable = readdirSync(sources, { withFileTypes: true })
  .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
  .map((e) => e.name);

describe('deployable function folders', () => {
  test('there is one per function source folder', () => {
    expect(deployable.length).toBeGreaterThanOrEqual(2);
    for (const name of deployable) expect(existsSync(join(out, name, 'index.js'))).toBe(true);
  });

  test.each(deployable)('%s is self-contained: it requires nothing but Node built-ins', (name) => {
    const code = readFileSync(join(out, name, 'index.js'), 'utf8');
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1].replace(/^node:/, ''));
    const outside = required.filter((m) => !builtinModules.includes(m) && !builtinModules.includes(m.split('/')[0]));
    expect(outside).toEqual([]);
  });

  test.each(deployable)('%s exports main without touching the network at load', (name) => {
    // Loading must not initialise the SDK: it would reach for Tencent's metadata service.
    const mod = require(join(out, name, 'index.js')) as { main?: unknown };
    expect(typeof mod.main).toBe('function');
  });
});
