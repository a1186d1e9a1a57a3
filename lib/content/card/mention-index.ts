import { measureRange } from '../highlights';
import type { PaintedMention } from '../mention-store';

/**
 * Lookups over the painted mentions (kept in document order by the store): from a Range
 * object back to its mention, and from a caret position to the mentions around it.
 * Built once per store change, so a hit test costs a map lookup or a binary search.
 */
export class MentionIndex {
  private byRange: Map<AbstractRange, number> | undefined;
  private byTree: Map<Node, number[]> | undefined;

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
   * The open shadow roots that hold mentions: hit tests by point see into a shadow root
   * only when it is named to them.
   */
  shadowRoots(): ShadowRoot[] {
    return [...this.trees().keys()].filter(
      (root): root is ShadowRoot => root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in root,
    );
  }

  /**
   * The mentions to measure at a caret (`node`, `offset`): the one holding it or else the
   * last one before it, then its neighbours, all in the caret's tree (the document, or one
   * shadow root). Empty when no mention shares its tree, or when the text under a mention
   * changed (the rescan on the way rebuilds the index).
   */
  nearCaret(node: Node, offset: number): number[] {
    const list = this.trees().get(node.getRootNode());
    if (!list) return [];
    const at = this.placeIn(list, node, offset);
    if (at === undefined) return [];
    return [at, at + 1, at - 1].filter((i) => i >= 0 && i < list.length).map((i) => list[i] as number);
  }

  /** The mentions' indices grouped by the tree each is in, in document order. */
  private trees(): Map<Node, number[]> {
    if (!this.byTree) {
      const byTree = new Map<Node, number[]>();
      this.mentions.forEach(({ range }, i) => {
        const root = range.startContainer.getRootNode();
        const list = byTree.get(root);
        if (list) list.push(i);
        else byTree.set(root, [i]);
      });
      this.byTree = byTree;
    }
    return this.byTree;
  }

  /** Binary search over one tree's mentions: the place in `list` at or before the point, or -1. */
  private placeIn(list: number[], node: Node, offset: number): number | undefined {
    let lo = 0;
    let hi = list.length - 1;
    try {
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const side = measureRange((this.mentions[list[mid] as number] as PaintedMention).range, (live) =>
          live.comparePoint(node, offset),
        );
        if (side === undefined) return undefined; // Its text changed; the rescan on the way rebuilds the index.
        if (side === 0) return mid;
        if (side < 0) hi = mid - 1;
        else lo = mid + 1;
      }
    } catch {
      // WrongDocumentError / InvalidNodeTypeError: a detached node.
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
