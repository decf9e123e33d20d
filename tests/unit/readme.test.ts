import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectionsTable } from '../../cloudfunctions/_core/collectionsTable';

describe('README stays true', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

  test('it lists every collection and index the functions declare (npm run collections prints them)', () => {
    expect(readme).toContain(collectionsTable());
  });

  test('it gives the two commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
