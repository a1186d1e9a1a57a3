import { measureRange } from '../highlights';
import type { PaintedMention } from '../mention-store';

/**
 * Lookups over the painted mentions (kept in document order by the store): from a Range
 * object back to its mention, and from a caret position to the mentions around it.
 * Built once per store change, so a hit test costs a map lookup or a binary search.
 */
export class MentionIndex {
  private byRange: Map<AbstractRange, number> | undefined;

  constructor(readonly mentions: readonly PaintedMention[]) {}

  get size(): number {
    return this.mentions.length;
  }

  /** The index of the mention painted with this very Range object. */
  indexOfRange(range: AbstractRange): number | undefined {
    this.byRange ??= new Map(this.mentions.map((mention, i) => [mention.range, i]));
    return this.byRange.get(range);
  }

  /**
   * The mention holding the point (`node`, `offset`), or else the last one before it, or
   * -1 when the point comes before every mention; undefined when the point is in another
   * tree than the mentions (a shadow root, a detached node).
   */
  around(node: Node, offset: number): number | undefined {
    let lo = 0;
    let hi = this.mentions.length - 1;
    try {
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const side = measureRange((this.mentions[mid] as PaintedMention).range, (live) =>
          live.comparePoint(node, offset),
        );
        if (side === undefined) return undefined; // Its text changed; the rescan on the way rebuilds the index.
        if (side === 0) return mid;
        if (side < 0) hi = mid - 1;
        else lo = mid + 1;
      }
    } catch {
      // WrongDocumentError / InvalidNodeTypeError: the point is not in the mentions' tree.
      return undefined;
    }
    return hi;
  }
}

/** Whether two ranges are the same object or have the same ends. */
export function sameRange(a: AbstractRange, b: AbstractRange): boolean {
  return (
    a === b ||
    (a.startContainer === b.startContainer &&
      a.startOffset === b.startOffset &&
      a.endContainer === b.endContainer &&
      a.endOffset === b.endOffset)
  );
}

/**
 * The index of the mention painted over the same text as `range` (the same object, or a
 * new range with the same boundaries after a rescan); undefined when it is gone.
 */
export function findMention(mentions: readonly PaintedMention[], range: AbstractRange): number | undefined {
  const i = mentions.findIndex((mention) => sameRange(mention.range, range));
  return i < 0 ? undefined : i;
}

/**
 * The index of the mention that ends where the live Range `live` ends, or undefined. After
 * the page edits the text, that end is where the mention the Range was made over has gone:
 * the DOM moves it with text put before the mention or right at its start, and with a split
 * of its node there, while the start stays put in the last two cases.
 */
export function findByLiveEnd(mentions: readonly PaintedMention[], live: Range): number | undefined {
  if (live.collapsed) return undefined;
  const i = mentions.findIndex(
    ({ range }) => range.endContainer === live.endContainer && range.endOffset === live.endOffset,
  );
  return i < 0 ? undefined : i;
}
