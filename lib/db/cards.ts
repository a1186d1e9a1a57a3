import { CARD_FIELDS, type Card } from '../pack/types';
import { foldTerm } from '../text/fold';
import type { StoredCard } from './records';
import type { BackstoryDB } from './schema';

/** The card's title and aliases: the terms the matcher looks for. */
export function cardTerms(card: Pick<Card, 'title' | 'aliases'>): string[] {
  return [card.title, ...(card.aliases ?? [])];
}

/** Builds the stored form of a pack card. */
export function toStoredCard(
  card: Card,
  meta: { pack?: string; edited: boolean; created: number; modified: number },
): StoredCard {
  const stored: StoredCard = {
    ...toPackCard(card),
    terms: [...new Set(cardTerms(card).map(foldTerm))],
    ...meta,
  };
  if (meta.pack === undefined) delete stored.pack;
  return stored;
}

/** True for a card the reader wrote or edited, as opposed to one a pack brought unchanged. */
export function isYours(card: StoredCard): boolean {
  return card.edited || card.pack === undefined;
}

/** The pack form of a stored card: exactly the public fields, nothing internal. */
export function toPackCard(stored: Card): Card {
  const card: Record<string, unknown> = {};
  for (const field of CARD_FIELDS) {
    if (stored[field] !== undefined) card[field] = stored[field];
  }
  return card as unknown as Card;
}

const REVISION_KEY = 'cards-revision';

/**
 * The card revision: a counter bumped inside every transaction that writes cards, so the
 * background can tell, with one read, whether its compiled matcher is stale.
 */
export async function readRevision(db: BackstoryDB): Promise<number> {
  const record = await db.settings.get(REVISION_KEY);
  return typeof record?.value === 'number' ? record.value : 0;
}

/** Bumps the card revision; call inside the transaction that writes cards. */
export async function bumpRevision(db: BackstoryDB): Promise<number> {
  const next = (await readRevision(db)) + 1;
  await db.settings.put({ key: REVISION_KEY, value: next });
  return next;
}
