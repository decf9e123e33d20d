/**
 * What each dependency costs in the weapp build, per chunk. Needs a build made with module names
 * kept (LINLI_ANALYZE=1, see config/index.ts), e.g.
 *
 *   LINLI_ANALYZE=1 LINLI_DIST=/tmp/analyze NODE_ENV=production npx taro build --type weapp
 *   LINLI_DIST=/tmp/analyze npx tsx tests/weapp/moduleCosts.ts
 *
 * Sizes are the minified bytes of each module's function in the chunk that carries it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';
import { WEAPP_DIR, packageSizes, weappFiles } from './packageSize';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** `node_modules/@scope/name` or `node_modules/name`, else the first two path segments (src/pages …). */
const ownerOf = (moduleId: string): string => {
  const id = moduleId.replace(/^\.\//, '').replace(/ \+ \d+ modules$/, '');
  const nm = id.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = id.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  return id.split('/').slice(0, 2).join('/');
};

/** Module id → bytes, from the object literal of a webpackJsonp chunk push. */
const modulesOf = (source: string): Array<{ id: string; bytes: number }> => {
  const found: Array<{ id: string; bytes: number }> = [];
  const ast = parse(source, { ecmaVersion: 2022, sourceType: 'script' }) as unknown as Node;
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (n.type === 'ObjectExpression') {
      const props = n.properties as Node[];
      const isModuleMap = props.length > 0 && props.every((p) => p.type === 'Property' && ['FunctionExpression', 'ArrowFunctionExpression'].includes((p.value as Node).type));
      if (isModuleMap) {
        for (const p of props) {
          const key = p.key as Node & { value?: unknown; name?: string };
          found.push({ id: String(key.value ?? key.name), bytes: p.end - p.start });
        }
        return;
      }
    }
    for (const value of Object.values(n)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && 'type' in (value as object)) visit(value);
    }
  };
  visit(ast);
  return found;
};

export const moduleCosts = (root = WEAPP_DIR) => {
  const { subpackages } = packageSizes(root);
  const roots = Object.keys(subpackages);
  const perPackage: Record<string, Record<string, number>> = {};
  for (const file of weappFiles(root).filter((f) => f.endsWith('.js'))) {
    const pkg = roots.find((r) => file.startsWith(`${r}/`)) ?? 'main';
    const source = readFileSync(path.join(root, file), 'utf8');
    for (const { id, bytes } of modulesOf(source)) {
      const owner = ownerOf(id);
      perPackage[pkg] ??= {};
      perPackage[pkg][owner] = (perPackage[pkg][owner] ?? 0) + bytes;
    }
  }
  return perPackage;
};

if (require.main === module) {
  const costs = moduleCosts();
  for (const [pkg, owners] of Object.entries(costs)) {
    const total = Object.values(owners).reduce((a, b) => a + b, 0);
    console.log(`${pkg}: ${total} B in modules`);
    for (const [owner, bytes] of Object.entries(owners).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${owner.padEnd(44)} ${String(bytes).padStart(8)}`);
  }
}
