// Real IndexedDB semantics in memory for every unit test (Dexie runs on it).
import 'fake-indexeddb/auto';
