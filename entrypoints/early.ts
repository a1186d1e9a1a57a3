import { listenEarlyForEscape } from '@/lib/content/card/escape-key';
import { isHtmlDocument } from '@/lib/content/html-document';
import { noteMark, timed, WAKE_MARK } from '@/lib/content/task-timing';
import { nativeSend, requestWith } from '@/lib/protocol/request';

// Chrome stops an idle extension worker. Started again only when entrypoints/content asks
// about the page at document_idle, its start (60 to 110 ms on the benchmark machine) was
// all on the way to the first highlight. This script asks it to wake as the page starts
// loading, so that work overlaps the page's own; nothing about the page is sent, and the
// reading script still asks for the page's state itself, when it is current.
//
// It also adds the card's Escape listener ahead of the page's own (see
// lib/content/card/escape-key.ts): only a listener added before any page script runs is
// sure to see the key.
//
// An unlisted script, put in the manifest's content scripts by wxt.config.ts: WXT's content
// script wrapper would bring its context and webextension-polyfill (13,850 bytes in all) into a
// script that runs before every page is shown and needs neither.
export default defineUnlistedScript({
  main() {
    // Documents that are never read need no wake-up.
    if (!isHtmlDocument(document)) return;
    noteMark(WAKE_MARK);
    // Before any page script can add a key listener that stops Escape for the card.
    listenEarlyForEscape(window);
    const send = nativeSend();
    if (!send) return;
    timed(true, 'wake', () => {
      requestWith(send, 'worker.wake', {}).catch(() => undefined);
    });
  },
});
