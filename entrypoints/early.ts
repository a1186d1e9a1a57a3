import { listenEarlyForEscape } from '@/lib/content/card/escape-key';
import { isHtmlDocument } from '@/lib/content/html-document';
import { quietWxtEvents } from '@/lib/content/quiet-wxt';

/** The extension's runtime, without the polyfill (see below). */
type Runtime = { chrome?: { runtime?: { id?: string } } };
const extensionId = () => (globalThis as Runtime).chrome?.runtime?.id;

// Adds listeners that must come before the page's own, since only a listener added before
// any page script runs is sure to be first: the card's Escape (see
// lib/content/card/escape-key.ts), and those that keep WXT's messages and events from the
// page (lib/content/quiet-wxt.ts).
//
// It no longer asks a stopped worker to wake: Chrome starts it as the navigation starts
// (entrypoints/background.ts), Firefox keeps the background page running, and after a
// restart pages were painted no later without the message (docs/annotation-bench.md,
// "Session 26").
//
// An unlisted script, put in the manifest's content scripts by wxt.config.ts: WXT's content
// script wrapper would bring its context and webextension-polyfill (13,850 bytes in all) into a
// script that runs before every page is shown and needs neither.
export default defineUnlistedScript({
  main() {
    const id = extensionId();
    // The reading script starts in every document, read or not, and WXT announces it.
    if (id) quietWxtEvents(window, id, () => extensionId() !== undefined);
    // Documents that are never read never show a card.
    if (!isHtmlDocument(document)) return;
    listenEarlyForEscape(window);
  },
});
