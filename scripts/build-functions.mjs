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

/**
 * Parts of @cloudbase/node-sdk the functions never use (AI, the mini-program client, uploads and
 * their XML and MIME tables, custom login tickets). The SDK requires them when it loads, so
 * without this they are half of every bundle and of its load time. Each is replaced by a stand-in
 * that fails loudly if anything ever calls it; tests/integration/bundles.test.ts runs every bundle
 * against the database emulator to prove nothing used was cut.
 */
export const UNUSED_SDK_PARTS = [
  '@cloudbase/ai',
  '@cloudbase/app',
  '@cloudbase/adapter-wx_mp',
  '@cloudbase/utilities',
  '@cloudbase/wx-cloud-client-sdk',
  'web-streams-polyfill',
  '@mattiasbuelens/web-streams-adapter',
  'xml2js',
  'jsonwebtoken',
  'form-data',
];
const STAND_IN = `
const fail = (name) => () => { throw new Error('not bundled: ' + name + ' (scripts/build-functions.mjs UNUSED_SDK_PARTS)'); };
const standIn = (name) => new Proxy(function () {}, {
  get: (_, key) => (key === '__esModule' ? true : key === 'then' || typeof key === 'symbol' ? undefined : standIn(name + '.' + String(key))),
  apply: fail(name),
  construct: fail(name),
});
module.exports = standIn(NAME);
`;
const cutUnusedSdkParts = {
  name: 'cut-unused-sdk-parts',
  setup(b) {
    const filter = new RegExp(`^(${UNUSED_SDK_PARTS.map((p) => p.replace(/[/@.-]/g, (c) => `\\${c}`)).join('|')})(/.*)?$`);
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'unused-sdk-part' }));
    b.onLoad({ filter: /.*/, namespace: 'unused-sdk-part' }, (args) => ({ contents: STAND_IN.replace('NAME', JSON.stringify(args.path)), loader: 'js' }));
  },
};

await Promise.all(
  functionNames.map(async (name) => {
    const dir = join(out, name);
    mkdirSync(dir, { recursive: true });
    await build({ ...common, entryPoints: [join(source, name, 'index.ts')], outfile: join(dir, 'index.js'), plugins: [cutUnusedSdkParts] });
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
