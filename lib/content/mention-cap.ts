import type { PaintedMention } from './mention-store';

/**
 * Mentions one page keeps painted at most. Every frame in which the page changes costs the
 * browser a few microseconds per painted range, whatever changed (docs/annotation-bench.md,
 * "A page that keeps growing": 30 to 58 ms a frame at 10,000 mentions, 68 to 135 ms at 20,000),
 * so an endless feed must not add mentions for ever. The busiest corpus page has 2,291 at
 * 100,000 cards.
 */
export const MENTIONS_PER_PAGE = 10_000;

/**
 * `merged` (in page order) cut to `cap` mentions, letting go of mentions the page had before
 * `added` came: from the end of the page away from where the new ones went, so a feed that
 * adds at the bottom loses its top, and a live blog that puts the latest first loses its
 * bottom. When the new ones alone pass the cap, the first `cap` of them in page order stay.
 */
export function keepWithinCap(
  merged: readonly PaintedMention[],
  added: ReadonlySet<PaintedMention>,
  cap = MENTIONS_PER_PAGE,
): PaintedMention[] {
  if (merged.length <= cap) return [...merged];
  if (added.size === 0) return merged.slice(0, cap);
  if (added.size >= cap) return merged.filter((m) => added.has(m)).slice(0, cap);
  // Whether more of the mentions kept lie before the middle new one than after it: then the
  // page grew at its end.
  let middle = merged.length;
  let seen = 0;
  for (let i = 0; i < merged.length; i++) {
    if (!added.has(merged[i] as PaintedMention)) continue;
    if (++seen > added.size / 2) {
      middle = i;
      break;
    }
  }
  const oldBefore = middle - (seen - 1);
  const oldAfter = merged.length - added.size - oldBefore;
  const grewAtEnd = oldBefore >= oldAfter;
  let excess = merged.length - cap;
  const order = grewAtEnd ? merged : [...merged].reverse();
  const kept = order.filter((m) => {
    if (excess === 0 || added.has(m)) return true;
    excess -= 1;
    return false;
  });
  return grewAtEnd ? kept : kept.reverse();
}
