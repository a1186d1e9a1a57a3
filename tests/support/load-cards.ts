import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';

/** A card reduced to what matching needs, for loading large generated dictionaries. */
export interface TermCard {
  id: string;
  title: string;
  aliases?: string[];
}

/**
 * Run in an extension page: empties the card store (the seed cards too), so that a dictionary
 * loaded next is exactly its cards.
 */
export async function clearCardsHere(): Promise<void> {
  const open = indexedDB.open('backstory');
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const tx = db.transaction('cards', 'readwrite');
  tx.objectStore('cards').clear();
  await new Promise<void>((ok, fail) => {
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
  });
  db.close();
}

/**
 * Run inside one of the extension's pages (by Playwright or puppeteer): writes cards
 * straight into the extension's IndexedDB and bumps the card revision, as a card write in
 * the product does.
 */
export async function loadCardsHere(cards: TermCard[]): Promise<void> {
  const open = indexedDB.open('backstory');
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const tx = db.transaction(['cards', 'settings'], 'readwrite');
  const store = tx.objectStore('cards');
  const now = Date.now();
  for (const card of cards) {
    const terms = [card.title, ...(card.aliases ?? [])].map((t) => t.toLowerCase());
    store.put({
      ...card,
      summary: `Generated card for ${card.title}.`,
      terms,
      edited: false,
      created: now,
      modified: now,
    });
  }
  const settings = tx.objectStore('settings');
  const get = settings.get('cards-revision');
  get.onsuccess = () =>
    settings.put({ key: 'cards-revision', value: ((get.result?.value as number) ?? 0) + 1 });
  await new Promise<void>((ok, fail) => {
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
  });
  db.close();
}

/**
 * Writes cards straight into the extension's IndexedDB (from one of its own pages, so the
 * origin is right) and bumps the card revision, as a card write in the product does. Used by
 * tests and benchmarks to install dictionaries of thousands of cards quickly.
 */
export async function loadCards(
  context: BrowserContext,
  extensionId: string,
  cards: TermCard[],
): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.evaluate(loadCardsHere, cards);
  await page.close();
}

/**
 * The sweeps' dictionary: the first `count` city names of the shared corpus's term list
 * (names shorter than 2 characters dropped), one card each.
 */
export function cityCards(corpus: string, count: number): TermCard[] {
  const cities = JSON.parse(readFileSync(join(corpus, 'terms/cities.json'), 'utf8')) as string[];
  return cities
    .filter((name) => name.trim().length >= 2)
    .slice(0, count)
    .map((title, i) => ({ id: `city-${i}`, title }));
}

/**
 * Asks every tab's content script to repaint, as the popup does after a change, and resolves
 * once each has answered (a page answers when its read is done). Throws unless exactly
 * `answering` tabs answered with a result: a tab whose script failed, or never ran, would
 * otherwise let a test go on before the read it waits for.
 */
export async function refreshTabs(
  context: BrowserContext,
  extensionId: string,
  answering = 1,
): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const answers = await page.evaluate(async () => {
    type Tabs = {
      query(q: object): Promise<{ id?: number }[]>;
      sendMessage(id: number, message: unknown): Promise<unknown>;
    };
    const tabs = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs;
    const all = await tabs.query({});
    const refresh = { backstory: 1, method: 'tab.refresh', params: {} };
    const settled = await Promise.allSettled(all.map((tab) => tabs.sendMessage(tab.id as number, refresh)));
    // The popup page itself has no content script: its tab fails, like any page without one.
    return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  });
  await page.close();
  const ok = answers.filter((answer) => (answer as { ok?: unknown } | undefined)?.ok === true);
  if (ok.length !== answering)
    throw new Error(
      `tab.refresh: ${ok.length} tabs answered, expected ${answering}: ${JSON.stringify(answers)}`,
    );
}

/**
 * Run in the extension's worker or one of its pages: resolves once the extension has made its
 * database. An `indexedDB.open` with no version, asked before the extension's own, would make
 * an empty database of version 1 under its name.
 */
export async function databaseMade(): Promise<void> {
  // No function bound to a name in here: tsx (the benchmarks) would wrap it in a helper that
  // only exists in Node.
  while (!(await indexedDB.databases()).some((db) => db.name === 'backstory'))
    await new Promise((wake) => setTimeout(wake, 10));
}

/** What `putRecordHere` writes: one record into one store. */
export interface RecordWrite {
  store: 'settings' | 'sites';
  record: Record<string, unknown>;
}

/**
 * Run inside one of the extension's pages (by Playwright or puppeteer): puts one record into
 * a store of the extension's IndexedDB, as it is, with no message to any tab.
 */
export async function putRecordHere({ store, record }: RecordWrite): Promise<void> {
  const open = indexedDB.open('backstory');
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
  const tx = db.transaction(store, 'readwrite');
  tx.objectStore(store).put(record);
  await new Promise<void>((ok, fail) => {
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
  });
  db.close();
}

/** Puts one record into a store of the extension's IndexedDB (a setting, a site switch…). */
export async function putRecord(
  context: BrowserContext,
  extensionId: string,
  store: RecordWrite['store'],
  record: Record<string, unknown>,
): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.evaluate(putRecordHere, { store, record });
  await page.close();
}
