import { hostOf, PAGE_TIMELINE_KEY, PAUSED_KEY } from '../db/reader-settings';
import type { BackstoryDB } from '../db/schema';
import { PREFERENCES_KEY, type Preferences, readPreferences } from '../protocol/preferences';

/** How Backstory should treat the page at `url`. */
export interface PageState {
  /** Not paused and the site not switched off. */
  enabled: boolean;
  /** Backstory is paused everywhere. */
  paused: boolean;
  /** The reader switched Backstory off for the page's site. */
  siteOff: boolean;
  /** The page's host name, when its URL has one. */
  host?: string;
  /** Cards the reader chose not to see marked on this site. */
  hiddenCards: Set<string>;
  preferences: Preferences;
  /** The developers' switch for timing on the page's timeline (see PAGE_TIMELINE_KEY). */
  timeline: boolean;
}

/** Reads the pause, the site's switches, the preferences and the timing switch in one go. */
export async function pageState(db: BackstoryDB, url: string): Promise<PageState> {
  const host = hostOf(url);
  const [[paused, preferences, timeline], site] = await Promise.all([
    db.settings.bulkGet([PAUSED_KEY, PREFERENCES_KEY, PAGE_TIMELINE_KEY]),
    host ? db.sites.get(host) : Promise.resolve(undefined),
  ]);
  const isPaused = paused?.value === true;
  const siteOff = site?.disabled === true;
  return {
    enabled: !isPaused && !siteOff,
    paused: isPaused,
    siteOff,
    ...(host ? { host } : {}),
    hiddenCards: new Set(site?.hiddenCards ?? []),
    preferences: readPreferences(preferences?.value),
    timeline: timeline?.value === true,
  };
}

/** Whether Backstory is paused everywhere. */
export async function isPaused(db: BackstoryDB): Promise<boolean> {
  return (await db.settings.get(PAUSED_KEY))?.value === true;
}
