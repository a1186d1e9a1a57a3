import { createCard, deleteCard, saveCard } from '@/lib/db/card-writes';
import { bumpRevision, readRevision, toStoredCard } from '@/lib/db/cards';
import { markUsed } from '@/lib/db/recent-cards';
import {
  buildCatalog,
  CATALOG_KEY,
  readCachedCatalog,
  readFirstPage,
  storeCatalog,
} from '@/lib/search/catalog-cache';
import { type CatalogState, LiveCatalog } from '@/lib/search/live-catalog';
import { SearchIndex } from '@/lib/search/search-index';
import { freshDb, makeCard } from '../factories';

const options = { firstPage: 2, settleMs: 5, storeMs: 5 };

async function seeded(count: number) {
  const db = freshDb();
  await db.transaction('rw', [db.cards, db.settings], async () => {
    for (let i = 0; i < count; i++) {
      const card = makeCard({ id: `c${i}`, title: `Card ${i}` });
      await db.cards.add(toStoredCard(card, { edited: false, created: i, modified: i }));
    }
    await bumpRevision(db);
  });
  return db;
}

/** Resolves with the first published state that passes `test`. */
function stateWhere(catalog: LiveCatalog, test: (state: CatalogState) => boolean): Promise<CatalogState> {
  return new Promise((resolve) => {
    const current = catalog.current;
    if (current && test(current)) return resolve(current);
    const stop = catalog.subscribe((state) => {
      if (!test(state)) return;
      stop();
      resolve(state);
    });
  });
}

const ids = (state: CatalogState) => state.entries.map((entry) => entry.id);

