import type { Worker } from '@playwright/test';
import type { Card } from '@/lib/pack/types';

// The slice of Chromium's extension API these functions call inside the service worker.
declare const chrome: {
  tabs: {
    query(query: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
    setZoom(tabId: number, zoomFactor: number): Promise<void>;
  };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
};

/** The keyboard commands and the keys the browser bound them to. */
export async function boundCommands(worker: Worker): Promise<[string | undefined, string | undefined][]> {
  const commands = await worker.evaluate(() => chrome.commands.getAll());
  return commands.map((command) => [command.name, command.shortcut]);
}

/** Sets the browser's own zoom of the active tab, as Ctrl and + does (1 is 100%). */
export function zoomActiveTab(worker: Worker, factor: number): Promise<void> {
  return worker.evaluate(async (factor) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    await chrome.tabs.setZoom(tab.id, factor);
  }, factor);
}

/**
 * Sends a tab request from the service worker to the active tab, exactly as the keyboard
 * command relay does (lib/background/commands.ts): the real message, the real listener.
 */
export function sendToActiveTab(
  worker: Worker,
  method: string,
  params: Record<string, unknown>,
): Promise<unknown> {
  return worker.evaluate(
    async ([method, params]) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) throw new Error('no active tab');
      return chrome.tabs.sendMessage(tab.id, { backstory: 1, method, params });
    },
    [method, params] as const,
  );
}

/**
 * Writes cards straight into the extension's database, bypassing the pack validator, as a
 * corrupted or hand-edited database would hold them, and bumps the card revision so the
 * matcher picks them up on the next scan.
 */
export function putRawCards(worker: Worker, cards: Card[]): Promise<void> {
  return worker.evaluate(async (cards) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('backstory');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const tx = db.transaction(['cards', 'settings'], 'readwrite');
    const now = Date.now();
    for (const card of cards) {
      tx.objectStore('cards').put({ ...card, terms: [], edited: true, created: now, modified: now });
    }
    const settings = tx.objectStore('settings');
    const revision = settings.get('cards-revision');
    revision.onsuccess = () => {
      const value = typeof revision.result?.value === 'number' ? revision.result.value : 0;
      settings.put({ key: 'cards-revision', value: value + 1 });
    };
    await new Promise((ok, fail) => {
      tx.oncomplete = ok;
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, cards);
}

/** The cards the reader chose not to see marked on a host. */
export function hiddenCardsOn(worker: Worker, host: string): Promise<string[]> {
  return worker.evaluate(async (host) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('backstory');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const site = await new Promise<{ hiddenCards?: string[] } | undefined>((ok) => {
      const get = db.transaction('sites').objectStore('sites').get(host);
      get.onsuccess = () => ok(get.result);
    });
    db.close();
    return site?.hiddenCards ?? [];
  }, host);
}
