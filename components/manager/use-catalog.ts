import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BackstoryDB } from '@/lib/db/schema';
import { type CatalogState, LiveCatalog } from '@/lib/search/live-catalog';

/**
 * The live card catalog of `db`, the LiveCatalog itself (to report own writes), and why the
 * cards could not be loaded, if they could not.
 */
export function useCatalog(db: BackstoryDB): {
  catalog: LiveCatalog;
  state: CatalogState | undefined;
  failure: unknown;
} {
  const catalog = useMemo(() => new LiveCatalog(db), [db]);
  const [state, setState] = useState(catalog.current);
  const [failure, setFailure] = useState<unknown>(undefined);
  useEffect(() => {
    const stop = new AbortController();
    const unsubscribe = catalog.subscribe(setState);
    catalog.start(stop.signal).catch((error: unknown) => {
      console.error('Backstory: cards not loaded', error);
      if (!stop.signal.aborted) setFailure(error ?? new Error('unknown error'));
    });
    return () => {
      unsubscribe();
      stop.abort();
    };
  }, [catalog]);
  return { catalog, state, failure };
}
