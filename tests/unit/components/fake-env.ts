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

/** A browser for component tests: a tab showing `pageCards`, or no tab at all. */
export function fakeEnv(options: { tab?: TargetTab; pageCards?: PageCard[]; unreadable?: boolean } = {}) {
  const calls: EnvCalls = { refreshes: 0, tabRequests: [], opened: [], packsOpened: 0, closed: 0 };
  const env: ManagerEnv = {
    targetTab: async () => options.tab,
    requestTab: (async (tabId: number, method: TabMethod, params: unknown) => {
      calls.tabRequests.push({ tabId, method, params });
      if (options.unreadable)
        throw new Error('Could not establish connection. Receiving end does not exist.');
      if (method === 'tab.mentions') return { cards: options.pageCards ?? [] };
      if (method === 'tab.reveal') return { found: true };
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
