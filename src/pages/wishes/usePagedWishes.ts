import { useCallback, useRef, useState } from 'react';
import type { WishView } from '../../../types/wishes';

export interface WishPageAnswer {
  items: WishView[];
  nextCursor: number | null;
}

export type PagedWishes =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; items: WishView[]; nextCursor: number | null; more: 'idle' | 'loading' | 'error' };

/**
 * A list read a page at a time (`cursor`/`nextCursor`): `reload` starts over (quietly, for
 * pull-to-refresh), `loadMore` appends the next page when the list reaches the bottom. An answer
 * that arrives after a newer reload (a filter tapped meanwhile) is dropped.
 */
export const usePagedWishes = <A extends WishPageAnswer>(fetchPage: (cursor?: number) => Promise<A>, onAnswer?: (answer: A) => void) => {
  const [state, setStateRaw] = useState<PagedWishes>({ status: 'loading' });
  const current = useRef<PagedWishes>(state);
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const onAnswerRef = useRef(onAnswer);
  onAnswerRef.current = onAnswer;

  const setState = useCallback((next: PagedWishes) => {
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
        onAnswerRef.current?.(answer);
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
      // A wish may move between pages while reading (a new one posted): keep each id once.
      const seen = new Set(before.items.map((w) => w._id));
      const items = [...before.items, ...answer.items.filter((w) => !seen.has(w._id))];
      setState({ status: 'ready', items, nextCursor: answer.nextCursor, more: 'idle' });
      onAnswerRef.current?.(answer);
    } catch {
      if (mine !== generation.current) return;
      setState({ ...before, more: 'error' });
    }
  }, [setState]);

  /** Puts a changed wish (claimed, reviewed …) in place, or drops it when it left this list. */
  const replace = useCallback(
    (wishId: string, next: WishView | null) => {
      const before = current.current;
      if (before.status !== 'ready') return;
      const items = next ? before.items.map((w) => (w._id === wishId ? next : w)) : before.items.filter((w) => w._id !== wishId);
      setState({ ...before, items });
    },
    [setState],
  );

  return { state, reload, loadMore, replace };
};
