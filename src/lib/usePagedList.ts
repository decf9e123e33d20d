import { useCallback, useRef, useState } from 'react';

/** One page of a `cursor`/`nextCursor` list. */
export interface PageAnswer<T> {
  items: T[];
  nextCursor: string | null;
}

export type PagedList<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; items: T[]; nextCursor: string | null; more: 'idle' | 'loading' | 'error' };

export interface PagedListOptions<A> {
  /** Sees every answer (first page and later ones), for what comes with the items (counts …). */
  onAnswer?: (answer: A) => void;
  /** A failed next page; the list stays as it was and `more` becomes 'error'. */
  onMoreError?: (error: unknown) => void;
}

/**
 * A list read a page at a time (`cursor`/`nextCursor`): `reload` starts over (quietly, for
 * pull-to-refresh, keeping what is shown), `loadMore` appends the next page when the list reaches
 * the bottom and ignores calls while one is loading or when there is no more. An answer that
 * arrives after a newer reload (a filter tapped meanwhile) is dropped.
 */
export const usePagedList = <A extends PageAnswer<{ _id: string }>>(
  fetchPage: (cursor?: string) => Promise<A>,
  options: PagedListOptions<A> | ((answer: A) => void) = {},
) => {
  type T = A['items'][number];
  const [state, setStateRaw] = useState<PagedList<T>>({ status: 'loading' });
  const current = useRef<PagedList<T>>(state);
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const optionsRef = useRef(typeof options === 'function' ? { onAnswer: options } : options);
  optionsRef.current = typeof options === 'function' ? { onAnswer: options } : options;

  const setState = useCallback((next: PagedList<T>) => {
    current.current = next;
    setStateRaw(next);
  }, []);

  const reload = useCallback(
    async (quiet = false) => {
      const mine = ++generation.current;
      if (!quiet || current.current.status !== 'ready') setState({ status: 'loading' });
      try {
        const answer = await fetchRef.current();
        if (mine !== generation.current) return;
        setState({ status: 'ready', items: answer.items, nextCursor: answer.nextCursor, more: 'idle' });
        optionsRef.current.onAnswer?.(answer);
      } catch (error) {
        if (mine !== generation.current) return;
        setState({ status: 'error', error });
      }
    },
    [setState],
  );

  const loadMore = useCallback(async () => {
    const before = current.current;
    if (before.status !== 'ready' || before.nextCursor === null || before.more === 'loading') return;
    const mine = generation.current;
    setState({ ...before, more: 'loading' });
    try {
      const answer = await fetchRef.current(before.nextCursor);
      if (mine !== generation.current) return;
      // An item may move between pages while reading (a new one added): keep each id once.
      const seen = new Set(before.items.map((item) => item._id));
      const items = [...before.items, ...answer.items.filter((item) => !seen.has(item._id))];
      setState({ status: 'ready', items, nextCursor: answer.nextCursor, more: 'idle' });
      optionsRef.current.onAnswer?.(answer);
    } catch (error) {
      if (mine !== generation.current) return;
      setState({ ...before, more: 'error' });
      optionsRef.current.onMoreError?.(error);
    }
  }, [setState]);

  /** Changes the items shown (an item marked read, merged with a fresh copy …). */
  const update = useCallback(
    (change: (items: T[]) => T[]) => {
      const before = current.current;
      if (before.status !== 'ready') return;
      setState({ ...before, items: change(before.items) });
    },
    [setState],
  );

  /** Puts a changed item in place, or drops it when it left this list. */
  const replace = useCallback(
    (id: string, next: T | null) => update((items) => (next ? items.map((item) => (item._id === id ? next : item)) : items.filter((item) => item._id !== id))),
    [update],
  );

  return { state, reload, loadMore, update, replace };
};
