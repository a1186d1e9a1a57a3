import { DB_NAME } from '../db/name';

/** Key of the compiled matcher in the caches table. */
export const MATCHER_CACHE_KEY = 'matcher';

/**
 * The compiled matcher as stored, and the card revision it was compiled for. Stored as a Blob:
 * in freshly started Chromium workers, 5.3 MB (a matcher of 100,000 cards) came back from
 * IndexedDB in a median 37 ms as a Blob against 71 ms as a Uint8Array. Records written
 * before the change hold a Uint8Array, which is still read.
 */
export interface StoredMatcher {
  revision: number;
  data: Blob | Uint8Array;
}

/** The record to store for a matcher compiled for `revision`. */
export function matcherRecord(revision: number, bytes: Uint8Array): StoredMatcher & { key: string } {
  return { key: MATCHER_CACHE_KEY, revision, data: new Blob([bytes as Uint8Array<ArrayBuffer>]) };
}

/** The stored matcher's bytes. Rejects if a Blob's contents cannot be read. */
export async function storedBytes(stored: StoredMatcher): Promise<Uint8Array> {
  return stored.data instanceof Blob ? new Uint8Array(await stored.data.arrayBuffer()) : stored.data;
}

/** The record as a stored matcher, or undefined when it is not one (absent, or damaged). */
export function asStoredMatcher(record: unknown): StoredMatcher | undefined {
  const { revision, data } = (record ?? {}) as Partial<StoredMatcher>;
  return typeof revision === 'number' && (data instanceof Blob || data instanceof Uint8Array)
    ? { revision, data }
    : undefined;
}

/**
 * Reads the stored matcher with IndexedDB alone, without Dexie, so a worker can start the read
 * before the rest of its code has even been evaluated (see lib/background/early-read.ts).
 * Resolves to undefined, never rejects, when there is nothing usable: no database yet (the
 * read then leaves none behind, so Dexie still creates it with its schema), no caches table,
 * no record, or an error. Its connection is closed as soon as the read is done, and at once
 * if another connection wants to upgrade the database. The record may be read before a
 * Dexie upgrade runs, so only a new card revision (or a new engine format, which `load`
 * refuses) makes a stored matcher stale: deleting the record in an upgrade would not.
 */
export function readStoredMatcher(
  name = DB_NAME,
  factory: IDBFactory = indexedDB,
): Promise<StoredMatcher | undefined> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      // Without a version: the database as it is, whatever version Dexie gave it.
      request = factory.open(name);
    } catch {
      resolve(undefined);
      return;
    }
    // Only called when the database does not exist: abort, so that none is created.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      event.preventDefault(); // An expected outcome (the abort above), not an uncaught error.
      resolve(undefined);
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      const done = (stored: StoredMatcher | undefined) => {
        db.close();
        resolve(stored);
      };
      try {
        const get = db.transaction('caches', 'readonly').objectStore('caches').get(MATCHER_CACHE_KEY);
        get.onsuccess = () => done(asStoredMatcher(get.result));
        get.onerror = (event) => {
          event.preventDefault();
          done(undefined);
        };
      } catch {
        done(undefined); // No caches table: a database this code did not make.
      }
    };
  });
}
