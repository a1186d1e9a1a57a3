import type { BackstoryDB } from '@/lib/db/schema';
import { useLiveQuery } from '../use-live-query';

/** What the reader decided for one site, live. */
export interface SiteRules {
  /** "Run Backstory on <site>" is off. */
  off: boolean;
  /** The ids of the cards not marked on the site, in the order they were hidden. */
  hiddenCards: string[];
}

const NO_RULES: SiteRules = { off: false, hiddenCards: [] };

/** The site's switch and hidden cards, live; undefined until read or when there is no host. */
export function useSiteRules(db: BackstoryDB, host: string | undefined): SiteRules | undefined {
  return useLiveQuery(async () => {
    if (!host) return undefined;
    const site = await db.sites.get(host);
    return site ? { off: site.disabled === true, hiddenCards: site.hiddenCards ?? [] } : NO_RULES;
  }, [db, host]);
}
