/**
 * Tables and declared indexes. One table per collection holds each document as JSON; each declared
 * IndexSpec becomes an expression index over json_extract, so filters compiled by sqlFilter can use it.
 */
import type Database from 'better-sqlite3';
import { StoreError, type CollectionSpec, type IndexSpec } from '../../_core/store/port';
import { valueExpr } from './sqlFilter';

const NAME = /^[a-z][a-z0-9_]*$/i;

export function checkName(kind: 'collection' | 'index', name: string): string {
  // sqlite_ names are reserved by SQLite itself.
  if (!NAME.test(name) || /^sqlite_/i.test(name)) throw new StoreError('INVALID_QUERY', `invalid ${kind} name "${name}"`);
  return name;
}

export const createTableSql = (collection: string): string =>
  `CREATE TABLE IF NOT EXISTS "${checkName('collection', collection)}" (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`;

/** The index named by the spec. */
export function indexSqls(collection: string, index: IndexSpec): Array<{ name: string; sql: string }> {
  checkName('index', index.name);
  if (index.fields.length === 0) throw new StoreError('INVALID_QUERY', `index ${index.name} has no fields`);
  const columns = index.fields.map(([field, direction]) => {
    if (direction !== 'asc' && direction !== 'desc') throw new StoreError('INVALID_QUERY', `index ${index.name}: bad direction`);
    return `${valueExpr(field)} ${direction.toUpperCase()}`;
  });
  const out = [
    {
      name: index.name,
      sql: `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX "${index.name}" ON "${collection}" (${columns.join(', ')})`,
    },
  ];
  return out;
}

/** Creates every declared table and index; an index whose definition changed is rebuilt, one no longer declared is dropped. */
export function applySchema(db: Database.Database, collections: CollectionSpec[]): void {
  const seen = new Set<string>();
  const existing = db.prepare<[string], { sql: string | null }>(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`);
  db.transaction(() => {
    const declared = new Set(collections.flatMap((c) => c.indexes.map((i) => i.name.toLowerCase())));
    const present = db.prepare(`SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`).all() as Array<{ name: string; tbl_name: string }>;
    const tables = new Set(collections.map((c) => c.name));
    for (const { name, tbl_name } of present) if (tables.has(tbl_name) && !declared.has(name.toLowerCase())) db.exec(`DROP INDEX "${name}"`);
    for (const spec of collections) {
      db.exec(createTableSql(spec.name));
      for (const index of spec.indexes) {
        for (const { name, sql } of indexSqls(spec.name, index)) {
          // Index names share one namespace in SQLite, unlike CloudBase where they are per collection.
          if (seen.has(name.toLowerCase())) throw new StoreError('INVALID_QUERY', `index name ${name} is declared twice`);
          seen.add(name.toLowerCase());
          const row = existing.get(name);
          if (row?.sql === sql) continue;
          if (row) db.exec(`DROP INDEX "${name}"`);
          db.exec(sql);
        }
      }
    }
  }).immediate();
}
