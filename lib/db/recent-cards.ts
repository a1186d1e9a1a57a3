import type { BackstoryDB } from './schema';

/** Key of the settings record that lists the cards the reader used most recently. */
export const RECENT_KEY = 'recent-cards';

/** How many recently used cards are remembered; older ones fall back to edit order. */
export const RECENT_LIMIT = 50;

/** The recently used card ids, most recent first; tolerates a missing or corrupt record. */
export function readRecent(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((id): id is string => typeof id === 'string').slice(0, RECENT_LIMIT);
}

/**
 * Records that the reader used a card (opened it, chose it on a page), so the manager
 * lists it first. Not a card write: the matcher does not care, so no revision bump.
 */
export async function markUsed(db: BackstoryDB, id: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const recent = readRecent((await db.settings.get(RECENT_KEY))?.value);
    if (recent[0] === id) return;
    const next = [id, ...recent.filter((other) => other !== id)].slice(0, RECENT_LIMIT);
    await db.settings.put({ key: RECENT_KEY, value: next });
  });
}
