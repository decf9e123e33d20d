/**
 * What the weapp build weighs: the main package (every file of dist/weapp outside the subpackage
 * roots app.json declares) and each subpackage. WeChat caps the main package at 2 MB; this project
 * holds itself to 500 KB so that the first open stays quick on a slow network.
 *
 *   npx tsx tests/weapp/packageSize.ts        prints the sizes of the current build
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const WEAPP_DIR = path.resolve(__dirname, '../..', process.env.LINLI_DIST ?? 'dist', 'weapp');

/** The budget for the main package, in bytes (500 KB). */
export const MAIN_PACKAGE_BUDGET = 512_000;

/** Every file of the build, as paths relative to dist/weapp with forward slashes. */
export const weappFiles = (root = WEAPP_DIR): string[] => {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
};

export interface PackageSizes {
  main: number;
  /** Bytes per subpackage root, e.g. `packages/staff`. */
  subpackages: Record<string, number>;
  /** The main package's files, largest first. */
  mainFiles: Array<{ file: string; bytes: number }>;
}

/** Files that are not part of what WeChat uploads (the build's licence notes, the IDE's project file). */
const notShipped = (file: string) => file.endsWith('.LICENSE.txt') || file === 'project.config.json' || file.endsWith('.map');

export const packageSizes = (root = WEAPP_DIR): PackageSizes => {
  const app = JSON.parse(readFileSync(path.join(root, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/+$/, ''));
  const subpackages: Record<string, number> = Object.fromEntries(roots.map((r) => [r, 0]));
  const mainFiles: Array<{ file: string; bytes: number }> = [];
  let main = 0;
  for (const file of weappFiles(root)) {
    if (notShipped(file)) continue;
    const bytes = statSync(path.join(root, file)).size;
    const owner = roots.find((r) => file.startsWith(`${r}/`));
    if (owner) subpackages[owner] += bytes;
    else {
      main += bytes;
      mainFiles.push({ file, bytes });
    }
  }
  mainFiles.sort((a, b) => b.bytes - a.bytes);
  return { main, subpackages, mainFiles };
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export const formatSizes = (sizes: PackageSizes, top = 15): string =>
  [
    `main package: ${sizes.main} B (${kb(sizes.main)}; budget ${kb(MAIN_PACKAGE_BUDGET)})`,
    ...sizes.mainFiles.slice(0, top).map((f) => `  ${f.file.padEnd(48)} ${String(f.bytes).padStart(8)} B`),
    'subpackages:',
    ...Object.entries(sizes.subpackages).map(([root, bytes]) => `  ${root.padEnd(48)} ${String(bytes).padStart(8)} B`),
    `total: ${sizes.main + Object.values(sizes.subpackages).reduce((a, b) => a + b, 0)} B`,
  ].join('\n');

if (require.main === module) console.log(formatSizes(packageSizes(), Number(process.argv[2] ?? 15)));
