import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

test('every picture and document the README links to is in the repository', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const links = Array.from(readme.matchAll(/\]\(((?:docs)\/[^)]+)\)/g)).map((m) => m[1]);
  expect(links).toContain('docs/STYLE.md');
  expect(links.filter((l) => l.endsWith('.png')).length).toBeGreaterThanOrEqual(8);
  expect(links.filter((l) => !existsSync(join(root, l)))).toEqual([]);
});
