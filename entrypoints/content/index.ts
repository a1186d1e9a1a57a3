import { browser } from 'wxt/browser';
import { cardRenderer } from '@/components/card/preact-card-renderer';
import { Annotator } from '@/lib/content/annotator';
import { startCardFeature } from '@/lib/content/card';
import { clearLeftovers } from '@/lib/content/leftovers';
import { MentionStore } from '@/lib/content/mention-store';
import { PAGE_MATCHES } from '@/lib/content/page-matches';
import { createTabHandler } from '@/lib/content/tab-handlers';
import { START_MARK } from '@/lib/content/task-timing';

export default defineContentScript({
  matches: PAGE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    performance.mark(START_MARK);
    // Only Firefox puts a new copy into tabs where an old one left its marks.
    if (import.meta.env.FIREFOX) clearLeftovers();
    const store = new MentionStore();
    const annotator = new Annotator(ctx.signal, store);
    const refresh = () =>
      annotator.refresh().catch((error: unknown) => {
        // A page must never break because of us; report quietly and stay out of the way.
        console.debug('Backstory: page not annotated', error);
        return 0;
      });
    const card = startCardFeature(ctx.signal, store, document, {
      renderer: cardRenderer,
      onHidden: () => void refresh(),
    });
    const handle = createTabHandler({ store, refresh, reveal: card.reveal, navigate: card.navigate });
    const onMessage = (message: unknown) => handle(message);
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    // Single-page apps change the URL without a page load: read the new page.
    ctx.addEventListener(window, 'wxt:locationchange', () => void refresh());
    // Chromium leaves this script running when Backstory is turned off, removed or updated,
    // and only `runtime.id` going away tells. Reading `ctx.isInvalid` looks, and once it is
    // gone aborts ctx.signal, which takes the highlights, the style and the card off the
    // page: at the reader's first move, key or scroll. (Firefox stops the script itself and
    // removes the manifest's style; a new copy clears what is left, see clearLeftovers.)
    if (!import.meta.env.FIREFOX) {
      const checkAlive = () => void ctx.isInvalid;
      for (const type of ['pointermove', 'pointerdown', 'keydown', 'scroll', 'visibilitychange'])
        ctx.addEventListener(document, type, checkAlive, { capture: true, passive: true });
    }
    void refresh();
  },
});
