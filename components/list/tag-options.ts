import type { CatalogEntry } from '@/lib/search/catalog';

/** A tag and how many cards carry it. */
export interface TagOption {
  tag: string;
  count: number;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Every tag of the catalog with its card count, alphabetically, for the tag filter. */
export function tagOptions(entries: readonly CatalogEntry[]): TagOption[] {
  const counts = new Map<string, number>();
  for (const entry of entries) for (const tag of entry.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => collator.compare(a.tag, b.tag));
}
