import { readsShadowOf } from './element-kinds';
import type { PaintedMention } from './mention-store';

/**
 * The node a walk up the page goes to next: the parent, or from a shadow root its host when
 * reading the host reads that shadow root too, so that text in a component counts as inside
 * the block around the component. A shadow root the reader would not enter from its host
 * stands alone: read again from the host, its mentions would be lost.
 */
export function composedParent(node: Node): Node | null {
  if (node.parentNode) return node.parentNode;
  const host = node.nodeType === 11 ? (node as ShadowRoot).host : undefined;
  return host && readsShadowOf(host) ? host : null;
}

/**
 * Whether `node` is one of `roots` or inside one, shadow roots included: a walk up from the
 * node, so a rescan's cost grows with mentions times depth, not mentions times roots (a
 * burst of changes can dirty hundreds of roots on a page of thousands of mentions).
 */
export function insideAny(node: Node, roots: ReadonlySet<Node>): boolean {
  for (let up: Node | null = node; up; up = composedParent(up)) if (roots.has(up)) return true;
  return false;
}

/** Whether a painted range still lies on text that is in the page and long enough for it. */
export function stillFits(range: AbstractRange): boolean {
  const { startContainer: start, endContainer: end } = range;
  return (
    start.isConnected &&
    end.isConnected &&
    range.startOffset <= (start as CharacterData).length &&
    range.endOffset <= (end as CharacterData).length
  );
}

/** Document order of two mentions' ranges, whose ends are always in text nodes. */
function compareStarts(a: AbstractRange, b: AbstractRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  const position = a.startContainer.compareDocumentPosition(b.startContainer);
  // Ranges in different shadow trees have no order; keep the scan's order.
  if (position & Node.DOCUMENT_POSITION_DISCONNECTED) return 0;
  return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** Sorts mentions into document order, in place. */
export function sortByDocument(mentions: PaintedMention[]): PaintedMention[] {
  return mentions.sort((a, b) => compareStarts(a.range, b.range));
}
