import { readRevision } from '../db/cards';
import { RECENT_KEY, readRecent } from '../db/recent-cards';
import type { BackstoryDB } from '../db/schema';
import { type CatalogEntry, toCatalogEntry } from './catalog';
import { byEditOrder } from './order';
import type { PackedIndex } from './packed-index';
import { giveTurn, type Yield } from './timing';

/** Key of the stored catalog in the caches table. */
export const CATALOG_KEY = 'manager-catalog';

const FORMAT = 3;
const TAG_SEPARATOR = '\u001f';

/**
 * The catalog as stored: one array per field instead of one object per card. Reading
 * 10,000 card records back from IndexedDB takes about 400 ms in Chromium; this one record
 * with a few long arrays of strings takes about 30 ms, which is what makes the manager
 * open with its list at once.
 */
interface PackedCatalog {
  format: typeof FORMAT;
  ids: string[];
  titles: string[];
  snippets: string[];
  tags: string[];
  modified: number[];
  yours: boolean[];
  haystacks: string[];
  /** The search index over the entries, so a search needs no index build after opening. */
  index: PackedIndex;
}

/** A catalog and the card revision it was built from. */
export interface CatalogSnapshot {
  revision: number;
  entries: readonly CatalogEntry[];
  /** The stored search index, when it came from storage. */
  index?: PackedIndex;
}

function pack(entries: readonly CatalogEntry[], index: PackedIndex): PackedCatalog {
  return {
    index,
    format: FORMAT,
    ids: entries.map((e) => e.id),
    titles: entries.map((e) => e.title),
    snippets: entries.map((e) => e.snippet),
    tags: entries.map((e) => e.tags.join(TAG_SEPARATOR)),
    modified: entries.map((e) => e.modified),
    yours: entries.map((e) => e.yours),
    haystacks: entries.map((e) => e.haystack),
  };
}

function unpack(data: unknown): CatalogEntry[] | undefined {
  const packed = data as Partial<PackedCatalog> | undefined;
  if (packed?.format !== FORMAT || !packed.index) return undefined;
  const { ids, titles, snippets, tags, modified, yours, haystacks } = packed;
  const n = ids?.length;
  const columns = [titles, snippets, tags, modified, yours, haystacks];
  if (n === undefined || columns.some((column) => !Array.isArray(column) || column.length !== n)) {
    return undefined;
  }
  return (ids as string[]).map((id, i) => {
    const tagText = (tags as string[])[i] as string;
    return {
      id,
      title: (titles as string[])[i] as string,
      snippet: (snippets as string[])[i] as string,
      tags: tagText === '' ? [] : tagText.split(TAG_SEPARATOR),
      modified: (modified as number[])[i] as number,
      yours: (yours as boolean[])[i] === true,
      haystack: (haystacks as string[])[i] as string,
    };
  });
}

/** The stored catalog, when it was built from the current cards; undefined when stale. */
export async function readCachedCatalog(db: BackstoryDB): Promise<CatalogSnapshot | undefined> {
  return db.transaction('r', [db.settings, db.caches], async () => {
    const [revision, record] = await Promise.all([readRevision(db), db.caches.get(CATALOG_KEY)]);
    if (record?.revision !== revision) return undefined;
    const entries = unpack(record.data);
    return entries && { revision, entries, index: (record.data as PackedCatalog).index };
  });
}

/**
 * The first screen: the most recently edited cards and the recently used ones (the list
 * shows those first), read in a few milliseconds while the whole catalog loads.
 */
export async function readFirstPage(db: BackstoryDB, limit: number): Promise<CatalogSnapshot> {
  return db.transaction('r', [db.settings, db.cards], async () => {
    const [revision, recent, latest] = await Promise.all([
      readRevision(db),
      db.settings.get(RECENT_KEY),
      db.cards.orderBy('modified').reverse().limit(limit).toArray(),
    ]);
    const used = await db.cards.bulkGet(readRecent(recent?.value));
    const cards = new Map([...latest, ...used].flatMap((card) => (card ? [[card.id, card] as const] : [])));
    return { revision, entries: [...cards.values()].map(toCatalogEntry).sort(byEditOrder) };
  });
}

// Cards read and turned into entries per turn of the event loop: each slice costs tens of
// milliseconds on a slow machine, where one read of 10,000 cards blocks for about 400.
const SLICE = 500;

/**
 * Builds the catalog from every card (the slow path), a slice at a time in primary-key
 * order. Each slice is its own read, so the revision is read before and after: when cards
 * changed in between, it starts again.
 */
export async function buildCatalog(db: BackstoryDB, yieldTurn: Yield = giveTurn): Promise<CatalogSnapshot> {
  for (;;) {
    const revision = await readRevision(db);
    const entries: CatalogEntry[] = [];
    let last: string | undefined;
    for (;;) {
      const from = last;
      const slice = await (from === undefined ? db.cards.orderBy(':id') : db.cards.where(':id').above(from))
        .limit(SLICE)
        .toArray();
      for (const card of slice) entries.push(toCatalogEntry(card));
      last = slice.at(-1)?.id;
      if (slice.length < SLICE) break;
      await yieldTurn();
    }
    if ((await readRevision(db)) === revision) return { revision, entries: entries.sort(byEditOrder) };
  }
}

/** Stores a catalog and its index for the next opening, unless the cards changed since. */
export async function storeCatalog(
  db: BackstoryDB,
  snapshot: CatalogSnapshot,
  index: PackedIndex,
): Promise<boolean> {
  return db.transaction('rw', [db.settings, db.caches], async () => {
    if ((await readRevision(db)) !== snapshot.revision) return false;
    await db.caches.put({
      key: CATALOG_KEY,
      revision: snapshot.revision,
      data: pack(snapshot.entries, index),
    });
    return true;
  });
}
