import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

/** What a page knows of something it reads from the server. */
export type Remote<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: unknown };

/**
 * Reads one thing: `load()` shows the loading state first, `load(true)` (pull-to-refresh, coming
 * back to the page) keeps what is shown until the answer arrives. An answer overtaken by a newer
 * load is dropped. Loads once on mount unless `auto` is false (pages that load in useDidShow).
 */
export const useRemote = <T>(fetch: () => Promise<T>, deps: DependencyList, { auto = true }: { auto?: boolean } = {}) => {
  const [state, setState] = useState<Remote<T>>({ status: 'loading' });
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;
  const generation = useRef(0);

  const load = useCallback(async (quiet = false) => {
    const mine = ++generation.current;
    if (!quiet) setState({ status: 'loading' });
    try {
      const data = await fetchRef.current();
      if (mine === generation.current) setState({ status: 'ready', data });
    } catch (error) {
      if (mine === generation.current) setState({ status: 'error', error });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useEffect(() => {
    if (auto) void load();
  }, [load, auto]);

  /** Shows a fresh copy the server answered to an action (no reload needed). */
  const setData = useCallback((data: T) => setState({ status: 'ready', data }), []);

  return { state, setState, load, setData };
};
