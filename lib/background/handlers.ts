import { toPackCard } from '../db/cards';
import { hideCardOnSite, hostOf } from '../db/reader-settings';
import type { BackstoryDB } from '../db/schema';
import type { Matcher } from '../match';
import type { Card } from '../pack/types';
import { MENTIONS_PER_SCAN } from '../protocol/limits';
import type { BlockMention, Method, Params, Response, Result } from '../protocol/messages';
import { parseRequest } from '../protocol/parse';
import type { MatcherService } from './matcher-service';
import { isPaused, pageState } from './site-state';
import type { ToolbarBadge } from './toolbar-badge';

/** What the handlers need; the background entrypoint passes the real ones, tests their own. */
export interface HandlerDeps {
  db: BackstoryDB;
  matchers: MatcherService;
  /** Opens the card manager in a tab (browser.tabs.create in the extension). */
  openManager: (cardId?: string) => Promise<void>;
  /** Shows the pause and switched-off sites on the toolbar button; none in most tests. */
  badge?: Pick<ToolbarBadge, 'showPage' | 'showPause' | 'ticket'>;
  /** Has the pages on `host` in other tabs than `except` read again (refreshSiteTabs); none in most tests. */
  refreshSite?: (host: string, except?: number) => Promise<void>;
}

/** Who sent a request, as the browser reports it. */
export interface RequestSender {
  /** The tab of a content script; absent for the extension's own pages. */
  tabId?: number;
  /**
   * The address of the page a content script runs in, as the browser reports it; absent for
   * the extension's own pages. A request about a page must name a page on the same site.
   */
  pageUrl?: string;
}

/**
 * What the handlers need to know of a message's sender. `extensionBase` is the extension's own
 * root URL: its pages (the popup, or the manager in a tab) are not pages being read.
 */
export function requestSender(
  sender: { tab?: { id?: number }; url?: string },
  extensionBase: string,
): RequestSender {
  const tabId = sender.tab?.id;
  const fromPage = tabId !== undefined && sender.url !== undefined && !sender.url.startsWith(extensionBase);
  return {
    ...(tabId === undefined ? {} : { tabId }),
    ...(fromPage ? { pageUrl: sender.url } : {}),
  };
}

/**
 * Refuses a request that names a page on another site than the one it came from. A page's
 * own navigation (history.pushState) cannot change its origin, so the hosts always agree for
 * a content script that reports `location.href`; a mismatch means a bug or a forged request,
 * and answering it could read or change another site's switch.
 */
function sameSite(method: Method, params: unknown, sender: RequestSender): string | undefined {
  const named = (params as { url?: unknown }).url;
  if (sender.pageUrl === undefined || typeof named !== 'string') return undefined;
  const asked = hostOf(named);
  const from = hostOf(sender.pageUrl);
  if (asked === from) return undefined;
  return `${method} refused: it names a page on ${asked ?? 'no site'} but came from a page on ${from ?? 'no site'}`;
}

/**
 * The mentioned cards plus the cards they link to (one hop), so the card can switch to a
 * related card in place without another round trip.
 */
async function cardsWithRelated(db: BackstoryDB, ids: Set<string>): Promise<Map<string, Card>> {
  // A Map, not an object: a card may be called "constructor", which every object has.
  const cards = new Map<string, Card>();
  const add = (found: (Card | undefined)[]) => {
    for (const card of found) if (card) cards.set(card.id, toPackCard(card));
  };
  if (ids.size === 0) return cards;
  add(await db.cards.bulkGet([...ids]));
  const related = [...new Set([...cards.values()].flatMap((card) => card.related ?? []))].filter(
    (id) => !cards.has(id),
  );
  // Most cards link to nothing: no second read then.
  if (related.length > 0) add(await db.cards.bulkGet(related));
  return cards;
}

/**
 * How many mentions one scan may have the matcher make in all, counting those of cards
 * hidden on the site and those made again when a block is asked for more.
 */
export const SCAN_WALK_LIMIT = MENTIONS_PER_SCAN * 10;

/**
 * The first `room` mentions of `text` whose cards are not all hidden on the site, each with
 * its shown cards. Hidden cards' mentions do not take places: the matcher is asked for more
 * while they fill its answer. Every mention it makes is taken from `walk`, which the whole
 * scan shares, so a page that repeats a hidden term millions of times, in one block or in
 * thousands, costs the worker a bounded amount.
 */
