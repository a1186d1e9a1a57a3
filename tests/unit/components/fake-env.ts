import type { ManagerEnv, TargetTab } from '@/components/manager/env';
import type { PageCard, TabMethod } from '@/lib/protocol/messages';

/** What a fake browser recorded. */
export interface EnvCalls {
  refreshes: number;
  tabRequests: { tabId: number; method: TabMethod; params: unknown }[];
  opened: (string | undefined)[];
  packsOpened: number;
  closed: number;
}

/** What the fake tab shows: its cards, now or as the page changes; cards whose mentions are gone. */
export interface FakeTabOptions {
  tab?: TargetTab;
  pageCards?: PageCard[] | (() => PageCard[]);
  /** Cards listed but no longer on the page when revealed. */
  gone?: string[];
  unreadable?: boolean;
}

/** A browser for component tests: a tab showing `pageCards`, or no tab at all. */
export function fakeEnv(options: FakeTabOptions = {}) {
  const calls: EnvCalls = { refreshes: 0, tabRequests: [], opened: [], packsOpened: 0, closed: 0 };
  const env: ManagerEnv = {
    targetTab: async () => options.tab,
    requestTab: (async (tabId: number, method: TabMethod, params: unknown) => {
      calls.tabRequests.push({ tabId, method, params });
      if (options.unreadable)
        throw new Error('Could not establish connection. Receiving end does not exist.');
      const { pageCards = [] } = options;
      if (method === 'tab.mentions')
        return { cards: typeof pageCards === 'function' ? pageCards() : pageCards };
      if (method === 'tab.reveal')
        return { found: !options.gone?.includes((params as { cardId: string }).cardId) };
      return { painted: 0 };
    }) as ManagerEnv['requestTab'],
    refreshTabs: async () => {
      calls.refreshes++;
    },
    openInTab: async (cardId) => {
      calls.opened.push(cardId);
    },
    openPacks: async () => {
      calls.packsOpened++;
    },
    close: () => {
      calls.closed++;
    },
  };
  return { env, calls };
}
