/**
 * Name of the IndexedDB database in the extension's origin. In a module of its own, without
 * Dexie, for code that must run before Dexie is loaded (lib/background/stored-matcher.ts).
 */
export const DB_NAME = 'backstory';