describe('LiveCatalog', () => {
  let stop: AbortController;
  beforeEach(() => {
    stop = new AbortController();
  });
  afterEach(() => stop.abort());

  it('shows the most recently edited cards first, then completes and stores the catalog', async () => {
    const db = await seeded(5);
    const catalog = new LiveCatalog(db, options);
    await catalog.start(stop.signal);
    expect(catalog.current).toMatchObject({ complete: false });
    expect(ids(catalog.current as CatalogState)).toEqual(['c4', 'c3']);
    const complete = await stateWhere(catalog, (state) => state.complete);
    expect(ids(complete)).toEqual(['c4', 'c3', 'c2', 'c1', 'c0']);
    await vi.waitFor(async () => expect(await readCachedCatalog(db)).toBeDefined());
  });

  it('opens complete from a stored catalog, index included', async () => {
    const db = await seeded(3);
    const first = new LiveCatalog(db, options);
    await first.start(stop.signal);
    await vi.waitFor(async () => expect(await readCachedCatalog(db)).toBeDefined());
    const second = new LiveCatalog(db, options);
    await second.start(stop.signal);
    expect(second.current?.complete).toBe(true);
    expect(
      second.current
        ?.index()
        .search({ text: 'card 1' })
        .map((e) => e.id),
    ).toEqual(['c1']);
  });

  it('searches with the stored index rather than building its own', async () => {
    const db = await seeded(3);
    const built = await buildCatalog(db);
    // An index that knows a word none of the cards has tells the stored index from a new one.
    const marked = built.entries.map((e) =>
      e.id === 'c1' ? { ...e, haystack: e.haystack.replace('\n', ' stored\n') } : e,
    );
    await storeCatalog(db, built, new SearchIndex(marked).pack());
    const catalog = new LiveCatalog(db, options);
    await catalog.start(stop.signal);
    expect(catalog.current?.complete).toBe(true);
    expect(
      catalog.current
        ?.index()
        .search({ text: 'stored' })
        .map((e) => e.id),
    ).toEqual(['c1']);
  });

  it('patches its own writes in place', async () => {
    const db = await seeded(3);
    const catalog = new LiveCatalog(db, options);
    await catalog.start(stop.signal);
    await stateWhere(catalog, (state) => state.complete);
    const write = await createCard(db, { title: 'Zebra', summary: 'New.' }, 100);
    catalog.applyOwn({ revision: write.revision, put: write.card });
    expect(ids(catalog.current as CatalogState)[0]).toBe(write.card.id);
    const deleted = await deleteCard(db, 'c1');
    catalog.applyOwn({ revision: deleted?.revision ?? 0, removed: 'c1' });
    expect(ids(catalog.current as CatalogState)).not.toContain('c1');
  });

  it('patches an edit in place: the card is listed once, where edit order puts it', async () => {
    const db = await seeded(3);
    const catalog = new LiveCatalog(db, options);
    await catalog.start(stop.signal);
    await stateWhere(catalog, (state) => state.complete);
    // Modified at 0 like c0, and "Card one" sorts after "Card 0": the edit goes last.
    const write = await saveCard(db, makeCard({ id: 'c1', title: 'Card one' }), 0);
    catalog.applyOwn({ revision: write.revision, put: write.card });
    expect(ids(catalog.current as CatalogState)).toEqual(['c2', 'c0', 'c1']);
  });

  it('reads everything again when another window wrote just before its own write', async () => {
    const db = await seeded(2);
    const catalog = new LiveCatalog(db, options);
    await catalog.start(stop.signal);
    await stateWhere(catalog, (state) => state.complete);
    const elsewhere = await createCard(db, { title: 'Elsewhere', summary: 'From another window.' }, 50);
    const own = await createCard(db, { title: 'Own', summary: 'From this page.' }, 60);
    catalog.applyOwn({ revision: own.revision, put: own.card });
    await vi.waitFor(() => expect(ids(catalog.current as CatalogState)).toContain(elsewhere.card.id));
    expect(ids(catalog.current as CatalogState)).toContain(own.card.id);
  });

  it('follows a change made elsewhere without being told', async () => {
    const db = await seeded(2);
    const catalog = new LiveCatalog(db, options);
    await catalog.start(stop.signal);
    await stateWhere(catalog, (state) => state.complete);
    const elsewhere = await createCard(db, { title: 'From another window', summary: 'Hello.' }, 50);
    const state = await stateWhere(catalog, (s) => ids(s).includes(elsewhere.card.id));
    expect(ids(state)).toHaveLength(3);
  });

  it('builds the catalog from every card, past full slices of the read', async () => {
    const db = await seeded(1001);
    expect((await buildCatalog(db, async () => {})).entries).toHaveLength(1001);
  });

  it('starts the build again when cards change between two slices', async () => {
    const db = await seeded(600);
    let written = false;
    const built = await buildCatalog(db, async () => {
      if (written) return;
      written = true;
      await createCard(db, { title: 'Zz late', summary: 'Written while the catalog was read.' });
    });
    expect(built.revision).toBe(await readRevision(db));
    expect(built.entries).toHaveLength(601);
  });

  it('reads back a stored catalog as it was built, a card without tags included', async () => {
    const db = await seeded(2);
    await createCard(db, { title: 'Untagged', summary: 'No tags.', tags: [] });
    await db.transaction('rw', [db.cards, db.settings], async () => {
      const card = makeCard({ id: 'packed', title: 'From a pack' });
      await db.cards.add(toStoredCard(card, { pack: 'seeds', edited: false, created: 0, modified: 0 }));
      await bumpRevision(db);
    });
    const built = await buildCatalog(db);
    await storeCatalog(db, built, new SearchIndex(built.entries).pack());
    expect((await readCachedCatalog(db))?.entries).toEqual(built.entries);
    // The reader's card and the pack's are told apart after the round trip too.
    expect(built.entries.map((e) => [e.title, e.yours])).toEqual(
      expect.arrayContaining([
        ['Untagged', true],
        ['From a pack', false],
      ]),
    );
  });

  it('ignores a stored catalog that does not say which cards are the reader’s (format 2)', async () => {
    const db = await seeded(2);
    const built = await buildCatalog(db);
    await storeCatalog(db, built, new SearchIndex(built.entries).pack());
    const record = await db.caches.get(CATALOG_KEY);
    if (!record) throw new Error('not stored');
    const { yours: _, ...older } = record.data as { yours: boolean[] };
    await db.caches.put({ ...record, data: older });
    expect(await readCachedCatalog(db)).toBeUndefined();
  });

  it('ignores a stored catalog of another format', async () => {
    const db = await seeded(2);
    const built = await buildCatalog(db);
    await storeCatalog(db, built, new SearchIndex(built.entries).pack());
    const record = await db.caches.get(CATALOG_KEY);
    if (!record) throw new Error('not stored');
    await db.caches.put({ ...record, data: { ...(record.data as object), format: 99 } });
    expect(await readCachedCatalog(db)).toBeUndefined();
  });

  it('puts the latest edits and the recently used cards on the first page, in edit order', async () => {
    const db = freshDb();
    await db.transaction('rw', [db.cards, db.settings], async () => {
      // Edited together: the title decides, whatever the ids say.
      for (const [id, title, modified] of [
        ['old', 'Old', 1],
        ['a', 'Alpha', 5],
        ['b', 'Beta', 5],
      ] as const)
        await db.cards.add(toStoredCard(makeCard({ id, title }), { edited: false, created: 1, modified }));
      await bumpRevision(db);
    });
    await markUsed(db, 'old');
    const page = await readFirstPage(db, 2);
    expect(page.entries.map((e) => e.id)).toEqual(['a', 'b', 'old']);
  });

  it('ignores a stored catalog from older cards', async () => {
    const db = await seeded(2);
    const built = await buildCatalog(db);
    await storeCatalog(db, built, new SearchIndex(built.entries).pack());
    expect((await readCachedCatalog(db))?.entries).toHaveLength(2);
    await createCard(db, { title: 'Later', summary: 'Later.' });
    expect(await readCachedCatalog(db)).toBeUndefined();
  });
});
