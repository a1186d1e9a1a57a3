import { bumpRevision, toStoredCard } from '@/lib/db/cards';
import { BackstoryDB } from '@/lib/db/schema';
import type { Card, Pack } from '@/lib/pack/types';

let dbCount = 0;

/** A fresh, empty database on fake-indexeddb, with a name no other test uses. */
export function freshDb(): BackstoryDB {
  dbCount += 1;
  return new BackstoryDB(`backstory-test-${dbCount}-${Math.random().toString(36).slice(2)}`);
}

/** A valid card; override any field. */
export function makeCard(overrides: Partial<Card> = {}): Card {
  return {
    id: 'nato',
    title: 'NATO',
    summary: 'A military alliance of 32 countries in Europe and North America.',
    aliases: ['North Atlantic Treaty Organization'],
    facts: [{ label: 'Founded', value: '4 April 1949' }],
    timeline: [{ date: '1949-04-04', text: 'North Atlantic Treaty signed in Washington' }],
    sources: [{ title: 'NATO', url: 'https://www.nato.int/' }],
    tags: ['nato'],
    related: [],
    updated: '2026-11-28',
    ...overrides,
  };
}

/** A valid pack holding the given cards (by default two linked cards). */
export function makePack(cards?: Card[], info: Partial<Pack['pack']> = {}): Pack {
  return {
    backstory: 1,
    pack: { id: 'test-pack', title: 'Test pack', version: '1', language: 'en', ...info },
    cards: cards ?? [
      makeCard({ related: ['founding-act'] }),
      makeCard({
        id: 'founding-act',
        title: 'NATO–Russia Founding Act',
        aliases: ['Founding Act'],
        related: ['nato'],
      }),
    ],
  };
}

/** Writes `card` as the reader's own edit and bumps the card revision, as the popup does. */
export async function writeEditedCard(db: BackstoryDB, card: Card): Promise<void> {
  await db.transaction('rw', db.cards, db.settings, async () => {
    await db.cards.put(toStoredCard(card, { edited: true, created: 1, modified: 1 }));
    await bumpRevision(db);
  });
}
