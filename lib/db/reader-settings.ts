import { PREFERENCES_KEY, type Preferences, readPreferences } from '../protocol/preferences';
import type { BackstoryDB } from './schema';

/** Key of the global pause in the settings table. */
export const PAUSED_KEY = 'paused';

/**
 * Key of a switch for developers, with no control in the popup: when its value is `true`,
 * the content script leaves its timing on the timeline of the pages it reads, where the
 * benchmarks and end-to-end tests look for it (lib/content/task-timing.ts). Off for readers:
 * a page's timeline is the page's, and its scripts, and analytics that collect user timing,
 * would see Backstory there.
 */
export const PAGE_TIMELINE_KEY = 'page-timeline';

/** A page URL's host name, which keys its site in the sites table; undefined for URLs without one. */
export function hostOf(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  return new URL(url).hostname || undefined;
}

/** Pauses or resumes Backstory on every site. */
export async function setPaused(db: BackstoryDB, paused: boolean): Promise<void> {
  await db.settings.put({ key: PAUSED_KEY, value: paused });
}

/** Switches Backstory off (or back on) for one host, keeping the cards hidden there. */
export async function setSiteDisabled(db: BackstoryDB, host: string, disabled: boolean): Promise<void> {
  await db.transaction('rw', db.sites, async () => {
    const site = await db.sites.get(host);
    await db.sites.put({ ...site, host, disabled });
  });
}

/** Stores the reader's preferences, repaired the same way every reader of them repairs them. */
export async function savePreferences(db: BackstoryDB, preferences: Preferences): Promise<Preferences> {
  const clean = readPreferences(preferences);
  await db.settings.put({ key: PREFERENCES_KEY, value: clean });
  return clean;
}

/**
 * Changes some preferences and keeps the others as stored, in one transaction: two quick
 * changes (density, then theme) each keep the other's.
 */
export async function changePreferences(db: BackstoryDB, change: Partial<Preferences>): Promise<Preferences> {
  return db.transaction('rw', db.settings, async () => {
    const stored = readPreferences((await db.settings.get(PREFERENCES_KEY))?.value);
    return savePreferences(db, { ...stored, ...change });
  });
}

/** Hides a card's mentions on the site of `url`; false when the URL has no host. */
export async function hideCardOnSite(db: BackstoryDB, url: string, cardId: string): Promise<boolean> {
  const host = hostOf(url);
  if (!host) return false;
  await db.transaction('rw', db.sites, async () => {
    const site = (await db.sites.get(host)) ?? { host, disabled: false };
    const hidden = new Set(site.hiddenCards ?? []);
    hidden.add(cardId);
    await db.sites.put({ ...site, hiddenCards: [...hidden] });
  });
  return true;
}

/** Marks a card on one host again: it leaves the cards hidden there ("Don't mark on this site"). */
export async function showCardOnSite(db: BackstoryDB, host: string, cardId: string): Promise<void> {
  await db.transaction('rw', db.sites, async () => {
    const site = await db.sites.get(host);
    if (!site?.hiddenCards?.includes(cardId)) return;
    await db.sites.put({ ...site, hiddenCards: site.hiddenCards.filter((id) => id !== cardId) });
  });
}
