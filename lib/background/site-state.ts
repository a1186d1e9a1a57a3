import type { BackstoryDB } from '../db/schema';

/** Key of the global pause in the settings table. */
export const PAUSED_KEY = 'paused';

/** The host name of a page URL, or undefined for URLs that have none. */
export function hostOf(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  return new URL(url).hostname || undefined;
}

/** Whether Backstory should mark the page at `url`: not paused, site not switched off. */
export async function isEnabledFor(db: BackstoryDB, url: string): Promise<boolean> {
  const host = hostOf(url);
  const [paused, site] = await Promise.all([
    db.settings.get(PAUSED_KEY),
    host ? db.sites.get(host) : Promise.resolve(undefined),
  ]);
  return paused?.value !== true && site?.disabled !== true;
}