function shownMentions(
  matcher: Matcher,
  text: string,
  room: number,
  hidden: ReadonlySet<string>,
  walk: { left: number },
): Omit<BlockMention, 'block'>[] {
  let shown: Omit<BlockMention, 'block'>[] = [];
  let want = Math.min(room, walk.left);
  while (want > 0) {
    const found = matcher.find(text, want);
    walk.left -= found.length;
    shown = [];
    for (const { start, end, cardIds } of found) {
      const ids = hidden.size === 0 ? cardIds : cardIds.filter((id) => !hidden.has(id));
      if (ids.length === 0) continue;
      shown.push({ start, end, cardIds: ids });
      if (shown.length === room) return shown;
    }
    if (found.length < want) return shown;
    // Asked again from the block's start, for more: only while the scan can pay for it.
    const next = Math.min(want * 4, walk.left);
    if (next <= want) return shown;
    want = next;
  }
  return shown;
}

type Handlers = { [M in Method]: (params: Params<M>, sender: RequestSender) => Promise<Result<M>> };

function createHandlers({ db, matchers, openManager, badge, refreshSite }: HandlerDeps): Handlers {
  return {
    // Every page asks this as it is read and again after each change in the popup: the one
    // moment the background knows a tab's state, so its badge is set here (not awaited: the
    // page is answered first).
    'page.state': async ({ url }, { tabId }) => {
      const ticket = badge?.ticket();
      const { enabled, paused, siteOff, host, preferences, timeline } = await pageState(db, url);
      if (tabId !== undefined)
        void badge?.showPage(tabId, { paused, siteOff, ...(host ? { host } : {}) }, ticket);
      return { enabled, preferences, ...(timeline ? { timeline } : {}) };
    },
    'page.scan': async ({ url, blocks, shown = [] }) => {
      // Asked for at once, beside the page's state: the two reads overlap, and the matcher is
      // needed unless Backstory is off on this page.
      const current = matchers.current();
      void current.catch(() => undefined); // Reported below when needed; not unhandled.
      const state = await pageState(db, url);
      if (!state.enabled) return { enabled: false, mentions: [], cards: {}, preferences: state.preferences };
      const matcher = await current;
      const mentions: BlockMention[] = [];
      const ids = new Set<string>();
      const walk = { left: SCAN_WALK_LIMIT };
      for (
        let block = 0;
        block < blocks.length && mentions.length < MENTIONS_PER_SCAN && walk.left > 0;
        block++
      ) {
        const room = MENTIONS_PER_SCAN - mentions.length;
        for (const found of shownMentions(matcher, blocks[block] as string, room, state.hiddenCards, walk)) {
          mentions.push({ block, ...found });
          for (const id of found.cardIds) ids.add(id);
        }
      }
      // An open card outlives its mention for a while (a live page rewrote it): it is
      // answered too, so it shows edits; `gone` below says if it was deleted or hidden.
      for (const id of shown) if (!state.hiddenCards.has(id)) ids.add(id);
      const cards = await cardsWithRelated(db, ids);
      // Said outright: a hidden card may still be in `cards`, as a related card of another.
      const gone = shown.filter((id) => state.hiddenCards.has(id) || !cards.has(id));
      return {
        enabled: true,
        mentions,
        cards: Object.fromEntries(cards),
        preferences: state.preferences,
        ...(shown.length > 0 ? { gone } : {}),
      };
    },
    'settings.changed': async () => {
      const ticket = badge?.ticket();
      const paused = await isPaused(db);
      await badge?.showPause(paused, ticket);
      return { paused };
    },
    'site.hideCard': async ({ url, cardId }, { tabId }) => {
      const hidden = await hideCardOnSite(db, url, cardId);
      // The asking page repaints itself; other tabs on the site are told (not awaited).
      const host = hostOf(url);
      if (hidden && host) refreshSite?.(host, tabId).catch(() => undefined);
      return { hidden };
    },
    'manager.open': async ({ cardId }) => {
      await openManager(cardId);
      return { opened: true };
    },
  };
}

/**
 * Builds the background's single entry point: validates a raw message and answers it.
 * Pure apart from its dependencies, so unit tests call it directly.
 */
export function createRequestHandler(
  deps: HandlerDeps,
): (message: unknown, sender?: RequestSender) => Promise<Response> {
  const handlers = createHandlers(deps);
  return async (message, sender = {}) => {
    const parsed = parseRequest(message);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const { method, params } = parsed.request;
    const refused = sameSite(method, params, sender);
    if (refused) return { ok: false, error: refused };
    try {
      const handler = handlers[method] as (
        p: typeof params,
        from: RequestSender,
      ) => Promise<Result<typeof method>>;
      return { ok: true, result: await handler(params, sender) };
    } catch (error) {
      return {
        ok: false,
        error: `${method} failed: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  };
}
