import { browser } from 'wxt/browser';
import { COMMANDS } from '../protocol/commands';
import { requestTab, type SendToTab } from '../protocol/tab-client';

/** A keyboard command as the browser reports it: its name and, where known, its tab. */
export type CommandListener = (command: string, tab?: { id?: number }) => Promise<void>;

/** Where commands come from; `browser.commands.onCommand` outside tests. */
export interface CommandEvents {
  addListener(listener: CommandListener): void;
}

/**
 * Forwards the keyboard commands to the content script of the active tab. The seams are
 * for tests: WXT's fake browser has no `commands`.
 */
export function relayCommands(events: CommandEvents = browser.commands.onCommand, send?: SendToTab): void {
  events.addListener(async (command, tab) => {
    const direction =
      command === COMMANDS.next ? 'next' : command === COMMANDS.previous ? 'previous' : undefined;
    if (!direction) return;
    const target = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (target === undefined) return;
    await requestTab(target, 'tab.navigate', { direction }, send).catch(() => {
      // The active tab has no Backstory content script (a browser page, the store): nothing to do.
    });
  });
}
