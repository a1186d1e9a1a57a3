import { request } from '../protocol/client';
import type { PageStateResult, ScanResult } from '../protocol/messages';

/** What the annotator asks the background; tests pass their own. */
export interface PageBackground {
  /** Whether to read the page at all (paused, or switched off for its site). */
  state(url: string): Promise<PageStateResult>;
  /** The mentions in the page's text blocks, and the cards in `shown` (see MentionStore.shown). */
  scan(url: string, blocks: string[], shown: readonly string[]): Promise<ScanResult>;
}

/** The background as the content script reaches it: through the extension's messages. */
export const extensionBackground: PageBackground = {
  state: (url) => request('page.state', { url }),
  scan: (url, blocks, shown) =>
    request('page.scan', { url, blocks, ...(shown.length > 0 ? { shown: [...shown] } : {}) }),
};
