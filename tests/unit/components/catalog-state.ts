import type { CatalogEntry } from '@/lib/search/catalog';
import type { CatalogState } from '@/lib/search/live-catalog';
import { SearchIndex } from '@/lib/search/search-index';

/** A complete catalog state over `entries`, as LiveCatalog would publish it. */
export function catalogState(entries: CatalogEntry[]): CatalogState {
  const index = new SearchIndex(entries);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return { entries, revision: 1, complete: true, index: () => index, byId: () => byId };
}
