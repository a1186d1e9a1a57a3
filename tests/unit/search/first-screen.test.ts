import { readFirstScreen, type ScreenStore, writeFirstScreen } from '@/lib/search/first-screen';
import { LiveCatalog } from '@/lib/search/live-catalog';
import { freshDb } from '../factories';
import { entry } from './helpers';

function memoryStore(): ScreenStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

// One of the reader's cards and one a pack brought.
const entries = [
  entry({ id: 'rutte', title: 'Mark Rutte' }),
  { ...entry({ id: 'nato', title: 'NATO' }), yours: false },
];

describe('the kept first screen', () => {
  it('reads back what was written, in the same order', () => {
    const store = memoryStore();
    writeFirstScreen(store, 'db', 7, entries);
    expect(readFirstScreen(store, 'db')).toEqual({ revision: 7, entries });
  });

  it('is kept per database', () => {
    const store = memoryStore();
    writeFirstScreen(store, 'one', 1, entries);
    expect(readFirstScreen(store, 'two')).toBeUndefined();
  });

  it('reads a corrupt copy as none', () => {
    const store = memoryStore();
    store.setItem('backstory:first-screen:db', '{not json');
    expect(readFirstScreen(store, 'db')).toBeUndefined();
  });

  it('reads a copy of another format, or without a revision number, as none', () => {
    const store = memoryStore();
    writeFirstScreen(store, 'db', 7, entries);
    const kept = JSON.parse(store.items.get('backstory:first-screen:db') ?? '');
    // Format 1 rows did not say which cards are the reader's.
    for (const changed of [{ format: 1 }, { format: 3 }, { revision: '7' }]) {
      store.setItem('backstory:first-screen:db', JSON.stringify({ ...kept, ...changed }));
      expect(readFirstScreen(store, 'db')).toBeUndefined();
    }
  });

  it('gives the catalog its rows before any database read', () => {
    const db = freshDb();
    const store = memoryStore();
    writeFirstScreen(store, db.name, 3, entries);
    const catalog = new LiveCatalog(db, { screenStore: store });
    expect(catalog.current?.entries.map((e) => e.id)).toEqual(['rutte', 'nato']);
    expect(catalog.current?.complete).toBe(false);
  });

  it('is replaced by the cards as they are once the database answers', async () => {
    const db = freshDb();
    const store = memoryStore();
    writeFirstScreen(store, db.name, 3, entries);
    const catalog = new LiveCatalog(db, { screenStore: store, settleMs: 1, storeMs: 1 });
    const stop = new AbortController();
    await catalog.start(stop.signal);
    await vi.waitFor(() => expect(catalog.current).toMatchObject({ complete: true, entries: [] }));
    stop.abort();
  });
});
