import type { TextBlock } from './text-blocks';

/** How many blocks around the viewport's first block are scanned before the rest. */
const AHEAD = 60;
const BEHIND = 5;
/** Below this much text one scan is quicker than two, and needs no layout read at all. */
const SMALL_PAGE_CHARS = 60_000;

function topOf(block: TextBlock): number {
  const node = block.pieces[0]?.node;
  const parent = node?.parentElement;
  return parent ? parent.getBoundingClientRect().top : 0;
}

/**
 * Splits the blocks into those around the viewport and the rest, so what the reader sees
 * is painted first on long pages (a short page is scanned in one go). Blocks come in document
 * order, which is close to vertical order, so a binary search finds the first visible one
 * with a handful of layout reads.
 */
export function visibleFirst(blocks: readonly TextBlock[]): [number[], number[]] {
  let chars = 0;
  for (const block of blocks) chars += block.text.length;
  if (chars < SMALL_PAGE_CHARS || blocks.length <= AHEAD + BEHIND) return [blocks.map((_, i) => i), []];
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (topOf(blocks[mid] as TextBlock) < 0) lo = mid + 1;
    else hi = mid;
  }
  const from = Math.max(0, lo - BEHIND);
  const to = Math.min(blocks.length, lo + AHEAD);
  const first: number[] = [];
  const rest: number[] = [];
  blocks.forEach((_, i) => {
    (i >= from && i < to ? first : rest).push(i);
  });
  return [first, rest];
}
