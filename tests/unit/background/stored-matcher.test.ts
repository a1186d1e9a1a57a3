import {
  MATCHER_CACHE_KEY,
  matcherRecord,
  readStoredMatcher,
  storedBytes,
} from '@/lib/background/stored-matcher';
import { BackstoryDB } from '@/lib/db/schema';
import { freshDb } from '../factories';

/** Resolves with the request's result, or rejects with its error. */
function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((info) => info.name ?? '');
}

describe('reading the stored matcher without Dexie', () => {
  it('finds the record Dexie stored, with its revision and bytes', async () => {
    const db = freshDb();
    const bytes = new Uint8Array([7, 8, 9, 10]);
    await db.caches.put(matcherRecord(12, bytes));
    db.close();
    const stored = await readStoredMatcher(db.name);
    expect(stored?.revision).toBe(12);
    expect(stored?.data).toBeInstanceOf(Blob);
    expect(stored && (await storedBytes(stored))).toEqual(bytes);
  });

  it('still reads a matcher stored as bytes, as versions before the Blob stored it', async () => {
    const db = freshDb();
    const data = new Uint8Array([7, 8, 9, 10]);
    await db.caches.put({ key: MATCHER_CACHE_KEY, revision: 12, data });
    db.close();
    expect(await readStoredMatcher(db.name)).toEqual({ revision: 12, data });
  });

  it('leaves no database behind when there is none, so Dexie still creates it with its tables', async () => {
    const name = `backstory-absent-${Math.random().toString(36).slice(2)}`;
    expect(await readStoredMatcher(name)).toBeUndefined();
    expect(await databaseNames()).not.toContain(name);
    const db = new BackstoryDB(name);
    await db.caches.put({ key: MATCHER_CACHE_KEY, revision: 1, data: new Uint8Array([1]) });
    expect(await db.caches.count()).toBe(1);
    db.close();
  });

  it('finds nothing in a database without a stored matcher', async () => {
    const db = freshDb();
    await db.open();
    db.close();
    expect(await readStoredMatcher(db.name)).toBeUndefined();
  });

  it('finds nothing, and does not throw, in a database with other tables', async () => {
    const name = `not-backstory-${Math.random().toString(36).slice(2)}`;
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('things');
    (await settle(open)).close();
    expect(await readStoredMatcher(name)).toBeUndefined();
  });

  it('ignores a record that is not a stored matcher', async () => {
    const db = freshDb();
    await db.caches.put({ key: MATCHER_CACHE_KEY, revision: 3, data: 'not bytes' as unknown as Uint8Array });
    db.close();
    expect(await readStoredMatcher(db.name)).toBeUndefined();
  });

  it('resolves to nothing when IndexedDB refuses to open', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('no storage here', 'SecurityError');
      },
    } as unknown as IDBFactory;
    expect(await readStoredMatcher('backstory', refusing)).toBeUndefined();
  });

  it('gives way at once to a schema upgrade that starts while it reads', async () => {
    const db = freshDb();
    await db.caches.put({ key: MATCHER_CACHE_KEY, revision: 1, data: new Uint8Array([1]) });
    const version = db.verno * 10;
    db.close();
    const reading = readStoredMatcher(db.name);
    const upgrade = indexedDB.open(db.name, version + 1);
    let blocked = false;
    upgrade.onblocked = () => {
      blocked = true;
    };
    (await settle(upgrade)).close();
    await reading;
    expect(blocked).toBe(false);
  });

  it('closes its connection once the read is done', async () => {
    const db = freshDb();
    await db.caches.put({ key: MATCHER_CACHE_KEY, revision: 1, data: new Uint8Array([1]) });
    db.close();
    const opened: IDBOpenDBRequest[] = [];
    const watching = {
      open: (name: string) => {
        const request = indexedDB.open(name);
        opened.push(request);
        return request;
      },
    } as unknown as IDBFactory;
    expect(await readStoredMatcher(db.name, watching)).toBeDefined();
    const connection = opened[0]?.result;
    // A closed connection refuses new transactions.
    expect(() => connection?.transaction('caches')).toThrow(
      expect.objectContaining({ name: 'InvalidStateError' }),
    );
  });
});
