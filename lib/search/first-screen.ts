import type { CatalogEntry } from './catalog';
import type { CatalogSnapshot } from './catalog-cache';

/** Where the first screen is kept: localStorage in the extension's pages. */
export type ScreenStore = Pick<Storage, 'getItem' | 'setItem'>;

/** Cards kept for the first screen: more than a popup shows, with room for scrolling. */
export const FIRST_SCREEN_SIZE = 60;

const FORMAT = 2;
type Row = [
  id: string,
  title: string,
  snippet: string,
  tags: string[],
  modified: number,
  yours: boolean,
  haystack: string,
];

const keyOf = (dbName: string) => `backstory:first-screen:${dbName}`;

/** The store pages have, if any (none in Node). */
export function defaultScreenStore(): ScreenStore | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}

/**
 * The first screen of the list as the manager last showed it, read synchronously: the
 * manager paints its list before IndexedDB has even opened (opening it and reading takes
 * 30–100 ms of a 200 ms budget). The database answer replaces it moments later, so at
 * worst a card changed elsewhere shows its old title for that moment.
 */
export function readFirstScreen(store: ScreenStore | undefined, dbName: string): CatalogSnapshot | undefined {
  try {
    const text = store?.getItem(keyOf(dbName));
    if (!text) return undefined;
    const { format, revision, rows } = JSON.parse(text) as { format: number; revision: number; rows: Row[] };
    if (format !== FORMAT || typeof revision !== 'number' || !Array.isArray(rows)) return undefined;
    const entries = rows.map(([id, title, snippet, tags, modified, yours, haystack]) => ({
      id,
      title,
      snippet,
      tags,
      modified,
      yours,
      haystack,
    }));
    return { revision, entries };
  } catch {
    // A corrupt or unreadable copy only costs the fast start; the database has the truth.
    return undefined;
  }
}

/** Keeps the first screen for the next opening: the given entries, in list order. */
export function writeFirstScreen(
  store: ScreenStore | undefined,
  dbName: string,
  revision: number,
  entries: readonly CatalogEntry[],
): void {
  const rows: Row[] = entries.map((e) => [e.id, e.title, e.snippet, e.tags, e.modified, e.yours, e.haystack]);
  try {
    store?.setItem(keyOf(dbName), JSON.stringify({ format: FORMAT, revision, rows }));
  } catch {
    // Quota or privacy settings: the next opening reads the database, a little later.
  }
}
