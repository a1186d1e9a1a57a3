import { toStoredCard } from '@/lib/db/cards';
import type { StoredCard } from '@/lib/db/records';
import type { Card } from '@/lib/pack/types';
import { type CatalogEntry, toCatalogEntry } from '@/lib/search/catalog';
import { makeCard } from '../factories';

/** A stored card made from `makeCard` overrides, modified at `modified`. */
export function storedCard(overrides: Partial<Card> = {}, modified = 1): StoredCard {
  return toStoredCard(makeCard(overrides), { edited: false, created: modified, modified });
}

/** A catalog entry for a card with the given fields. */
export function entry(overrides: Partial<Card> = {}, modified = 1): CatalogEntry {
  return toCatalogEntry(storedCard(overrides, modified));
}
