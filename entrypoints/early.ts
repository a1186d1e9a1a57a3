import { listenEarlyForEscape } from '@/lib/content/card/escape-key';
import { isHtmlDocument } from '@/lib/content/html-document';

// Adds the card's Escape listener ahead of the page's own (see
// lib/content/card/escape-key.ts): only a listener added before any page script runs is
// sure to see the key.
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
    // Documents that are never read never show a card.
    if (!isHtmlDocument(document)) return;
    listenEarlyForEscape(window);
  },
});
