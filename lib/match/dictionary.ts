/**
 * The term side of a matcher: every distinct folded key, sorted, and for each the cards it
 * names. Keys are sorted because the automaton is built breadth-first over sorted ranges.
 */
import { FoldedText } from './folded-text';
import { termKey } from './term-key';
import type { TermEntry } from './types';

/**
 * Pattern `p` is `keys[p]`. Its cards are `cards[cardStart[p] .. cardStart[p + 1])`, as indices
 * into `cardIds`; those from `exactStart[p]` on named it only in all capitals. One id may
 * appear at several indices (see buildDictionary).
 */
export interface Dictionary {
  keys: string[];
  cardIds: string[];
  cardStart: Int32Array;
  exactStart: Int32Array;
  cards: Int32Array;
}

/** `values` sorted by code unit (the order the automaton builder walks), and each one's new place. */
function sortedRanks(values: string[], places: Map<string, number>): { sorted: string[]; rank: Int32Array } {
  // The default sort compares strings by code unit natively, much faster than a comparator.
  const sorted = [...values].sort();
  const rank = new Int32Array(values.length);
  sorted.forEach((value, to) => {
    rank[places.get(value) as number] = to;
  });
  return { sorted, rank };
}

/** Collects, folds and sorts the terms; skipped terms (see term-key.ts) leave no trace. */
export function buildDictionary(entries: Iterable<TermEntry>): Dictionary {
  const keyIds = new Map<string, number>();
  const keys: string[] = [];
  const cardIds: string[] = [];
  const links: number[] = [];
  const scratch = new FoldedText();
  for (const entry of entries) {
    const cardId: unknown = entry?.cardId;
    if (typeof cardId !== 'string') continue;
    const found = termKey(entry.term, scratch);
    if (!found) continue;
    let keyId = keyIds.get(found.key);
    if (keyId === undefined) {
      keyId = keys.push(found.key) - 1;
      keyIds.set(found.key, keyId);
    }
    // A card's terms arrive together, so repeating the last id is enough to share it; ids
    // repeated further apart are merged when a mention is reported (card-table.ts), which
    // spares compile a map of every card id.
    if (cardIds[cardIds.length - 1] !== cardId) cardIds.push(cardId);
    const cardIndex = cardIds.length - 1;
    links.push(keyId, cardIndex, found.exactCase ? 1 : 0);
  }
  return linkCards(sortedRanks(keys, keyIds), cardIds, links);
}

function linkCards(
  keys: { sorted: string[]; rank: Int32Array },
  cardIds: string[],
  links: number[],
): Dictionary {
  const cardCount = cardIds.length;
  // One number per link, ordered by pattern, then card, then any-case before exact-case, so
  // the first of each (pattern, card) run says whether the card accepts any case.
  const codes = new Float64Array(links.length / 3);
  for (let i = 0; i < codes.length; i++) {
    const pattern = keys.rank[links[3 * i] as number] as number;
    const card = links[3 * i + 1] as number;
    codes[i] = (pattern * cardCount + card) * 2 + (links[3 * i + 2] as number);
  }
  codes.sort();
  const patternCount = keys.sorted.length;
  const cardStart = new Int32Array(patternCount + 1);
  const exactStart = new Int32Array(patternCount);
  const cards = new Int32Array(codes.length);
  let written = 0;
  let i = 0;
  for (let pattern = 0; pattern < patternCount; pattern++) {
    cardStart[pattern] = written;
    const first = i;
    const pairs = (pattern + 1) * cardCount;
    while (i < codes.length && Math.floor((codes[i] as number) / 2) < pairs) i++;
    written = copyCards(codes, first, i, 0, cardCount, cards, written);
    exactStart[pattern] = written;
    written = copyCards(codes, first, i, 1, cardCount, cards, written);
  }
  cardStart[patternCount] = written;
  return { keys: keys.sorted, cardIds, cardStart, exactStart, cards: cards.slice(0, written) };
}

/** Appends the cards of one pattern's run of codes whose case flag is `flag`; returns the new end. */
function copyCards(
  codes: Float64Array,
  from: number,
  to: number,
  flag: number,
  cardCount: number,
  cards: Int32Array,
  written: number,
): number {
  let end = written;
  for (let j = from; j < to; j++) {
    const code = codes[j] as number;
    const isRunStart = j === from || Math.floor(code / 2) !== Math.floor((codes[j - 1] as number) / 2);
    if (isRunStart && code % 2 === flag) cards[end++] = Math.floor(code / 2) % cardCount;
  }
  return end;
}
