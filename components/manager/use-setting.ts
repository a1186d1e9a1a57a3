import { PAUSED_KEY } from '@/lib/db/reader-settings';
import { RECENT_KEY, readRecent } from '@/lib/db/recent-cards';
import type { BackstoryDB } from '@/lib/db/schema';
import { PREFERENCES_KEY, type Preferences, readPreferences } from '@/lib/protocol/preferences';
import { useLiveQuery } from '../use-live-query';

/** The reader's preferences, live (repaired defaults until read). */
export function usePreferences(db: BackstoryDB): Preferences {
  const value = useLiveQuery(() => db.settings.get(PREFERENCES_KEY), [db]);
  return readPreferences(value?.value);
}

/** Whether Backstory is paused everywhere, live; undefined until read. */
export function usePaused(db: BackstoryDB): boolean | undefined {
  const value = useLiveQuery(async () => (await db.settings.get(PAUSED_KEY))?.value === true, [db]);
  return value;
}

/** The recently used card ids, most recent first, live. */
export function useRecent(db: BackstoryDB): string[] {
  const value = useLiveQuery(async () => readRecent((await db.settings.get(RECENT_KEY))?.value), [db]);
  return value ?? NO_RECENT;
}

// One shared empty list, so "nothing read yet" does not re-sort the list on every render.
const NO_RECENT: string[] = [];
