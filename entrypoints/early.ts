import { isHtmlDocument } from '@/lib/content/html-document';
import { timed, WAKE_MARK } from '@/lib/content/task-timing';
import { request } from '@/lib/protocol/client';

// Chrome stops an idle extension worker. Started again only when entrypoints/content asks
// about the page at document_idle, its start (60 to 110 ms on the benchmark machine) was
// all on the way to the first highlight. This script asks it to wake as the page starts
// loading, so that work overlaps the page's own; nothing about the page is sent, and the
// reading script still asks for the page's state itself, when it is current.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    // Documents that are never read need no wake-up.
    if (!isHtmlDocument(document)) return;
    performance.mark(WAKE_MARK);
    timed(true, 'wake', () => {
      request('worker.wake', {}).catch(() => undefined);
    });
  },
});
