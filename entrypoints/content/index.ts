import { annotatePage } from '@/lib/content/annotator';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    annotatePage(ctx.signal).catch((error: unknown) => {
      // A page must never break because of us; report and stay quiet.
      console.debug('Backstory: page not annotated', error);
    });
  },
});
