import { isId } from '../pack/formats';
import type { Card } from '../pack/types';
import { describeIssues, validateCard } from '../pack/validate';
import { bumpRevision, toStoredCard } from './cards';
import type { StoredCard } from './records';
import type { BackstoryDB } from './schema';
import { titleSlug } from './title-slug';

/** What a card write left in the database: the stored card and the new card revision. */
export interface CardWrite {
  card: StoredCard;
  revision: number;
}

/** A deleted card, kept by the caller so the reader can undo. */
export interface DeletedCard {
  card: StoredCard;
  /** Whether the delete wrote a tombstone (the card came from a pack). */
  tombstoned: boolean;
  revision: number;
}

/** The fields of a new card: everything but the id, which the database assigns. */
export type NewCard = Omit<Card, 'id'>;

/**
 * An id for a new card: a slug of the title plus a short random suffix, so two cards with
 * the same title do not collide. Titles with no Latin letters or digits (emoji, Arabic)
 * fall back to "card-…".
 */
export function newCardId(title: string, random: () => number = Math.random): string {
  const slug = titleSlug(title, 48);
  const suffix = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  const id = `${slug || 'card'}-${suffix}`;
  if (!isId(id)) throw new Error(`generated an invalid card id: ${id}`);
  return id;
}

/** Refuses a card the pack format would refuse; the editor shows the same issues inline. */
function assertValid(card: Card): void {
  const issues = validateCard(card);
  if (issues.length > 0) throw new Error(describeIssues(issues, 'card'));
}

/** Stores a card the reader created; it gets a fresh id and belongs to no pack. */
export async function createCard(
  db: BackstoryDB,
  fields: NewCard,
  now = Date.now(),
  random: () => number = Math.random,
): Promise<CardWrite> {
  return db.transaction('rw', [db.cards, db.settings], async () => {
    let id = newCardId(fields.title, random);
    // A collision needs the same slug and the same six random characters; try again.
    while (await db.cards.get(id)) id = newCardId(fields.title, random);
    const card = { ...fields, id };
    assertValid(card);
    const stored = toStoredCard(card, { edited: true, created: now, modified: now });
    await db.cards.add(stored);
    return { card: stored, revision: await bumpRevision(db) };
  });
}

/** A save refused because the card changed after the editor read it. */
export class CardChangedError extends Error {
  constructor(readonly modified: number) {
    super(
      'this card was changed elsewhere (another window, or an import) since it was opened here. ' +
        'Your changes are still in the form: Save again to replace that version with them.',
    );
    this.name = 'CardChangedError';
  }
}

/**
 * Stores the reader's edit of a card. It keeps the card's pack and creation time and marks
 * it edited, so seed updates leave it alone. If the card was deleted meanwhile (in another
 * window), the reader's version is stored again rather than lost. Given `expected`, the
 * stored card's `modified` when the editor read it, a card changed since is not overwritten
 * unseen: the save throws CardChangedError, which carries the new `modified`.
 */
export async function saveCard(
  db: BackstoryDB,
  card: Card,
  now = Date.now(),
  expected?: number,
): Promise<CardWrite> {
  assertValid(card);
  return db.transaction('rw', [db.cards, db.tombstones, db.settings], async () => {
    const old = await db.cards.get(card.id);
    if (expected !== undefined && old && old.modified !== expected) throw new CardChangedError(old.modified);
    const stored = toStoredCard(card, {
      ...(old?.pack === undefined ? {} : { pack: old.pack }),
      edited: true,
      created: old?.created ?? now,
      modified: now,
    });
    await db.cards.put(stored);
    if (!old) await db.tombstones.delete(card.id);
    return { card: stored, revision: await bumpRevision(db) };
  });
}

/**
 * Deletes a card. A card from a pack leaves a tombstone so the next seed update does not
 * bring it back. Resolves with what undo needs, or undefined when there was no such card.
 */
export async function deleteCard(
  db: BackstoryDB,
  id: string,
  now = Date.now(),
): Promise<DeletedCard | undefined> {
  return db.transaction('rw', [db.cards, db.tombstones, db.settings], async () => {
    const card = await db.cards.get(id);
    if (!card) return undefined;
    await db.cards.delete(id);
    const tombstoned = card.pack !== undefined;
    if (tombstoned) await db.tombstones.put({ id, deleted: now });
    return { card, tombstoned, revision: await bumpRevision(db) };
  });
}

/**
 * Undoes a delete: the card comes back exactly as it was and its tombstone goes. When a card
 * with its id was written since (saved again from an editor left open, imported), that one
 * stays and nothing changes: undefined.
 */
export async function restoreCard(db: BackstoryDB, deleted: DeletedCard): Promise<CardWrite | undefined> {
  return db.transaction('rw', [db.cards, db.tombstones, db.settings], async () => {
    const now = await db.cards.get(deleted.card.id);
    if (now && now.modified !== deleted.card.modified) return undefined;
    await db.cards.put(deleted.card);
    if (deleted.tombstoned) await db.tombstones.delete(deleted.card.id);
    return { card: deleted.card, revision: await bumpRevision(db) };
  });
}
