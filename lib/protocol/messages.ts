/**
 * The one typed protocol between the content script, the background and the UI.
 * Every request is declared here once: method name -> params -> result.
 */
import type { Card } from '../pack/types';
import type { Preferences } from './preferences';

/** Protocol version carried by every request, so stray messages are told apart. */
export const PROTOCOL_VERSION = 1;

/** A mention inside one text block sent by the content script. */
export interface BlockMention {
  /** Index of the block in the request's `blocks`. */
  block: number;
  /** UTF-16 offsets in that block's text. */
  start: number;
  end: number;
  cardIds: string[];
}

/** What the background answers for a page's text. */
export interface ScanResult {
  /** False when Backstory is paused or switched off for the page's site: paint nothing. */
  enabled: boolean;
  mentions: BlockMention[];
  /** Every card a mention refers to, so a hover needs no further round trip. */
  cards: Record<string, Card>;
  /** Of the cards asked for by id (`shown`), those deleted or hidden on the site; only when some were asked for. */
  gone?: string[];
  preferences: Preferences;
}

/** Whether Backstory reads the page at all, asked before the page's text is collected. */
export interface PageStateResult {
  /** False when Backstory is paused or switched off for the page's site. */
  enabled: boolean;
  preferences: Preferences;
  /**
   * Present when a developer turned on timing on pages' timelines (PAGE_TIMELINE_KEY in
   * lib/db/reader-settings.ts); the content script then leaves its timing there.
   */
  timeline?: true;
}

/** Every request, by method name. */
export interface Protocol {
  /** Whether to read the page at `url`: asked first, so a switched-off site's text is never collected. */
  'page.state': { params: { url: string }; result: PageStateResult };
  /**
   * Finds mentions in the text blocks of the page at `url`. `shown`: cards open on the page,
   * answered in `cards` (with their related cards) even when the blocks do not mention them,
   * unless they were deleted or hidden on the site.
   */
  'page.scan': { params: { url: string; blocks: string[]; shown?: string[] }; result: ScanResult };
  /** "Don't mark this card on this site": the card's mentions disappear on the page's host. */
  'site.hideCard': { params: { url: string; cardId: string }; result: { hidden: boolean } };
  /**
   * Sent by the popup after it changed cards or settings, beside each tab's refresh: the
   * background shows the pause on the toolbar button, tabs without Backstory included.
   */
  'settings.changed': { params: Record<string, never>; result: { paused: boolean } };
  /** Opens the card manager in a tab, at the given card when there is one. */
  'manager.open': { params: { cardId?: string }; result: { opened: boolean } };
}

/** A card mentioned on a page, for the popup's "On this page" list. */
export interface PageCard {
  id: string;
  title: string;
  /** How many mentions refer to the card. */
  count: number;
}

/**
 * Requests to the content script of one tab, sent by the popup (through tabs.sendMessage)
 * or relayed by the background (keyboard commands).
 */
export interface TabProtocol {
  /**
   * Cards or settings changed: ask the background again and repaint. With `host`, only a
   * page on that host does (a card was hidden on that site from another tab); the others
   * answer with what they have painted.
   */
  'tab.refresh': { params: { host?: string }; result: { painted: number } };
  /** The cards mentioned on the page, in order of first mention, with counts. */
  'tab.mentions': { params: Record<string, never>; result: { cards: PageCard[] } };
  /** Scrolls to the first mention of the card and opens its card. */
  'tab.reveal': { params: { cardId: string }; result: { found: boolean } };
  /** Moves to the next or previous mention and opens its card (keyboard commands). */
  'tab.navigate': { params: { direction: 'next' | 'previous' }; result: { found: boolean } };
}

export type TabMethod = keyof TabProtocol;
export type TabParams<M extends TabMethod> = TabProtocol[M]['params'];
export type TabResult<M extends TabMethod> = TabProtocol[M]['result'];

/** The envelope of a request to a tab. */
export interface TabRequest<M extends TabMethod = TabMethod> {
  backstory: typeof PROTOCOL_VERSION;
  method: M;
  params: TabParams<M>;
}

export type Method = keyof Protocol;
export type Params<M extends Method> = Protocol[M]['params'];
export type Result<M extends Method> = Protocol[M]['result'];

/** The envelope of a request as it crosses contexts. */
export interface Request<M extends Method = Method> {
  backstory: typeof PROTOCOL_VERSION;
  method: M;
  params: Params<M>;
}

/** The envelope of an answer: a result, or an error that says what went wrong. */
export type Response<M extends Method = Method> =
  | { ok: true; result: Result<M> }
  | { ok: false; error: string };
