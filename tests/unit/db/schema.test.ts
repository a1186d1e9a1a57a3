import { toPackCard, toStoredCard } from '@/lib/db/cards';
import { freshDb, makeCard } from '../factories';

describe('the card database', () => {
  it('opens on IndexedDB with every table at version 1', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(1);
    expect(db.tables.map((table) => table.name).sort()).toEqual([
      'caches',
      'cards',
      'packs',
      'settings',
      'sites',
      'tombstones',
    ]);
    db.close();
  });

  it('finds a card by a folded term through the multi-entry index', async () => {
    const db = freshDb();
    const card = makeCard({ id: 'kyiv', title: 'Kyïv', aliases: ['Kiev'] });
    await db.cards.add(toStoredCard(card, { edited: false, created: 1, modified: 1 }));
    expect((await db.cards.where('terms').equals('kyiv').first())?.id).toBe('kyiv');
    expect((await db.cards.where('terms').equals('kiev').first())?.id).toBe('kyiv');
  });

  it('finds cards by tag', async () => {
    const db = freshDb();
    await db.cards.bulkAdd([
      toStoredCard(makeCard({ id: 'a', tags: ['nato', 'russia'] }), {
        edited: false,
        created: 1,
        modified: 1,
      }),
      toStoredCard(makeCard({ id: 'b', tags: ['ukraine'] }), { edited: false, created: 1, modified: 1 }),
    ]);
    expect(await db.cards.where('tags').equals('russia').primaryKeys()).toEqual(['a']);
  });

  it('gives back exactly the pack card it stored, with no internal field', async () => {
    const db = freshDb();
    const card = makeCard();
    await db.cards.add(toStoredCard(card, { pack: 'p', edited: true, created: 1, modified: 2 }));
    const stored = await db.cards.get(card.id);
    expect(stored && toPackCard(stored)).toEqual(card);
  });
});
