import {
  CardChangedError,
  createCard,
  deleteCard,
  newCardId,
  restoreCard,
  saveCard,
} from '@/lib/db/card-writes';
import { bumpRevision, readRevision, toPackCard, toStoredCard } from '@/lib/db/cards';
import { isId } from '@/lib/pack/formats';
import { freshDb, makeCard } from '../factories';

const fields = { title: 'Permanent Joint Council', summary: 'Set up under the Founding Act in 1997.' };

async function withSeedCard() {
  const db = freshDb();
  await db.cards.add(
    toStoredCard(makeCard(), { pack: 'nato-russia', edited: false, created: 1, modified: 1 }),
  );
  return db;
}

describe('newCardId', () => {
  it('slugs the title and adds a short random suffix', () => {
    expect(newCardId('The Hague summit!', () => 0.5)).toMatch(/^the-hague-summit-[0-9a-z]{6}$/);
  });

  it('cuts a long slug at 48 characters, without a dash at the cut, trimmed of dashes at both ends, and always draws six characters', () => {
    // 0.5 of 36^6 is "i00000": a smaller range would show as a leading zero.
    expect(newCardId(`${'a'.repeat(47)} bcd`, () => 0.5)).toBe(`${'a'.repeat(47)}-i00000`);
    expect(newCardId('b'.repeat(60), () => 0)).toBe(`${'b'.repeat(48)}-000000`);
    expect(newCardId('«The Hague»', () => 0.5)).toBe('the-hague-i00000');
  });

  it('gives a valid id for titles without Latin letters', () => {
    for (const title of ['🕊️🕊️', 'قمة لاهاي', '   ', 'x'.repeat(10_000)])
      expect(isId(newCardId(title))).toBe(true);
  });
});

describe('createCard', () => {
  it('stores a new, edited card with no pack and bumps the revision', async () => {
    const db = freshDb();
    const { card, revision } = await createCard(db, fields, 1000);
    expect(card).toMatchObject({ ...fields, edited: true, created: 1000, modified: 1000 });
    expect(card.pack).toBeUndefined();
    expect(card.terms).toEqual(['permanent joint council']);
    expect(await db.cards.get(card.id)).toEqual(card);
    expect(revision).toBe(1);
    expect(await readRevision(db)).toBe(1);
  });

  it('stores each folded term once when an alias differs from the title only in case', async () => {
    const db = freshDb();
    const { card } = await createCard(db, { ...fields, aliases: ['PERMANENT JOINT COUNCIL', 'PJC'] });
    expect(card.terms).toEqual(['permanent joint council', 'pjc']);
  });

  it('refuses an invalid card and writes nothing', async () => {
    const db = freshDb();
    await expect(createCard(db, { title: 'x'.repeat(301), summary: 's' })).rejects.toThrow(/title/);
    expect(await db.cards.count()).toBe(0);
    expect(await readRevision(db)).toBe(0);
  });

  it('draws again when the generated id is taken', async () => {
    const db = freshDb();
    const draws = [0.1, 0.1, 0.9];
    const random = () => draws.shift() ?? 0.5;
    const first = await createCard(db, fields, 1, () => 0.1);
    const second = await createCard(db, fields, 2, random);
    expect(second.card.id).not.toBe(first.card.id);
  });
});

describe('saveCard', () => {
  it('keeps the pack and creation time, marks the card edited and bumps the revision', async () => {
    const db = await withSeedCard();
    const { card } = await saveCard(db, makeCard({ aliases: ['Atlantic Alliance'] }), 5000);
    expect(card).toMatchObject({ pack: 'nato-russia', edited: true, created: 1, modified: 5000 });
    expect(card.terms).toEqual(['nato', 'atlantic alliance']);
    expect(await readRevision(db)).toBe(1);
  });

  it('stores the reader’s version again when the card was deleted meanwhile', async () => {
    const db = await withSeedCard();
    await deleteCard(db, 'nato');
    await saveCard(db, makeCard({ summary: 'Kept.' }), 7);
    expect((await db.cards.get('nato'))?.summary).toBe('Kept.');
    expect(await db.tombstones.get('nato')).toBeUndefined();
  });

  it('refuses an invalid edit and leaves the stored card alone', async () => {
    const db = await withSeedCard();
    await expect(
      saveCard(db, makeCard({ sources: [{ title: 'x', url: 'javascript:alert(1)' }] })),
    ).rejects.toThrow(/sources\[0\]\.url/);
    expect((await db.cards.get('nato'))?.edited).toBe(false);
  });
});

