// Bundles each cloud function (cloudfunctions/<name>/index.ts) with the domain core and its
// adapters into a self-contained deployable folder, and the local gateway into dist/server.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'cloudfunctions');
const dist = join(root, process.env.LINLI_DIST ?? 'dist');
const out = join(dist, 'cloudfunctions');

const functionNames = readdirSync(source, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_') && existsSync(join(source, entry.name, 'index.ts')))
  .map((entry) => entry.name);

rmSync(out, { recursive: true, force: true });
const common = { bundle: true, platform: 'node', target: 'node16', format: 'cjs', minify: true, legalComments: 'none', logLevel: 'warning' };

await Promise.all(
  functionNames.map(async (name) => {
    const dir = join(out, name);
    mkdirSync(dir, { recursive: true });
    await build({ ...common, entryPoints: [join(source, name, 'index.ts')], outfile: join(dir, 'index.js') });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: 'index.js', private: true }, null, 2));
    const config = join(source, name, 'config.json');
    if (existsSync(config)) cpSync(config, join(dir, 'config.json'));
  }),
);

// The local gateway keeps better-sqlite3 external: it is a native addon installed by npm.
await build({
  ...common,
  minify: false,
  sourcemap: true,
  entryPoints: [join(source, '_local', 'main.ts')],
  outfile: join(dist, 'server', 'main.js'),
  external: ['better-sqlite3'],
});

console.log(`built ${functionNames.length} cloud functions (${functionNames.join(', ')}) and the local server`);
