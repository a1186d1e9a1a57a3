import type { TargetTab } from './env';

/** How the manager page was opened, read from its URL. */
export interface PageParams {
  /** `popup`: the toolbar popup; `tab`: the full-tab manager (`popup.html?view=tab`). */
  view: 'popup' | 'tab';
  /** The card to open for editing (`#card=<id>`). */
  cardId?: string;
  /** Open at import and export (`#packs`). */
  packs?: true;
  /** Test and debug override of the active tab (`?tab=<id>&url=<page url>`). */
  tab?: TargetTab;
}

/** Reads the manager's URL: `popup.html?view=tab#card=nato`, `?view=tab#packs`, `popup.html?tab=12&url=…`. */
export function readPageParams(href: string): PageParams {
  const url = new URL(href);
  const params: PageParams = { view: url.searchParams.get('view') === 'tab' ? 'tab' : 'popup' };
  const hash = new URLSearchParams(url.hash.slice(1));
  const card = hash.get('card');
  if (card) params.cardId = card;
  if (hash.has('packs')) params.packs = true;
  const tabId = Number(url.searchParams.get('tab'));
  if (Number.isInteger(tabId) && tabId > 0) {
    const pageUrl = url.searchParams.get('url');
    params.tab = { id: tabId, ...(pageUrl ? { url: pageUrl } : {}) };
  }
  return params;
}
