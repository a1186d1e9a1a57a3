import type { BlockMention } from '../protocol/messages';
import type { TextBlock } from './text-blocks';

/** Name of the highlight that paints mentions; every Backstory highlight starts with `backstory`. */
export const MENTION_HIGHLIGHT = 'backstory-mention';
/** Name of the highlight that tints the mention whose card is open. */
export const ACTIVE_HIGHLIGHT = 'backstory-active';

/** Finds the text node and offset holding a block offset (binary search over the pieces). */
function locate(block: TextBlock, offset: number, preferEnd: boolean): [Text, number] {
  const { pieces } = block;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = (pieces[mid] as (typeof pieces)[number]).start;
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  const piece = pieces[lo] as (typeof pieces)[number];
  return [piece.node, offset - piece.start];
}

/**
 * The range of one mention in the page's own document; undefined if its block is unknown or
 * its text changed while the background was matching (the rescan repaints it).
 *
 * A StaticRange, not a live Range: the document updates every live Range on every change
 * made to it, anywhere, so thousands of painted mentions would slow down the page's own
 * scripts (docs/annotation-bench.md, "Live ranges slow the page down"). A static range is
 * not updated, which is safe here: its ends are offsets in text nodes, which only a change
 * to that text can move, and such a change is a mutation that rescans the block.
 */
export function mentionRange(blocks: readonly TextBlock[], mention: BlockMention): StaticRange | undefined {
  const block = blocks[mention.block];
  if (!block || block.pieces.length === 0) return undefined;
  const [startNode, startOffset] = locate(block, mention.start, false);
  const [endNode, endOffset] = locate(block, mention.end, true);
  if (startOffset > startNode.length || endOffset > endNode.length) return undefined;
  if (startNode === endNode && startOffset > endOffset) return undefined;
  return new StaticRange({ startContainer: startNode, startOffset, endContainer: endNode, endOffset });
}

/** Sets `live` to the ends of `range`; false when the text changed and they no longer fit. */
function moveTo(live: Range, range: AbstractRange): boolean {
  try {
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return true;
  } catch {
    return false;
  }
}

/**
 * A live Range of its own over the same text, for the card, which follows its mention while
 * it is open; undefined when the text changed and the offsets no longer fit. Until garbage
 * collection the page pays for it on every change, like any live Range: keep few.
 */
export function liveRange(range: AbstractRange): Range | undefined {
  const live = range.startContainer.ownerDocument?.createRange();
  return live && moveTo(live, range) ? live : undefined;
}

/** One live Range per document, moved to whichever painted range is being measured. */
const scratch = new WeakMap<Document, Range>();
/** The documents whose shared Range is in use right now (a `use` that measures again). */
const inUse = new WeakSet<Document>();

/**
 * Runs `use` with a live Range over the same text as `range` (to measure it, or compare a
 * point with it) and returns what it returns; undefined when the text changed and the
 * offsets no longer fit. The Range is shared: `use` must not keep it. Each document has one,
 * so a keypress that measures every mention adds no live ranges for the page to update.
 */
export function measureRange<T>(range: AbstractRange, use: (live: Range) => T): T | undefined {
  const doc = range.startContainer.ownerDocument;
  if (!doc) return undefined;
  if (inUse.has(doc)) {
    const own = liveRange(range);
    return own && use(own);
  }
  let live = scratch.get(doc);
  if (!live) {
    live = doc.createRange();
    scratch.set(doc, live);
  }
  inUse.add(doc);
  try {
    return moveTo(live, range) ? use(live) : undefined;
  } finally {
    inUse.delete(doc);
    // Let go of the page's nodes, so a removed paragraph is not kept alive by it.
    live.setStart(doc, 0);
    live.collapse(true);
  }
}

/** The mentions as last painted in each registry, to put back if the page takes them out. */
const lastPainted = new WeakMap<HighlightRegistry, Highlight>();

/** Paints the ranges as mentions, replacing what was painted before. */
export function paintMentions(ranges: AbstractRange[], registry: HighlightRegistry = CSS.highlights): void {
  // Added one by one: a spread of more ranges than a call takes arguments (about 120,000 in
  // Chromium) would throw.
  const highlight = new Highlight();
  for (const range of ranges) highlight.add(range);
  registry.set(MENTION_HIGHLIGHT, highlight);
  lastPainted.set(registry, highlight);
}

/**
 * Puts the mentions back if the page's own script took them out of the registry (the
 * registry is the page's too: a find widget that calls `CSS.highlights.clear()` removes
 * ours with its own). Cheap enough for every pointer frame: one lookup when nothing is amiss.
 */
export function keepMentionsPainted(registry: HighlightRegistry = CSS.highlights): void {
  const highlight = lastPainted.get(registry);
  if (highlight && !registry.has(MENTION_HIGHLIGHT)) registry.set(MENTION_HIGHLIGHT, highlight);
}

/**
 * Removes every Backstory highlight from the page: ours by name, then any other name of
 * ours the registry lists (left by an earlier copy of the content script, say). Firefox
 * cannot list it from a content script ("Xray wrapping of iterators not supported"), so
 * there only the names we know are removed.
 */
export function clearMentions(registry: HighlightRegistry = CSS.highlights): void {
  lastPainted.delete(registry);
  registry.delete(MENTION_HIGHLIGHT);
  registry.delete(ACTIVE_HIGHLIGHT);
  let names: string[];
  try {
    names = [...registry.keys()];
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith('backstory')) registry.delete(name);
}