describe('saveCard over a card changed since it was read', () => {
  it('refuses, saying so, when the stored card is not the version the editor read', async () => {
    const db = await withSeedCard();
    await saveCard(db, makeCard({ summary: 'Elsewhere.' }), 50);
    await expect(saveCard(db, makeCard({ summary: 'Here.' }), 60, 1)).rejects.toThrow(CardChangedError);
    expect((await db.cards.get('nato'))?.summary).toBe('Elsewhere.');
    await saveCard(db, makeCard({ summary: 'Here.' }), 70, 50);
    expect((await db.cards.get('nato'))?.summary).toBe('Here.');
  });
});

describe('deleteCard and restoreCard', () => {
  it('deletes a pack card with a tombstone, and undo brings both back as they were', async () => {
    const db = await withSeedCard();
    const before = await db.cards.get('nato');
    const deleted = await deleteCard(db, 'nato', 99);
    expect(deleted?.tombstoned).toBe(true);
    expect(await db.cards.get('nato')).toBeUndefined();
    expect(await db.tombstones.get('nato')).toEqual({ id: 'nato', deleted: 99 });
    if (!deleted) throw new Error('not deleted');
    await restoreCard(db, deleted);
    expect(await db.cards.get('nato')).toEqual(before);
    expect(await db.tombstones.get('nato')).toBeUndefined();
    expect(await readRevision(db)).toBe(2);
  });

  it('undoing the same delete twice leaves the card as it was', async () => {
    // Two clicks on undo, or undo in two windows: the second finds the card already back.
    const db = await withSeedCard();
    const before = await db.cards.get('nato');
    const deleted = await deleteCard(db, 'nato');
    if (!deleted) throw new Error('not deleted');
    await restoreCard(db, deleted);
    await restoreCard(db, deleted);
    expect(await db.cards.get('nato')).toEqual(before);
  });

  it('leaves a card saved again since its delete, rather than put the old one back', async () => {
    const db = await withSeedCard();
    const deleted = await deleteCard(db, 'nato', 99);
    if (!deleted) throw new Error('not deleted');
    // An editor left open on the card saves it after the delete.
    const again = await saveCard(db, { ...toPackCard(deleted.card), summary: 'Written since.' });
    expect(await restoreCard(db, deleted)).toBeUndefined();
    expect(await db.cards.get('nato')).toEqual(again.card);
  });

  it('deletes the reader’s own card without a tombstone', async () => {
    const db = freshDb();
    const { card } = await createCard(db, fields);
    const deleted = await deleteCard(db, card.id);
    expect(deleted?.tombstoned).toBe(false);
    expect(await db.tombstones.count()).toBe(0);
  });

  it('answers undefined for a card that is not there', async () => {
    const db = freshDb();
    expect(await deleteCard(db, 'missing')).toBeUndefined();
    expect(await readRevision(db)).toBe(0);
  });
});

describe('the card revision', () => {
  it('counts from 0 when its record holds no number, so the next write stores 1', async () => {
    const db = freshDb();
    await db.settings.put({ key: 'cards-revision', value: '7' });
    expect(await readRevision(db)).toBe(0);
    expect(await bumpRevision(db)).toBe(1);
    expect((await db.settings.get('cards-revision'))?.value).toBe(1);
  });
});

describe('stored and pack forms of a card', () => {
  it('stores no pack for a card without one, even when the pack is given as undefined', () => {
    const stored = toStoredCard(makeCard(), { pack: undefined, edited: true, created: 1, modified: 1 });
    expect(stored).not.toHaveProperty('pack');
  });

  it('gives back only the public fields the card has, none of the bookkeeping', () => {
    const { aliases: _, ...card } = makeCard();
    const pack = toPackCard(toStoredCard(card, { pack: 'p', edited: true, created: 1, modified: 1 }));
    expect(Object.keys(pack).sort()).toEqual(Object.keys(card).sort());
    expect(pack).toEqual(card);
  });
});
