import { useEffect } from 'preact/hooks';
import type { BackstoryDB } from '@/lib/db/schema';
import type { CatalogEntry } from '@/lib/search/catalog';
import {
  defaultScreenStore,
  FIRST_SCREEN_SIZE,
  type ScreenStore,
  writeFirstScreen,
} from '@/lib/search/first-screen';
import type { CatalogState } from '@/lib/search/live-catalog';

// After the list settles: writing on every change would only repeat the same work.
const KEEP_AFTER_MS = 500;

/** Keeps the top of the list, in the order shown, for the next opening's first paint. */
export function useFirstScreen(
  db: BackstoryDB,
  state: CatalogState | undefined,
  ordered: readonly CatalogEntry[],
  store: ScreenStore | undefined = defaultScreenStore(),
): void {
  useEffect(() => {
    if (!state?.complete) return;
    const timer = setTimeout(
      () => writeFirstScreen(store, db.name, state.revision, ordered.slice(0, FIRST_SCREEN_SIZE)),
      KEEP_AFTER_MS,
    );
    return () => clearTimeout(timer);
  }, [db, state, ordered, store]);
}
