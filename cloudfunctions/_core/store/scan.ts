import { cmd, type Doc, type Filter, type Store } from './port';

const PAGE = 1000;

/**
 * Visits every document matching `filter`, a page of 1000 (CloudBase's cap) at a time, paging by
 * `_id` so that documents leaving the filter as they are changed never shift a page. Answers the
 * sum of what `visit` answers (how many it changed).
 */
export const scanAll = async <T extends Doc>(store: Store, collection: string, filter: Filter, visit: (page: T[]) => Promise<number>, fields?: string[]): Promise<number> => {
  let changed = 0;
  let after: string | null = null;
  for (;;) {
    const page: T[] = await store.find<T>(collection, after === null ? filter : { ...filter, $and: [...(filter.$and ?? []), { _id: cmd.gt(after) }] }, {
      orderBy: [['_id', 'asc']],
      limit: PAGE,
      ...(fields ? { fields } : {}),
    });
    if (page.length) changed += await visit(page);
    if (page.length < PAGE) return changed;
    after = page[page.length - 1]._id;
  }
};

/** The documents with these ids, as a map (ids a page at a time). */
export const getMany = async <T extends Doc>(store: Store, collection: string, ids: string[], fields?: string[]): Promise<Map<string, T>> => {
  const unique = [...new Set(ids)];
  const out = new Map<string, T>();
  for (let i = 0; i < unique.length; i += PAGE) {
    const chunk = unique.slice(i, i + PAGE);
    const docs = await store.find<T>(collection, { _id: cmd.in(chunk) }, { limit: chunk.length, ...(fields ? { fields } : {}) });
    for (const d of docs) out.set(d._id, d);
  }
  return out;
};
