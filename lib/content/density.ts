import type { PaintedMention } from './mention-store';

/**
 * The ranges to paint under the density "first mention per card", from mentions in page
 * order: a mention is painted when at least one of its cards is named by no mention before
 * it. The others stay hoverable (they are still in the store), only unpainted.
 */
export function firstPerCard(mentions: readonly PaintedMention[]): AbstractRange[] {
  const seen = new Set<string>();
  const ranges: AbstractRange[] = [];
  for (const { range, cardIds } of mentions) {
    if (cardIds.some((id) => !seen.has(id))) ranges.push(range);
    for (const id of cardIds) seen.add(id);
  }
  return ranges;
}
