import { COLLECTIONS } from './collections';

/** The collections and indexes as a Markdown table, for the CloudBase console (README keeps a copy). */
export const collectionsTable = (): string =>
  [
    '| 集合 | 索引（↓ 为降序） |',
    '|---|---|',
    ...COLLECTIONS.map((c) => {
      const indexes = c.indexes.map((i) => `${i.fields.map(([f, d]) => (d === 'desc' ? `${f}↓` : f)).join(' + ')}${i.unique ? '（唯一）' : ''}`);
      return `| \`${c.name}\` | ${indexes.join('；') || '—'} |`;
    }),
  ].join('\n');
