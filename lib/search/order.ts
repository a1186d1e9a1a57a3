import type { CatalogEntry } from './catalog';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Edit order: most recently modified first, then by title for cards changed together. */
export function byEditOrder(a: CatalogEntry, b: CatalogEntry): number {
  return b.modified - a.modified || collator.compare(a.title, b.title);
}

/**
 * The manager's list order: the cards the reader used most recently first (in `recent`
 * order), then every other card in the order given (edit order). Unknown ids are skipped.
 */
export function withRecentFirst(entries: readonly CatalogEntry[], recent: readonly string[]): CatalogEntry[] {
  if (recent.length === 0) return [...entries];
  const wanted = new Set(recent);
  const found = new Map<string, CatalogEntry>();
  const rest: CatalogEntry[] = [];
  for (const entry of entries) {
    if (wanted.has(entry.id)) found.set(entry.id, entry);
    else rest.push(entry);
  }
  const first = recent.flatMap((id) => found.get(id) ?? []);
  return [...first, ...rest];
}
