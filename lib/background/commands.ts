import { browser } from 'wxt/browser';
import { requestTab } from '../protocol/tab-client';

/** Manifest command names, bound to keys in wxt.config.ts (rebindable by the reader). */
export const COMMANDS = { next: 'next-mention', previous: 'previous-mention' } as const;

/** Forwards the keyboard commands to the content script of the active tab. */
export function relayCommands(): void {
  browser.commands.onCommand.addListener(async (command, tab) => {
    const direction =
      command === COMMANDS.next ? 'next' : command === COMMANDS.previous ? 'previous' : undefined;
    if (!direction) return;
    const target = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (target === undefined) return;
    await requestTab(target, 'tab.navigate', { direction }).catch(() => {
      // The active tab has no Backstory content script (a browser page, the store): nothing to do.
    });
  });
}
