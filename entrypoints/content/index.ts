// First, so that its mark comes before everything else is evaluated (see script-start.ts).
import '@/lib/content/script-start';
import { browser } from 'wxt/browser';
import { cardRenderer } from '@/components/card/preact-card-renderer';
import { Annotator } from '@/lib/content/annotator';
import { startCardFeature } from '@/lib/content/card';
import { clearLeftovers } from '@/lib/content/leftovers';
import { MentionStore } from '@/lib/content/mention-store';
import { PAGE_MATCHES } from '@/lib/content/page-matches';
import { quietWxt } from '@/lib/content/quiet-wxt';
import { scriptStart } from '@/lib/content/script-start';
import { createTabHandler } from '@/lib/content/tab-handlers';
import { noteSlice } from '@/lib/content/task-timing';

export default defineContentScript({
  matches: PAGE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
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
      // Its mentions come off at once; the page is then read again for the background's answer.
      onHidden: (cardId) => {
        annotator.hideCard(cardId);
        void refresh();
      },
    });
    const handle = createTabHandler({
      store,
      refresh,
      host: () => location.hostname || undefined,
      reveal: card.reveal,
      navigate: card.navigate,
    });
    const onMessage = (message: unknown) => handle(message);
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    // Single-page apps change the URL without a page load: read the new page. The event's
    // name is public (it holds the extension's id), so a page can fire it too; but only WXT's
    // own event carries the new URL in this script's world (a page's properties on an event
    // stay in the page's world). WXT raises it as a navigation starts, so a link to another
    // page and a download raise it too: the page is read again only once the address it
    // names is this document's, and not when only the fragment moved (an anchor jump; a hash
    // router's new content shows in the page's mutations, which are read anyway).
    const withoutFragment = (url: string) => url.split('#')[0];
    let readAt = withoutFragment(location.href);
    const onLocationChange = (event: Event) => {
      const next = (event as Partial<WxtWindowEventMap['wxt:locationchange']>).newUrl?.href;
      if (next === undefined) return;
      ctx.setTimeout(() => {
        const now = withoutFragment(location.href);
        if (location.href !== next || now === readAt) return;
        readAt = now;
        void refresh();
      }, 0);
    };
    // Listening starts WXT's watch on the address. Where the document_start script ran, its
    // listener stops the event before the page's scripts (and this one) see it, and hands it
    // over here (lib/content/quiet-wxt.ts).
    ctx.addEventListener(window, 'wxt:locationchange', onLocationChange);
    const quiet = quietWxt();
    if (quiet) {
      // WXT posted its announcement of this copy as it made `ctx`; it is dispatched after
      // this task, and the early listener stops the message that carries this id.
      const announced = (ctx as unknown as { id?: unknown }).id;
      if (typeof announced === 'string') quiet.announcement = announced;
      quiet.onLocationChange = onLocationChange;
      ctx.onInvalidated(() => {
        if (quiet.onLocationChange === onLocationChange) quiet.onLocationChange = undefined;
      });
    }
    // WXT's context ends when a newer copy of this script announces itself, by an event a
    // page can fire as well. While the extension is there no newer copy comes (Firefox puts
    // one in only after the old copy was stopped), so the announcement is kept from WXT's
    // listener then: a page cannot switch Backstory off by imitating it. The document_start
    // script's listener does this first (and keeps this copy's own announcement from the
    // page); this one is for a frame where it did not run.
    ctx.addEventListener(
      window as EventTarget,
      // WXT gives a name starting with "wxt:" the extension's own prefix, as it does its event.
      'wxt:content-script-started',
      (event) => {
        if (browser.runtime?.id) event.stopImmediatePropagation();
      },
      { capture: true },
    );
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
    noteSlice('start', scriptStart());
  },
});
