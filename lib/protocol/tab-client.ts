import { browser } from 'wxt/browser';
import { request } from './client';
import { PROTOCOL_VERSION, type TabMethod, type TabParams, type TabResult } from './messages';

/** Sends one message to a tab and resolves with the raw answer; tests pass their own. */
export type SendToTab = (tabId: number, message: unknown) => Promise<unknown>;

const sendToTab: SendToTab = (tabId, message) => browser.tabs.sendMessage(tabId, message);

/**
 * Calls the content script of a tab with a typed request. Rejects when the tab has no
 * Backstory content script (browser pages, the store) or the script reports an error.
 */
export async function requestTab<M extends TabMethod>(
  tabId: number,
  method: M,
  params: TabParams<M>,
  send: SendToTab = sendToTab,
): Promise<TabResult<M>> {
  const answer = (await send(tabId, { backstory: PROTOCOL_VERSION, method, params })) as
    | { ok: true; result: TabResult<M> }
    | { ok: false; error: string }
    | undefined;
  if (!answer) throw new Error(`The page did not answer ${method}`);
  if (!answer.ok) throw new Error(answer.error);
  return answer.result;
}

/**
 * Tells the pages on `host`, in every tab but `except` (the one that asked), to read
 * themselves again: a card was hidden on that site. Tabs without us are skipped. The
 * extension may not read tabs' addresses, so each page checks the host itself.
 */
export async function refreshSiteTabs(
  host: string,
  except?: number,
  send: SendToTab = sendToTab,
): Promise<void> {
  await Promise.allSettled(askToRefresh(await browser.tabs.query({}), { host }, send, except));
}

/** Sends `tab.refresh` to each tab that has an id, but `except`; one promise per tab. */
function askToRefresh(
  tabs: readonly { id?: number }[],
  params: TabParams<'tab.refresh'>,
  send: SendToTab,
  except?: number,
): Promise<unknown>[] {
  return tabs.flatMap(({ id }) =>
    id === undefined || id === except ? [] : [requestTab(id, 'tab.refresh', params, send)],
  );
}

/** Tells the background that cards or settings changed; tests pass their own. */
export type NotifyBackground = () => Promise<unknown>;

const notifyBackground: NotifyBackground = () => request('settings.changed', {});

/**
 * Tells every open tab to repaint, after cards or settings changed, and the background, which
 * shows the pause on tabs without Backstory too. Tabs without us are skipped.
 */
export async function refreshAllTabs(
  send: SendToTab = sendToTab,
  notify: NotifyBackground = notifyBackground,
): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.allSettled([notify(), ...askToRefresh(tabs, {}, send)]);
}
