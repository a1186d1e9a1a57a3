import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BackstoryDB } from '@/lib/db/schema';
import { type CatalogState, LiveCatalog } from '@/lib/search/live-catalog';

/** The live card catalog of `db`, and the LiveCatalog itself (to report own writes). */
export function useCatalog(db: BackstoryDB): { catalog: LiveCatalog; state: CatalogState | undefined } {
  const catalog = useMemo(() => new LiveCatalog(db), [db]);
  const [state, setState] = useState(catalog.current);
  useEffect(() => {
    const stop = new AbortController();
    const unsubscribe = catalog.subscribe(setState);
    catalog.start(stop.signal).catch((error: unknown) => console.error('Backstory: cards not loaded', error));
    return () => {
      unsubscribe();
      stop.abort();
    };
  }, [catalog]);
  return { catalog, state };
}
