import { browser } from 'wxt/browser';
import { Annotator } from '@/lib/content/annotator';
import { MentionStore } from '@/lib/content/mention-store';
import { createTabHandler } from '@/lib/content/tab-handlers';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const store = new MentionStore();
    const annotator = new Annotator(ctx.signal, store);
    const refresh = () =>
      annotator.refresh().catch((error: unknown) => {
        // A page must never break because of us; report quietly and stay out of the way.
        console.debug('Backstory: page not annotated', error);
        return 0;
      });
    const handle = createTabHandler({ store, refresh });
    const onMessage = (message: unknown) => handle(message);
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    // Single-page apps change the URL without a page load: read the new page.
    ctx.addEventListener(window, 'wxt:locationchange', () => void refresh());
    void refresh();
  },
});
