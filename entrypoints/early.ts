import { isHtmlDocument } from '@/lib/content/html-document';
import { timed, WAKE_MARK } from '@/lib/content/task-timing';
import { requestWith, type Send } from '@/lib/protocol/request';

/** The browser's own messaging, promise-based in both: `browser` in Firefox, `chrome` in Chrome. */
interface Messaging {
  runtime?: { sendMessage(message: unknown): Promise<unknown> };
}

// Chrome stops an idle extension worker. Started again only when entrypoints/content asks
// about the page at document_idle, its start (60 to 110 ms on the benchmark machine) was
// all on the way to the first highlight. This script asks it to wake as the page starts
// loading, so that work overlaps the page's own; nothing about the page is sent, and the
// reading script still asks for the page's state itself, when it is current.
//
// An unlisted script, put in the manifest's content scripts by wxt.config.ts: WXT's content
// script wrapper would bring its context and webextension-polyfill (14 KB in all) into a
// script that runs before every page is shown and needs neither.
export default defineUnlistedScript({
  main() {
    // Documents that are never read need no wake-up.
    if (!isHtmlDocument(document)) return;
    performance.mark(WAKE_MARK);
    const scope = globalThis as { browser?: Messaging; chrome?: Messaging };
    const runtime = scope.browser?.runtime ?? scope.chrome?.runtime;
    if (!runtime) return;
    const send: Send = (message) => runtime.sendMessage(message);
    timed(true, 'wake', () => {
      requestWith(send, 'worker.wake', {}).catch(() => undefined);
    });
  },
});
