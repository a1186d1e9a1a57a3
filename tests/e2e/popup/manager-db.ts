import type { Page } from '@playwright/test';
import type { StoredCard } from '../../../lib/db/records';

// These run inside an extension page (the manager), where the extension's IndexedDB is.

/**
 * Writes stored cards straight into the extension's database in a few large transactions,
 * bumping the card revision as every card write does (lib/db/card-writes.ts).
 */
export async function writeCards(page: Page, cards: StoredCard[]): Promise<void> {
  for (let at = 0; at < cards.length; at += 2500) {
    await page.evaluate(
      async (chunk) => {
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const open = indexedDB.open('backstory');
          open.onsuccess = () => ok(open.result);
          open.onerror = () => fail(open.error);
        });
        const tx = db.transaction(['cards', 'settings'], 'readwrite');
        for (const card of chunk) tx.objectStore('cards').put(card);
        // A card write bumps the revision, as lib/db/card-writes.ts does.
        const settings = tx.objectStore('settings');
        const get = settings.get('cards-revision');
        get.onsuccess = () => settings.put({ key: 'cards-revision', value: (get.result?.value ?? 0) + 1 });
        await new Promise((ok, fail) => {
          tx.oncomplete = ok;
          tx.onerror = () => fail(tx.error);
        });
        db.close();
      },
      cards.slice(at, at + 2500),
    );
  }
}

/** Waits until the stored catalog matches the cards, so the next opening takes the fast path. */
export async function waitForStoredCatalog(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const open = indexedDB.open('backstory');
        open.onsuccess = () => ok(open.result);
      });
      const get = <T>(store: string, key: string) =>
        new Promise<T>((ok) => {
          const request = db.transaction(store).objectStore(store).get(key);
          request.onsuccess = () => ok(request.result);
        });
      const [revision, cache] = await Promise.all([
        get<{ value: number }>('settings', 'cards-revision'),
        get<{ revision: number } | undefined>('caches', 'manager-catalog'),
      ]);
      db.close();
      return cache?.revision === revision?.value;
    },
    null,
    { polling: 250, timeout: 60_000 },
  );
}
