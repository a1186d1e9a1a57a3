import { MENTION_HIGHLIGHT, measureRange } from '../highlights';
import type { MentionIndex } from './mention-index';

/** The newer shape of `highlightsFromPoint` results (Chromium 138+, Firefox 152+). */
interface HighlightHit {
  highlight: Highlight;
  ranges?: readonly AbstractRange[];
}

/** Which shadow roots a hit test by point may look into (closed to it unless named). */
interface PointOptions {
  shadowRoots?: ShadowRoot[];
}

type PointRegistry = HighlightRegistry & {
  highlightsFromPoint?: (x: number, y: number, options?: PointOptions) => HighlightHit[];
};

type PointDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: PointOptions) => CaretPosition | null;
};

function contains(rects: DOMRectList, x: number, y: number): boolean {
  for (const rect of rects) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

function caretAt(
  doc: PointDocument,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[],
): { node: Node; offset: number } | undefined {
  const position = doc.caretPositionFromPoint?.(x, y, { shadowRoots });
  if (position) return { node: position.offsetNode, offset: position.offset };
  // Safari before 18.4 only has the older, non-standard call.
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/**
 * The caret fallback: the caret position under the point narrows the search to one or two
 * mentions, and their rectangles decide, since the caret snaps to the nearest text even
 * when the pointer is over a margin.
 */
function mentionNearCaret(doc: Document, index: MentionIndex, x: number, y: number): number | undefined {
  const caret = caretAt(doc, x, y, index.shadowRoots());
  if (!caret) return undefined;
  for (const i of index.nearCaret(caret.node, caret.offset)) {
    const mention = index.mentions[i];
    if (mention && measureRange(mention.range, (live) => contains(live.getClientRects(), x, y))) return i;
  }
  return undefined;
}

/**
 * The index of the mention under the viewport point (x, y), or undefined. Asks the
 * highlight registry first (`highlightsFromPoint` hit-tests the painted text itself) and
 * falls back to the caret position and the ranges' rectangles where it is missing, or
 * where not every mention is painted (the "first mention only" density setting). Both
 * calls are given the open shadow roots that hold mentions, or they would not see into them.
 */
export function mentionAtPoint(
  doc: Document,
  index: MentionIndex,
  x: number,
  y: number,
  registry: HighlightRegistry | undefined = globalThis.CSS?.highlights,
): number | undefined {
  if (index.size === 0) return undefined;
  const fromPoint = (registry as PointRegistry | undefined)?.highlightsFromPoint;
  if (registry && fromPoint) {
    const hits = fromPoint.call(registry, x, y, { shadowRoots: index.shadowRoots() });
    // The first shipped shape returned bare Highlights, which do not say which range.
    if (hits.every((hit) => hit.ranges !== undefined)) {
      for (const hit of hits) {
        for (const range of hit.ranges ?? []) {
          const found = index.indexOfRange(range);
          if (found !== undefined) return found;
        }
      }
      const allPainted = (registry.get(MENTION_HIGHLIGHT)?.size ?? 0) >= index.size;
      if (allPainted) return undefined;
    }
  }
  return mentionNearCaret(doc, index, x, y);
}
