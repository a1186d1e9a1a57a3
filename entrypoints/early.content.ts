import { askEarly } from '@/lib/content/early-state';
import { timed, WAKE_MARK } from '@/lib/content/task-timing';
import { request } from '@/lib/protocol/client';

// Wakes the background while the page loads; entrypoints/content reads the page once it is
// idle and takes this answer (lib/content/early-state.ts says why). Nothing else runs here:
// this script is evaluated on every page, before the page's own scripts.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    performance.mark(WAKE_MARK);
    timed(true, 'wake', () => askEarly(location.href, (url) => request('page.state', { url })));
  },
});
