import { browser } from 'wxt/browser';
import { request } from '@/lib/protocol/client';
import type { TabMethod, TabParams, TabResult } from '@/lib/protocol/messages';
import { refreshAllTabs, requestTab } from '@/lib/protocol/tab-client';

/** The browser tab the manager acts on: "On this page" and the site switch. */
export interface TargetTab {
  id: number;
  /** Readable only with the activeTab grant (or the test override); absent otherwise. */
  url?: string;
}

/** Everything the manager needs from the browser: tests pass their own. */
export interface ManagerEnv {
  /** The tab the reader was looking at when opening the popup; undefined in the tab view. */
  targetTab(): Promise<TargetTab | undefined>;
  /** A typed request to the content script of a tab; rejects when the tab has none. */
  requestTab<M extends TabMethod>(tabId: number, method: M, params: TabParams<M>): Promise<TabResult<M>>;
  /** Tells every open tab to repaint after cards or settings changed. */
  refreshTabs(): Promise<void>;
  /** Opens the manager in a full tab, at a card when given. */
  openInTab(cardId?: string): Promise<void>;
  /** Opens the manager in a full tab at import and export, and closes the popup. */
  openPacks(): Promise<void>;
  /** Closes the popup; does nothing in a tab. */
  close(): void;
}

/**
 * The real browser. `override` stands in for the active-tab lookup (`popup.html?tab=…`):
 * end-to-end tests open the popup as an ordinary page, where "the active tab" is itself.
 */
export function browserEnv(options: { isPopup: boolean; override?: TargetTab }): ManagerEnv {
  return {
    targetTab: async () => {
      if (options.override) return options.override;
      if (!options.isPopup) return undefined;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id === undefined ? undefined : { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
    },
    requestTab: (tabId, method, params) => requestTab(tabId, method, params),
    refreshTabs: () => refreshAllTabs(),
    openInTab: async (cardId) => {
      await request('manager.open', cardId === undefined ? {} : { cardId });
    },
    openPacks: async () => {
      await browser.tabs.create({ url: browser.runtime.getURL('/popup.html?view=tab#packs') });
      if (options.isPopup) window.close();
    },
    close: () => {
      if (options.isPopup) window.close();
    },
  };
}
